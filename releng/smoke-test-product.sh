#!/usr/bin/env bash
# Smoke test of the materialized product, run by the build after the product is assembled
# (./mvnw verify) and usable by hand: the headless CLI loads the DJL engine offline from the
# product's own bundles, and the workbench starts on a fresh data folder, imports the sample
# corpus and keeps running. Needs a display for the last part (the build runs under Xvfb).
#
# Both launchers are started the way a fresh clone starts them the first time: from a tree with no
# product, where they must build it and then start it. The tree is a copy of releng's scripts whose
# ./mvnw stands in for the build by linking the product this build just made (running the real
# build inside the build would recurse); it records its arguments, which must ask for the product.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=${1:-$here/taiyi.workbench.product/target/smoke}
rm -rf "$work"
mkdir -p "$work"
export TAIYI_DATA="$work/data"
products=$here/taiyi.workbench.product/target/products/taiyi.workbench/linux/gtk/x86_64

fresh=$work/fresh-clone
fresh_tree() { # a tree with the launch scripts and no product; ./mvnw "builds" it
  rm -rf "$fresh"
  mkdir -p "$fresh/releng"
  cp "$here/taiyi" "$here/run-workbench.sh" "$here/product-home.sh" "$fresh/releng/"
  cat > "$fresh/mvnw" <<MVNW
#!/usr/bin/env bash
echo "\$*" >> "$fresh/mvnw-calls.txt"
mkdir -p "$fresh/releng/taiyi.workbench.product/target/products/taiyi.workbench/linux/gtk"
ln -s "$products" "$fresh/releng/taiyi.workbench.product/target/products/taiyi.workbench/linux/gtk/x86_64"
MVNW
  chmod +x "$fresh/mvnw"
}
built_once() { # launcher name: the fresh tree's ./mvnw ran exactly once, for the product
  if [ "$(cat "$fresh/mvnw-calls.txt" 2>/dev/null)" != "-B -q verify -DskipTests" ]; then
    echo "smoke: FAILED: the first run of $1 did not build the product once; ./mvnw calls:" >&2
    cat "$fresh/mvnw-calls.txt" >&2 || true
    exit 1
  fi
}

echo "smoke: releng/taiyi version, the first run in a tree without a product"
fresh_tree
"$fresh/releng/taiyi" version 2> "$work/first-run.txt" | tee "$work/version.txt" \
  || { echo "smoke: FAILED: the first run of releng/taiyi exited non-zero:" >&2; cat "$work/first-run.txt" >&2; exit 1; }
built_once releng/taiyi
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
echo "smoke: releng/run-workbench.sh, the first run in a tree without a product"
fresh_tree
"$fresh/releng/run-workbench.sh" > "$work/workbench.log" 2>&1 &
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
built_once releng/run-workbench.sh
echo "smoke: workbench running with the sample corpus in $TAIYI_DATA/db"
