#!/usr/bin/env bash
# Opens Taiyi Workbench (building the product first if needed). On the first start it creates the
# H2 corpus database in the data folder ($TAIYI_DATA, default ~/.local/share/taiyi-workbench) and
# imports the bundled NCBI-disease sample corpus. Extra arguments go to Eclipse (e.g. -clearPersistedState).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/product-home.sh"
# The language: -nl given here wins; else the one chosen on Window > Preferences > Taiyi (kept in
# $TAIYI_DATA/language, e.g. zh_CN); else the OS's locale.
language=()
if [[ " $* " != *" -nl "* && -f "$TAIYI_DATA/language" ]]; then
  nl=$(head -n 1 "$TAIYI_DATA/language")
  [[ "$nl" =~ ^[a-z]{2}(_[A-Z]{2})?$ ]] && language=(-nl "$nl")
fi
exec java "${TAIYI_VM_ARGS[@]}" -Xmx4g -jar "$TAIYI_LAUNCHER" \
  -data "$TAIYI_DATA/workspace" -configuration "$(taiyi_configuration workbench)" \
  -application taiyi.workbench.app.application -product taiyi.workbench.app.product -consoleLog "${language[@]}" "$@"
