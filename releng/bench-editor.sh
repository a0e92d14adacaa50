#!/usr/bin/env bash
# Benchmark of the annotation editor (EditorBenchmark in taiyi.workbench.ui.tests): opens a
# 100,000-char document with 5,000 mentions, 1,500 suggestions and 400 relation suggestions in the
# real workbench under Xvfb and times opening it and each kind of keyboard decision (relation
# suggestions' accept and reject included) against the targets (open < 300 ms,
# decision < 50 ms). Runs only that class; the normal `verify` never does (its name matches no test
# pattern). Builds just the bundles the UI tests need, offline. After the figures it prints, per kind
# of key, where the time went (the command's handler, the text widget's paints, the rest of the event
# loop); with TAIYI_BENCH_SAMPLE=1 also the UI thread's most sampled methods (a 1 ms stack sampler).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
modules=bundles/taiyi.workbench.core,bundles/taiyi.workbench.formats,bundles/taiyi.workbench.store,\
bundles/taiyi.workbench.index,bundles/taiyi.workbench.curation,bundles/taiyi.workbench.inference,bundles/taiyi.workbench.inference.djl,bundles/taiyi.workbench.bench,\
bundles/taiyi.workbench.cli,bundles/taiyi.workbench.ui,bundles/taiyi.workbench.app,features/taiyi.workbench.feature,\
bundles/taiyi.workbench.ui.tests
xvfb-run -a -s "-screen 0 1600x1000x24" ./mvnw -B -o -q verify -pl "$modules" -Dtest=EditorBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat bundles/taiyi.workbench.ui.tests/target/bench/editor-benchmark.txt
