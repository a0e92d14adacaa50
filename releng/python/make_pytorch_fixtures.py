"""Writes the small PyTorch checkpoints that test taiyi.workbench.inference.djl.weights.PyTorchCheckpoint.

Run with Debian's python3-torch (the system interpreter, not a pyenv shim):
    /usr/bin/python3 releng/python/make_pytorch_fixtures.py bundles/taiyi.workbench.inference.djl.tests/fixtures/pytorch

Writes, with torch.save (zip format, as transformers saves pytorch_model-*.bin):
  small.bin               f32, f16, bf16, f64, int64, int32, int16, int8, uint8, bool tensors, a 0-d tensor,
                          an nn.Parameter, two views sharing one storage at different offsets, and a
                          transposed (non-contiguous) tensor
  sharded/                pytorch_model-0000{1,2}-of-00002.bin + pytorch_model.bin.index.json
  legacy.bin              the pre-1.6 (non-zip) torch.save format
  hostile.bin             a zip laid out like a checkpoint whose data.pkl calls os.system
  expected.json           per tensor of small.bin: dtype, shape, and its values in row-major order
                          (bf16 as raw 16-bit patterns, since Java has no bf16 type)
"""
import collections
import json
import os
import pickle
import sys
import zipfile

import torch

torch.manual_seed(20261126)
torch.set_num_threads(2)


def small_state_dict():
    shared = torch.arange(12, dtype=torch.float32) * 0.5
    return {
        "f32": torch.randn(2, 3),
        "f16": torch.randn(3, 2).half(),
        "bf16": (torch.randn(4) * 100).bfloat16(),
        "f64": torch.tensor([1.0 / 3.0, -2.5e-300], dtype=torch.float64),
        "i64": torch.tensor([0, -1, 2**40, 151643, -(2**62)], dtype=torch.int64),
        "i32": torch.tensor([[7, -8], [2**31 - 1, -(2**31)]], dtype=torch.int32),
        "i16": torch.tensor([-300, 300], dtype=torch.int16),
        "i8": torch.tensor([-128, 127, 0], dtype=torch.int8),
        "u8": torch.tensor([0, 255, 17], dtype=torch.uint8),
        "mask": torch.tensor([True, False, True]),
        "scalar": torch.tensor(42.25),
        "param": torch.nn.Parameter(torch.randn(2, 2)),
        # views of one storage: both contiguous, at storage offsets 2 and 4
        "shared.a": shared[2:6],
        "shared.b": shared.view(3, 4)[1],
        # transposed: stride (1, 3) for shape (3, 2), not contiguous
        "transposed": torch.arange(6, dtype=torch.float32).view(2, 3).t(),
        "empty": torch.zeros(0, 4),
    }


def expected_of(state):
    out = {}
    for name, t in state.items():
        t = t.detach().contiguous()
        if t.dtype == torch.bfloat16:
            values = t.view(torch.int16).reshape(-1).tolist()
            values = [v & 0xFFFF for v in values]
        else:
            values = t.reshape(-1).tolist()
        out[name] = {"dtype": str(t.dtype).replace("torch.", ""), "shape": list(t.shape), "values": values}
    return out


class Hostile:
    def __reduce__(self):
        return (os.system, ("echo the checkpoint ran a command",))


def main(out_dir):
    os.makedirs(os.path.join(out_dir, "sharded"), exist_ok=True)
    state = small_state_dict()
    # shared.a and shared.b must still share a storage when saved
    assert state["shared.a"].storage().data_ptr() == state["shared.b"].storage().data_ptr()
    torch.save(state, os.path.join(out_dir, "small.bin"))
    with open(os.path.join(out_dir, "expected.json"), "w") as f:
        json.dump({"torch": torch.__version__, "tensors": expected_of(state)}, f, indent=1)
        f.write("\n")

    torch.save({"a": torch.ones(2)}, os.path.join(out_dir, "legacy.bin"), _use_new_zipfile_serialization=False)

    # Shards as a model's state_dict() saves them: an OrderedDict with a _metadata attribute, which
    # pickles as REDUCE + SETITEMS + BUILD.
    shard1 = collections.OrderedDict([("transformer.wte.weight", torch.arange(8, dtype=torch.float16).view(4, 2)),
                                      ("transformer.h.0.ln_1.weight", torch.full((2,), 0.5, dtype=torch.float16))])
    shard2 = collections.OrderedDict([("lm_head.weight", torch.arange(8, dtype=torch.float16).view(4, 2) * -1)])
    for shard in (shard1, shard2):
        shard._metadata = collections.OrderedDict([("", {"version": 1}), ("transformer", {"version": 1})])
    names = ["pytorch_model-00001-of-00002.bin", "pytorch_model-00002-of-00002.bin"]
    weight_map = {}
    for shard, name in zip((shard1, shard2), names):
        torch.save(shard, os.path.join(out_dir, "sharded", name))
        weight_map.update({k: name for k in shard})
    with open(os.path.join(out_dir, "sharded", "pytorch_model.bin.index.json"), "w") as f:
        json.dump({"metadata": {"total_size": 40}, "weight_map": weight_map}, f, indent=1)
        f.write("\n")

    with zipfile.ZipFile(os.path.join(out_dir, "hostile.bin"), "w", zipfile.ZIP_STORED) as z:
        z.writestr("hostile/data.pkl", pickle.dumps({"w": Hostile()}, protocol=2))
        z.writestr("hostile/byteorder", "little")
        z.writestr("hostile/version", "3\n")
    print("wrote", out_dir, "with torch", torch.__version__)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_pytorch_fixtures.py OUT_DIR")
    main(sys.argv[1])
