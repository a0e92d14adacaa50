#!/usr/bin/env bash
# Smoke test of the materialized product, run by the build after the product is assembled
# (./mvnw verify) and usable by hand: the headless CLI loads the DJL engine offline from the
# product's own bundles, and the workbench starts on a fresh data folder, imports the sample
# corpus and keeps running. Needs a display for the second part (the build runs under Xvfb).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=${1:-$here/taiyi.workbench.product/target/smoke}
rm -rf "$work"
mkdir -p "$work"
export TAIYI_DATA="$work/data"

echo "smoke: releng/taiyi version"
"$here/taiyi" version | tee "$work/version.txt"
tail -n 1 "$work/version.txt" | grep -q '^taiyi version: .*PyTorch 2\.7\.1 engine loaded offline.*check 54\.0$' \
  || { echo "smoke: FAILED: taiyi version did not report a working PyTorch engine" >&2; exit 1; }

echo "smoke: releng/taiyi bench --help (the benchmarks bundle is in the product and mounted by the CLI)"
"$here/taiyi" bench --help > "$work/bench-help.txt"
for name in formats store index decoder tokenizer; do
  grep -q "^ *$name " "$work/bench-help.txt" || { echo "smoke: FAILED: taiyi bench has no $name benchmark:" >&2; cat "$work/bench-help.txt" >&2; exit 1; }
done

echo "smoke: releng/taiyi preannotate (a Taiyi-layout .bin model folder read inside the product)"
root=$(cd "$here/.." && pwd)
cp -r "$root/bundles/taiyi.workbench.inference.djl.tests/fixtures/qwen-tiny-bin" "$work/model"
gunzip -c "$root/bundles/taiyi.workbench.inference.djl.tests/fixtures/tokenizer/qwen.tiktoken.gz" > "$work/model/qwen.tiktoken"
# a database of its own: the workbench below must start on an empty one (it imports the sample then)
"$here/taiyi" import --db "$work/cli-db" --corpus smoke --format pubtator "$root/bundles/taiyi.workbench.app/samples/NCBIdevelopset_corpus.txt" \
  > "$work/import.txt"
# the tiny checkpoint's vocabulary (1,000) is smaller than Qwen's tokenizer, which is checked once the config, the
# tokenizer and the pytorch_model-*.bin shards (index, zip, pickle) have all been read by the product's bundles
if "$here/taiyi" preannotate --db "$work/cli-db" --corpus smoke --model "$work/model" --limit 1 > "$work/preannotate.txt" 2>&1; then
  echo "smoke: FAILED: preannotate accepted a model whose vocabulary is smaller than its tokenizer" >&2; exit 1
fi
grep -q "151851 tokens, but the model's vocab_size is 1000" "$work/preannotate.txt" \
  || { echo "smoke: FAILED: preannotate did not read the model folder:" >&2; cat "$work/preannotate.txt" >&2; exit 1; }

if [ -z "${DISPLAY:-}" ]; then
  echo "smoke: no DISPLAY, workbench start not checked" >&2
  exit 0
fi
echo "smoke: releng/run-workbench.sh"
"$here/run-workbench.sh" > "$work/workbench.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  grep -q 'Imported the sample corpus ncbi-disease-devel: 100 documents' "$work/workbench.log" && break
  kill -0 $pid 2>/dev/null || break
  sleep 1
done
sleep 3
if ! kill -0 $pid 2>/dev/null || ! grep -q 'Imported the sample corpus' "$work/workbench.log" || grep -q '^!ENTRY .* 4 ' "$work/workbench.log"; then
  echo "smoke: FAILED: the workbench did not start cleanly; its log:" >&2
  cat "$work/workbench.log" >&2
  exit 1
fi
echo "smoke: workbench running with the sample corpus in $TAIYI_DATA/db"
