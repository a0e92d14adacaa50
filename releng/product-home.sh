# Sourced by the launch scripts: finds (building if needed) the materialized product and the data folder.
# Sets TAIYI_ROOT, TAIYI_PRODUCT (the installation folder), TAIYI_LAUNCHER (its Equinox launcher jar)
# and TAIYI_DATA (the workbench data folder, shared by the UI and the CLI).
TAIYI_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
products="$TAIYI_ROOT/releng/taiyi.workbench.product/target/products/taiyi.workbench/linux/gtk/x86_64"

# Prints the product's Equinox launcher jar, or nothing (status 0 either way: the callers run under
# `set -euo pipefail`, where a failing `ls` of a glob that matches nothing once killed the first run).
find_launcher() {
  local jar
  for jar in "$products"/taiyi-workbench/plugins/org.eclipse.equinox.launcher_*.jar \
             "$products"/plugins/org.eclipse.equinox.launcher_*.jar; do
    if [ -f "$jar" ]; then
      echo "$jar"
      return 0
    fi
  done
}

TAIYI_LAUNCHER=$(find_launcher)
if [ -z "$TAIYI_LAUNCHER" ]; then
  echo "taiyi: the product is not built yet; building it (./mvnw verify -DskipTests) ..." >&2
  (cd "$TAIYI_ROOT" && ./mvnw -B -q verify -DskipTests) >&2
  TAIYI_LAUNCHER=$(find_launcher)
  if [ -z "$TAIYI_LAUNCHER" ]; then
    echo "taiyi: the build finished but left no Equinox launcher under $products" >&2
    exit 1
  fi
  echo "taiyi: built the product in $products" >&2
fi
TAIYI_PRODUCT=$(dirname "$(dirname "$TAIYI_LAUNCHER")")
TAIYI_DATA=${TAIYI_DATA:-${XDG_DATA_HOME:-$HOME/.local/share}/taiyi-workbench}
export TAIYI_DATA
# private to the user: corpora may be clinical text (the workbench also tightens an older, open folder)
[ -d "$TAIYI_DATA" ] || (umask 077 && mkdir -p "$TAIYI_DATA")

# Equinox caches the resolved bundles in its configuration area; one left by another build of the
# product fails to start, so each build gets its own area (keyed by the product's artifact list)
# and the areas of older builds are removed.
TAIYI_BUILD_STAMP=$(cksum < "$TAIYI_PRODUCT/artifacts.xml" | cut -d' ' -f1)
taiyi_configuration() { # kind (workbench or cli) -> configuration folder of this build
  local kind=$1 dir
  for dir in "$TAIYI_DATA/configuration/$kind"-*; do
    [ -d "$dir" ] && [ "$dir" != "$TAIYI_DATA/configuration/$kind-$TAIYI_BUILD_STAMP" ] && rm -rf "$dir"
  done
  echo "$TAIYI_DATA/configuration/$kind-$TAIYI_BUILD_STAMP"
}

# JVM options both launchers share: DJL stays offline (no download, no EC2 telemetry probe) and
# unpacks its natives into the data folder; SLF4J (DJL's logger) only reports warnings.
# H2's AUTO_SERVER (the CLI sharing the open workbench's database) listens on loopback only.
TAIYI_VM_ARGS=(-Dtaiyi.data="$TAIYI_DATA" -Dai.djl.offline=true -DOPT_OUT_TRACKING=true -Dh2.bindAddress=127.0.0.1
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.logFile=System.err
  -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error)

# libtorch's OpenMP threads spin while they wait by default; on a desktop with a few cores that
# made decoding 5x slower whenever anything else ran (measured on 2 cores). Overridable.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
