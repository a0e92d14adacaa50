#!/usr/bin/env bash
# Benchmark of the Relation Graph view (RelationGraphBenchmark in taiyi.workbench.ui.tests), through the
# editor benchmark's harness: imports BC5CDR training + development (1,000 abstracts, 2,050 CID
# relations) and times, in the real workbench under Xvfb, the corpus graph's opening (store read,
# layout, parts, first paint; target < 1 s), a document's (target < 100 ms), and a zoom and a pan
# step to the next paint; first where the corpus graph's time goes (store read, graph, layout,
# consistency finder). Runs only that class; the normal `verify` never does. Offline.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
modules=bundles/taiyi.workbench.core,bundles/taiyi.workbench.formats,bundles/taiyi.workbench.store,\
bundles/taiyi.workbench.index,bundles/taiyi.workbench.curation,bundles/taiyi.workbench.inference,bundles/taiyi.workbench.inference.djl,bundles/taiyi.workbench.learning,bundles/taiyi.workbench.bench,bundles/taiyi.workbench.testing,\
bundles/taiyi.workbench.cli,bundles/taiyi.workbench.ui,bundles/taiyi.workbench.app,features/taiyi.workbench.feature,\
bundles/taiyi.workbench.ui.tests
xvfb-run -a -s "-screen 0 1600x1000x24" ./mvnw -B -o -q verify -pl "$modules" -Dtest=RelationGraphBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat bundles/taiyi.workbench.ui.tests/target/bench/graph-benchmark.txt
