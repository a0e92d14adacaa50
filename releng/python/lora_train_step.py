#!/usr/bin/env python3
"""Times one LoRA training step of the reference trainer on a random medium Qwen v1 model.

Self-contained (no downloads, no model files): the medium model of `taiyi bench decoder` / `taiyi bench
train` (8 layers, hidden 1024, 16 heads, intermediate 5504, vocabulary 151936; about 412 M
parameters) is drawn at random in memory, LoRA r 64 goes on c_attn, c_proj, w1 and w2, and each
step is the same as releng/python/lora_reference.py's: forward, loss on the answer half of each
row, backward (optionally recomputing each block, as the Java trainer does), clipping, AdamW.

Runs on the GPU when torch sees one (torch.device('cuda')), else on the CPU. Prints one JSON line
per configuration with tokens/s.

  python3 releng/python/lora_train_step.py [--device auto|cpu|cuda] [--batch 2 8] [--length 64 512]
"""

import argparse
import json
import math
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lora_reference as lr  # noqa: E402
import qwen_reference as qr  # noqa: E402

MEDIUM = {"hidden_size": 1024, "num_attention_heads": 16, "num_hidden_layers": 8, "intermediate_size": 5504,
          "vocab_size": 151936, "layer_norm_epsilon": 1e-6, "rotary_emb_base": 10000.0, "kv_channels": 64,
          "seq_length": 2048, "rotary_pct": 1.0}


def random_medium(device, seed):
    g = torch.Generator(device="cpu").manual_seed(seed)
    weights = {}
    for name, shape in qr.layout(MEDIUM).items():
        offset, scale = qr.value_range(name, shape)
        t = offset + scale * (torch.rand(shape, generator=g, device="cpu") * 2 - 1)
        weights[name] = t.to(device)
    return weights


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    p.add_argument("--batch", type=int, nargs="+", default=[2, 8])
    p.add_argument("--length", type=int, nargs="+", default=[64, 512])
    p.add_argument("--rank", type=int, default=64)
    p.add_argument("--steps", type=int, default=5)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--threads", type=int, default=0)
    p.add_argument("--no-checkpoint", action="store_true", help="keep every block's graph instead of recomputing it")
    args = p.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    use_cuda = args.device == "cuda" or (args.device == "auto" and torch.cuda.is_available())
    device = torch.device("cuda" if use_cuda else "cpu")
    if hasattr(torch, "set_default_device"):
        torch.set_default_device(device)
    t0 = time.perf_counter()
    weights = random_medium(device, 20261126)
    model = lr.LoraQwen(MEDIUM, weights, args.rank, args.rank * 2, 0.0, ["c_attn", "c_proj", "w1", "w2"], 1, fast_init=True)
    model.cos, model.sin = model.cos.to(device), model.sin.to(device)
    for a, b in model.lora.values():
        a.data, b.data = a.data.to(device), b.data.to(device)
    build = time.perf_counter() - t0
    name = torch.cuda.get_device_name(0) if use_cuda else "cpu"
    for batch in args.batch:
        for length in args.length:
            ns = argparse.Namespace(batch=batch, length=length, steps=args.steps, warmup=args.warmup,
                                    checkpoint=not args.no_checkpoint)
            if use_cuda:
                torch.cuda.reset_peak_memory_stats()
            lr.run_bench(model, MEDIUM, ns, device)
            if use_cuda:
                print(json.dumps({"device_name": name, "batch": batch, "length": length,
                                  "peak_gpu_memory_gib": torch.cuda.max_memory_allocated() / 2 ** 30,
                                  "model_build_s": build}), flush=True)


if __name__ == "__main__":
    main()
