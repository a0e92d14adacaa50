#!/usr/bin/env bash
# Makes the openai npm client test (OpenAiNodeClientTest) runnable: Node 18 or later (Debian's
# nodejs and npm when the machine has no node) and `npm ci` in releng/openai-client, which installs
# the exact openai@6 of its package-lock.json from the npm registry. Used by .ci/run; run it once by
# hand to run that test locally (without it the test skips, unless TAIYI_TEST_NODE_REQUIRED is set).
set -euo pipefail
cd "$(dirname "$0")/openai-client"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "openai-client-for-tests: apt-get install nodejs npm" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 18 ]; then
  echo "openai-client-for-tests: node $(node --version) is too old for openai@6 (18 or later)" >&2
  exit 1
fi
npm ci --no-audit --no-fund --loglevel=error
echo "openai-client-for-tests: node $(node --version), $(node -p 'require("./node_modules/openai/package.json").version' 2>/dev/null || echo openai) in $(pwd)/node_modules"
