#!/usr/bin/env bash
# Opens Taiyi Workbench (building the product first if needed). On the first start it creates the
# H2 corpus database in the data folder ($TAIYI_DATA, default ~/.local/share/taiyi-workbench) and
# imports the bundled NCBI-disease sample corpus. Extra arguments go to Eclipse (e.g. -clearPersistedState).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/product-home.sh"
exec java "${TAIYI_VM_ARGS[@]}" -Xmx4g -jar "$TAIYI_LAUNCHER" \
  -data "$TAIYI_DATA/workspace" -configuration "$(taiyi_configuration workbench)" \
  -application taiyi.workbench.app.application -product taiyi.workbench.app.product -consoleLog "$@"
