#!/usr/bin/env bash
# Trains this round's QLoRA adapter with torchrun and DeepSpeed ZeRO-3 on every GPU of this machine.
# Usage: train/launch.sh MODEL_DIR OUTPUT_DIR [torchrun options, e.g. --nnodes 2 --node_rank 0 --master_addr HOST]
# Install the packages first: pip install -r train/requirements.txt
# Then, on the workbench's machine: taiyi adapter import --round N --model MODEL_DIR OUTPUT_DIR
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ $# -lt 2 ]; then
    echo "usage: $0 MODEL_DIR OUTPUT_DIR [torchrun options]" >&2
    exit 2
fi
model="$1"
out="$2"
shift 2
gpus="${NPROC_PER_NODE:-$(nvidia-smi -L 2>/dev/null | wc -l)}"
if [ "$gpus" -lt 1 ]; then
    echo "$0: no GPU found (nvidia-smi lists none; set NPROC_PER_NODE to override)" >&2
    exit 1
fi
exec torchrun --nproc_per_node "$gpus" "$@" "$here/train_qlora.py" \
    --model_name_or_path "$model" --output_dir "$out" \
    --data_dir "$(dirname "$here")" --config "$here/config.json" --deepspeed "$here/ds_zero3.json"
