#!/usr/bin/python3
"""Plain-torch reference for the Java Qwen v1 decoder (taiyi.workbench.inference.djl.qwen).

Runs with Debian's python3-torch 1.13.1 and nothing else (no safetensors, no transformers):
its own safetensors reader and writer, the seeded random weights the Java side generates
identically (RandomWeights.java), LoRA merge, the Qwen v1 forward pass with a KV cache and
left-padded batches, and greedy decoding.

Subcommands:
  fixture OUT.json   build the tiny random model in a temp folder and write the expected
                     outputs the Java tests compare against
  bench --model DIR  time greedy decoding of a model folder (written by DecoderBenchmark)
                     and print one JSON line per batch size
"""

import argparse
import json
import math
import mmap
import os
import statistics
import struct
import sys
import tempfile
import time

import torch

MASK64 = (1 << 64) - 1

# ---------------------------------------------------------------- seeded random weights


def fnv1a64(name):
    h = 0xcbf29ce484222325
    for b in name.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001b3) & MASK64
    return h


def value_range(name, shape):
    """(offset, scale) of a tensor's values; same rule as RandomWeights.range in Java."""
    if name.endswith("ln_1.weight") or name.endswith("ln_2.weight") or name.endswith("ln_f.weight"):
        return 1.0, 0.1
    if name.endswith(".bias"):
        return 0.0, 0.1
    if name == "transformer.wte.weight":
        return 0.0, 1.0
    return 0.0, 2.0 / math.sqrt(shape[-1])


def random_values(seed, name, shape, bf16_exact=False):
    """splitmix64 from seed ^ fnv1a64(name); value = offset + scale * (2u - 1), u = top 24 bits / 2^24."""
    offset, scale = value_range(name, shape)
    state = (seed ^ fnv1a64(name)) & MASK64
    n = 1
    for d in shape:
        n *= d
    out = [0.0] * n
    for i in range(n):
        state = (state + 0x9E3779B97F4A7C15) & MASK64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        z ^= z >> 31
        u = (z >> 40) * (1.0 / (1 << 24))
        out[i] = offset + scale * (2.0 * u - 1.0)
    t = torch.tensor(out, dtype=torch.float64).to(torch.float32).reshape(shape)
    if bf16_exact:
        t = t.to(torch.bfloat16).to(torch.float32)
    return t


# ---------------------------------------------------------------- safetensors

DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16, "F64": torch.float64,
          "I64": torch.int64, "I32": torch.int32, "I16": torch.int16, "I8": torch.int8, "U8": torch.uint8,
          "BOOL": torch.bool}
NAMES = {v: k for k, v in DTYPES.items()}


def read_safetensors(path):
    """name -> tensor (copied out of the mapping)."""
    with open(path, "rb") as f:
        mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    (n,) = struct.unpack("<Q", mm[:8])
    header = json.loads(mm[8:8 + n].decode("utf-8"))
    start = 8 + n
    out = {}
    for name, e in header.items():
        if name == "__metadata__":
            continue
        b, end = e["data_offsets"]
        dtype = DTYPES[e["dtype"]]
        raw = bytearray(mm[start + b:start + end])
        t = torch.frombuffer(raw, dtype=dtype) if raw else torch.empty(0, dtype=dtype)
        out[name] = t.reshape(e["shape"])
    mm.close()
    return out


def write_safetensors(path, tensors):
    header = {"__metadata__": {"format": "pt"}}
    at = 0
    blobs = []
    for name, t in tensors.items():
        t = t.contiguous()
        data = t.view(torch.uint8).numpy().tobytes() if t.dtype != torch.bfloat16 else \
            t.view(torch.int16).numpy().tobytes()
        header[name] = {"dtype": NAMES[t.dtype], "shape": list(t.shape), "data_offsets": [at, at + len(data)]}
        at += len(data)
        blobs.append(data)
    raw = json.dumps(header, separators=(",", ":")).encode("utf-8")
    raw += b" " * ((8 - len(raw) % 8) % 8)
    tmp = path + ".part"
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(raw)))
        f.write(raw)
        for b in blobs:
            f.write(b)
    os.replace(tmp, path)


def read_weights(folder):
    index = os.path.join(folder, "model.safetensors.index.json")
    if os.path.exists(index):
        with open(index) as f:
            weight_map = json.load(f)["weight_map"]
        out = {}
        for shard in sorted(set(weight_map.values())):
            out.update(read_safetensors(os.path.join(folder, shard)))
        return out
    return read_safetensors(os.path.join(folder, "model.safetensors"))


# ---------------------------------------------------------------- Qwen v1 layout and random checkpoints


def layout(cfg):
    h = cfg["hidden_size"]
    p = cfg["num_attention_heads"] * cfg["kv_channels"]
    m = cfg["intermediate_size"] // 2
    shapes = {"transformer.wte.weight": [cfg["vocab_size"], h]}
    for i in range(cfg["num_hidden_layers"]):
        pre = "transformer.h.%d." % i
        shapes[pre + "ln_1.weight"] = [h]
        shapes[pre + "attn.c_attn.weight"] = [3 * p, h]
        shapes[pre + "attn.c_attn.bias"] = [3 * p]
        shapes[pre + "attn.c_proj.weight"] = [h, p]
        shapes[pre + "ln_2.weight"] = [h]
        shapes[pre + "mlp.w1.weight"] = [m, h]
        shapes[pre + "mlp.w2.weight"] = [m, h]
        shapes[pre + "mlp.c_proj.weight"] = [h, m]
    shapes["transformer.ln_f.weight"] = [h]
    shapes["lm_head.weight"] = [cfg["vocab_size"], h]
    return shapes


def write_random_model(folder, cfg, seed):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(dict(cfg, architectures=["QWenLMHeadModel"], model_type="qwen"), f, indent=2)
    tensors = {name: random_values(seed, name, shape) for name, shape in layout(cfg).items()}
    write_safetensors(os.path.join(folder, "model.safetensors"), tensors)


def write_random_adapter(folder, cfg, seed, r, alpha, targets):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "adapter_config.json"), "w") as f:
        json.dump({"peft_type": "LORA", "r": r, "lora_alpha": alpha, "bias": "none", "fan_in_fan_out": False,
                   "target_modules": targets}, f, indent=2)
    tensors = {}
    for name, shape in layout(cfg).items():
        if len(shape) != 2 or not name.startswith("transformer.h."):
            continue
        module = name[:-len(".weight")]
        if module.rsplit(".", 1)[1] not in targets:
            continue
        a = "base_model.model." + module + ".lora_A.weight"
        b = "base_model.model." + module + ".lora_B.weight"
        tensors[a] = random_values(seed, a, [r, shape[1]])
        tensors[b] = random_values(seed, b, [shape[0], r])
    write_safetensors(os.path.join(folder, "adapter_model.safetensors"), tensors)


def merge_adapter(weights, folder):
    """W += (lora_alpha / r) * B @ A for every adapted module."""
    with open(os.path.join(folder, "adapter_config.json")) as f:
        acfg = json.load(f)
    scale = acfg["lora_alpha"] / acfg["r"]
    lora = read_safetensors(os.path.join(folder, "adapter_model.safetensors"))
    for name in lora:
        if not name.endswith(".lora_A.weight"):
            continue
        module = name[:-len(".lora_A.weight")]
        base = module[len("base_model.model."):] + ".weight"
        a = lora[name].float()
        b = lora[module + ".lora_B.weight"].float()
        delta = (b @ a) * scale
        if acfg.get("fan_in_fan_out", False):
            delta = delta.t()
        weights[base] = weights[base].float() + delta


# ---------------------------------------------------------------- the model


class QwenReference:
    """Qwen v1 forward pass in float32 with a KV cache and left-padded rows (positions start at each row's first token)."""

    def __init__(self, cfg, weights):
        self.cfg = cfg
        self.w = {k: v.float().contiguous() for k, v in weights.items()}
        self.heads = cfg["num_attention_heads"]
        self.d = cfg["kv_channels"]
        self.rot = int(self.d * cfg.get("rotary_pct", 1.0))
        self.eps = cfg.get("layer_norm_epsilon", 1e-6)
        base = cfg.get("rotary_emb_base", 10000)
        inv_freq = 1.0 / (base ** (torch.arange(0, self.rot, 2).float() / self.rot))
        seq = torch.arange(cfg["seq_length"], dtype=torch.float32)
        freqs = torch.outer(seq, inv_freq)
        emb = torch.cat((freqs, freqs), dim=-1)
        self.cos, self.sin = emb.cos(), emb.sin()

    def rms(self, x, w):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * w

    @staticmethod
    def rotate_half(x):
        x1, x2 = x.chunk(2, dim=-1)
        return torch.cat((-x2, x1), dim=-1)

    def rotary(self, x, cos, sin):
        xr, xp = x[..., :self.rot], x[..., self.rot:]
        return torch.cat((xr * cos + self.rotate_half(xr) * sin, xp), dim=-1)

    def forward(self, ids, cache, padding, all_positions=False):
        """ids [B,T] int64; cache: dict with 'k','v' lists and 'length'; padding: list of left pads."""
        B, T = ids.shape
        past = cache["length"]
        S = past + T
        pad = torch.tensor(padding, dtype=torch.int64)
        query = past + torch.arange(T)
        key = torch.arange(S)
        pos = (query[None, :] - pad[:, None]).clamp(min=0)
        cos = self.cos[pos].unsqueeze(1)
        sin = self.sin[pos].unsqueeze(1)
        # a query sees the keys up to itself that are not padding; a padding query also sees itself
        causal = key[None, :] <= query[:, None]
        itself = key[None, :] == query[:, None]
        real = key[None, :] >= pad[:, None]
        allowed = causal[None, :, :] & (real[:, None, :] | itself[None, :, :])
        mask = torch.where(allowed, torch.tensor(0.0), torch.tensor(torch.finfo(torch.float32).min)).unsqueeze(1)
        use_mask = T > 1 or any(p > 0 for p in padding)
        w = self.w
        x = torch.nn.functional.embedding(ids, w["transformer.wte.weight"])
        P = self.heads * self.d
        for l in range(self.cfg["num_hidden_layers"]):
            pre = "transformer.h.%d." % l
            h = self.rms(x, w[pre + "ln_1.weight"])
            qkv = torch.nn.functional.linear(h, w[pre + "attn.c_attn.weight"], w[pre + "attn.c_attn.bias"])
            q, k, v = qkv.split(P, dim=2)
            q, k, v = (t.reshape(B, T, self.heads, self.d).transpose(1, 2) for t in (q, k, v))
            q = self.rotary(q, cos, sin)
            k = self.rotary(k, cos, sin)
            if past > 0:
                k = torch.cat((cache["k"][l], k), dim=2)
                v = torch.cat((cache["v"][l], v), dim=2)
            if len(cache["k"]) > l:
                cache["k"][l], cache["v"][l] = k, v
            else:
                cache["k"].append(k)
                cache["v"].append(v)
            scores = torch.matmul(q, k.transpose(2, 3)) / math.sqrt(self.d)
            if use_mask:
                scores = scores + mask
            probs = torch.softmax(scores, dim=-1)
            ctx = torch.matmul(probs, v).transpose(1, 2).reshape(B, T, P)
            x = x + torch.nn.functional.linear(ctx, w[pre + "attn.c_proj.weight"])
            h = self.rms(x, w[pre + "ln_2.weight"])
            a1 = torch.nn.functional.linear(h, w[pre + "mlp.w1.weight"])
            a2 = torch.nn.functional.linear(h, w[pre + "mlp.w2.weight"])
            x = x + torch.nn.functional.linear(a1 * torch.nn.functional.silu(a2), w[pre + "mlp.c_proj.weight"])
        cache["length"] = S
        if not all_positions:
            x = x[:, -1:, :]
        return torch.nn.functional.linear(self.rms(x, w["transformer.ln_f.weight"]), w["lm_head.weight"])


def left_pad(prompts):
    longest = max(len(p) for p in prompts)
    padding = [longest - len(p) for p in prompts]
    ids = torch.tensor([[0] * pad + list(p) for p, pad in zip(prompts, padding)], dtype=torch.int64)
    return ids, padding


def greedy(model, prompts, max_new, stop_ids=()):
    """Returns tokens, log-probs, per-step (max logit, argmax) per row, prefill seconds and each later step's seconds."""
    ids, padding = left_pad(prompts)
    cache = {"k": [], "v": [], "length": 0}
    B = len(prompts)
    tokens = [[] for _ in range(B)]
    logprobs = [[] for _ in range(B)]
    steps = [[] for _ in range(B)]
    done = [False] * B
    prefill = 0.0
    decode = []
    with torch.no_grad():
        for s in range(max_new):
            t0 = time.perf_counter()
            logits = model.forward(ids, cache, padding)[:, -1, :].float()
            lsm = torch.log_softmax(logits, dim=-1)
            best = lsm.argmax(dim=-1)
            best_lp = lsm.max(dim=-1).values
            mx = logits.max(dim=-1)
            ids = best.unsqueeze(1)
            elapsed = time.perf_counter() - t0
            if s == 0:
                prefill = elapsed
            else:
                decode.append(elapsed)
            for b in range(B):
                if done[b]:
                    continue
                tok = int(best[b])
                steps[b].append([float(mx.values[b]), int(mx.indices[b])])
                if tok in stop_ids:
                    done[b] = True
                    continue
                tokens[b].append(tok)
                logprobs[b].append(float(best_lp[b]))
            if all(done):
                break
    return tokens, logprobs, steps, prefill, decode


# ---------------------------------------------------------------- subcommands

TINY = {"hidden_size": 64, "num_attention_heads": 4, "num_hidden_layers": 2, "intermediate_size": 256,
        "vocab_size": 1000, "layer_norm_epsilon": 1e-6, "rotary_emb_base": 10000.0, "kv_channels": 16,
        "seq_length": 256, "rotary_pct": 1.0, "no_bias": True, "tie_word_embeddings": False}
SEED = 20261126
ADAPTER_SEED = 77
PROMPTS = [[17, 402, 9, 951, 33, 5, 640], [288, 71, 993, 120]]
NEW_TOKENS = 16
LAST_POSITIONS = 3


def fixture(out):
    torch.manual_seed(0)
    with tempfile.TemporaryDirectory() as tmp:
        model_dir = os.path.join(tmp, "model")
        adapter_dir = os.path.join(tmp, "adapter")
        write_random_model(model_dir, TINY, SEED)
        weights = read_weights(model_dir)
        model = QwenReference(TINY, weights)

        ids, padding = left_pad(PROMPTS)
        with torch.no_grad():
            logits = model.forward(ids, {"k": [], "v": [], "length": 0}, padding, all_positions=True)
        T = ids.shape[1]
        prefill = [{"row": b, "position": t, "logits": [round(float(v), 7) for v in logits[b, t]]}
                   for b in range(len(PROMPTS)) for t in range(T - LAST_POSITIONS, T)]
        tokens, logprobs, steps, _, _ = greedy(model, PROMPTS, NEW_TOKENS)
        alone = [greedy(model, [p], NEW_TOKENS)[0][0] for p in PROMPTS]

        lora = {"seed": ADAPTER_SEED, "r": 4, "lora_alpha": 16, "target_modules": ["c_attn", "c_proj", "w1", "w2"]}
        write_random_adapter(adapter_dir, TINY, ADAPTER_SEED, lora["r"], lora["lora_alpha"], lora["target_modules"])
        merge_adapter(weights, adapter_dir)
        merged = QwenReference(TINY, weights)
        with torch.no_grad():
            ml = merged.forward(ids, {"k": [], "v": [], "length": 0}, padding)
        lora["last_logits"] = [[round(float(v), 7) for v in ml[b, -1]] for b in range(len(PROMPTS))]
        lt, llp, _, _, _ = greedy(merged, PROMPTS, NEW_TOKENS)
        lora["tokens"] = lt
        lora["logprobs"] = llp

        first = {name: [float(v) for v in random_values(SEED, name, shape).flatten()[:4]]
                 for name, shape in layout(TINY).items() if name in ("transformer.wte.weight", "transformer.h.1.mlp.w2.weight",
                                                                     "transformer.ln_f.weight")}
    doc = {"generator": "releng/python/qwen_reference.py fixture (python3-torch %s)" % torch.__version__,
           "config": dict(TINY, architectures=["QWenLMHeadModel"], model_type="qwen"), "seed": SEED, "first_values": first, "prompts": PROMPTS, "padding": padding,
           "new_tokens": NEW_TOKENS, "prefill": prefill,
           "greedy": {"tokens": tokens, "logprobs": logprobs, "steps": steps, "alone": alone}, "lora": lora}
    tmp = out + ".part"
    with open(tmp, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    os.replace(tmp, out)
    print("wrote %s: greedy %s, lora %s" % (out, tokens, lt))


def bench_prompts(batch, length, vocab):
    """Same deterministic prompts as DecoderBenchmark.prompts in Java."""
    return [[(7 + 13 * i + 101 * r) % vocab for i in range(length)] for r in range(batch)]


def bench(args):
    torch.set_num_threads(args.threads)
    with open(os.path.join(args.model, "config.json")) as f:
        cfg = json.load(f)
    t0 = time.perf_counter()
    model = QwenReference(cfg, read_weights(args.model))
    load = time.perf_counter() - t0
    for batch in args.batch:
        prompts = bench_prompts(batch, args.prompt, cfg["vocab_size"])
        greedy(model, prompts, min(args.new, 4))  # warm-up
        steps, prefills = [], []
        for _ in range(args.repeats):
            tokens, _, _, prefill, decode = greedy(model, prompts, args.new)
            steps += decode
            prefills.append(prefill)
        # medians, like DecoderBenchmark: on a shared machine a best-of or mean mostly measures the neighbours
        step = statistics.median(steps)
        print(json.dumps({"batch": batch, "threads": torch.get_num_threads(), "load_s": load,
                          "prefill_ms": statistics.median(prefills) * 1e3, "decode_ms_per_step": step * 1e3,
                          "tokens_per_s": batch / step, "tokens": tokens}), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    f = sub.add_parser("fixture")
    f.add_argument("out")
    b = sub.add_parser("bench")
    b.add_argument("--model", required=True)
    b.add_argument("--batch", type=int, nargs="+", default=[1, 8])
    b.add_argument("--prompt", type=int, default=32)
    b.add_argument("--new", type=int, default=16)
    b.add_argument("--repeats", type=int, default=2)
    b.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    if args.command == "fixture":
        fixture(args.out)
    else:
        bench(args)


if __name__ == "__main__":
    main()
