#!/usr/bin/env bash
# Installs, with apt, the Debian packages the build, the tests and the launchers need and a fresh
# machine lacks (nothing when all are there). Used by .ci/run; run it once by hand on a new machine.
set -euo pipefail
packages=(
  xvfb              # a virtual X server: the SWT UI tests and the product smoke test run under xvfb-run
  xauth             # xvfb-run's authority file
  libgtk-3-0        # SWT's widget toolkit
  libxtst6          # SWT's Display.post (key and mouse events in the UI tests)
  fonts-dejavu-core # Latin text
  fonts-noto-cjk    # Chinese text: without a CJK font the ideographs are drawn as boxes
  fontconfig        # fc-list, used below to prove a CJK font is known
)
need=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "install-prerequisites: apt-get install ${need[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if [ -z "$(fc-list :lang=zh family)" ]; then
  echo "install-prerequisites: no installed font covers Chinese (fc-list :lang=zh is empty)" >&2
  exit 1
fi
