#!/usr/bin/python3
"""Plain-torch reference for the Java LoRA/QLoRA trainer (taiyi.workbench.inference.djl.train).

Runs with Debian's python3-torch and nothing else. Hand-written, so every rule the Java side
follows is spelled out here once:

* LoRA (peft's layout): y = x W^T (+ b) + (alpha / r) * (dropout(x) A^T) B^T on every module whose
  leaf name is in the targets (c_attn, c_proj -- attention's and the MLP's --, w1, w2); A [r, in]
  starts uniform in +-1/sqrt(in) (peft's kaiming_uniform(a=sqrt(5)) bound) from the seeded
  splitmix64 stream of its peft key name, B [out, r] starts at zero; the base is frozen.
* Loss: mean negative log-likelihood of the assistant tokens of a micro-batch (a row's tokens from
  its prompt length on), each predicted from the position before it; rows right-padded, so the
  causal mask alone keeps padding out of sight.
* Steps: micro-batches of `batch` rows, `grad_accum` of them per optimiser step (the last step of
  an epoch may have fewer); the step's gradient is the mean of its micro-batches' gradients and
  its loss the mean of their losses. Epoch e's order is a Fisher-Yates shuffle driven by
  splitmix64 started at seed + e, j = (next >>> 1) mod (i + 1).
* Clipping: total L2 norm over all LoRA gradients, scaled by max_norm / (norm + 1e-6) when above.
* LR: constant with linear warm-up over ceil(warmup_ratio * total_steps) steps, Hugging Face's
  rule: step s (from 0) gets lr * s / warmup while s < warmup, so step 0 has lr 0.
* AdamW (torch's, decoupled weight decay): p *= 1 - lr wd; m = b1 m + (1-b1) g;
  v = b2 v + (1-b2) g^2; p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps).
* NF4 (bitsandbytes' published algorithm, QLoRA paper): blocks of 64, absmax per block, each
  value times 1/absmax (float32) goes to the nearest of the 16 NormalFloat levels (ties to the
  lower level, decided against float32 midpoints), two codes a byte, the first in the high
  nibble. Double quantisation: the absmax values minus their mean (summed in double, in order,
  rounded to float32) quantised in blocks of 256 to the nearest value of the signed 8-bit dynamic
  map (bitsandbytes' create_dynamic_map, computed in double and rounded to float32), same
  midpoint rule. Dequantised: absmax = code8[q] * absmax2 + offset, w = NF4[c] * absmax, float32.
  An all-zero block has absmax 0 and codes for 0.0.

Subcommands:
  fixture DIR       write train-reference.json (losses, first gradients) and nf4-reference.safetensors
  bench --model DIR time one training step (forward + backward + AdamW) of a model folder written
                    by `taiyi bench train` and print one JSON line
"""

import argparse
import json
import math
import os
import struct
import sys
import tempfile
import time

import torch
import torch.utils.checkpoint

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qwen_reference as qr  # noqa: E402

MASKED = -3.4028234663852886e38

# ---------------------------------------------------------------- NF4

NF4_LEVELS = [-1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453, -0.28444138169288635,
              -0.18477343022823334, -0.09105003625154495, 0.0, 0.07958029955625534, 0.16093020141124725,
              0.24611230194568634, 0.33791524171829224, 0.44070982933044434, 0.5626170039176941,
              0.7229568362236023, 1.0]
NF4_BLOCK = 64
ABSMAX_BLOCK = 256


def f32(x):
    return struct.unpack("<f", struct.pack("<f", x))[0]


def dynamic_map():
    """bitsandbytes create_dynamic_map(signed=True, max_exponent_bits=7, total_bits=8), in double, then float32."""
    data = []
    for i in range(7):
        n = 2 ** i + 1
        step = (1.0 - 0.1) / (n - 1)
        bounds = [0.1 + k * step for k in range(n)]
        means = [(bounds[k] + bounds[k + 1]) / 2.0 for k in range(n - 1)]
        scale = float("1e%d" % (i - 6))
        data += [scale * m for m in means]
        data += [-(scale * m) for m in means]
    data.append(0.0)
    data.append(1.0)
    assert len(data) == 256
    return sorted(f32(v) for v in data)


def midpoints(levels):
    return [f32((f32(levels[i]) + f32(levels[i + 1])) / f32(2.0)) for i in range(len(levels) - 1)]


def nearest(x, levels, mids):
    """Index of the nearest level: the count of midpoints x lies strictly above."""
    i = 0
    while i < len(mids) and x > mids[i]:
        i += 1
    return i


def blockwise(values, block, levels):
    """(codes, absmax list) of float32 values, blocks of `block`, nearest level of value * (1 / absmax)."""
    mids = midpoints(levels)
    codes = []
    absmax = []
    for start in range(0, len(values), block):
        chunk = values[start:start + block]
        m = max(abs(v) for v in chunk)
        absmax.append(m)
        if m == 0.0:
            zero = nearest(0.0, levels, mids)
            codes += [zero] * len(chunk)
            continue
        inv = f32(1.0 / m)
        codes += [nearest(f32(v * inv), levels, mids) for v in chunk]
    return codes, absmax


def nf4_quantise(values):
    """values: list of float32 (any length; the last block may be short). Returns the quantised state."""
    codes, absmax = blockwise(values, NF4_BLOCK, [f32(v) for v in NF4_LEVELS])
    if len(codes) % 2:
        codes.append(7)
    packed = bytes((codes[i] << 4) | codes[i + 1] for i in range(0, len(codes), 2))
    total = 0.0
    for a in absmax:
        total += a
    offset = f32(total / len(absmax))
    centred = [f32(a - offset) for a in absmax]
    code8 = dynamic_map()
    q, absmax2 = blockwise(centred, ABSMAX_BLOCK, code8)
    return {"packed": packed, "absmax_codes": bytes(q), "absmax_scales": absmax2, "offset": offset, "count": len(values)}


def nf4_dequantise(state):
    code8 = dynamic_map()
    levels = [f32(v) for v in NF4_LEVELS]
    absmax = [f32(f32(code8[q] * state["absmax_scales"][i // ABSMAX_BLOCK]) + state["offset"])
              for i, q in enumerate(state["absmax_codes"])]
    out = []
    for i in range(state["count"]):
        byte = state["packed"][i // 2]
        c = (byte >> 4) if i % 2 == 0 else (byte & 15)
        out.append(f32(levels[c] * absmax[i // NF4_BLOCK]))
    return out


# ---------------------------------------------------------------- seeded order and LoRA init


def splitmix(state):
    while True:
        state = (state + 0x9E3779B97F4A7C15) & qr.MASK64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & qr.MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & qr.MASK64
        yield z ^ (z >> 31)


def epoch_order(n, seed, epoch):
    order = list(range(n))
    rng = splitmix((seed + epoch) & qr.MASK64)
    for i in range(n - 1, 0, -1):
        j = (next(rng) >> 1) % (i + 1)
        order[i], order[j] = order[j], order[i]
    return order


def lora_a_init(seed, name, r, fan_in):
    """uniform +-1/sqrt(fan_in), u = top 24 bits / 2^24 of splitmix64 at seed ^ fnv1a64(name), computed in double."""
    bound = 1.0 / math.sqrt(fan_in)
    rng = splitmix((seed ^ qr.fnv1a64(name)) & qr.MASK64)
    vals = [bound * (2.0 * ((next(rng) >> 40) * (1.0 / (1 << 24))) - 1.0) for _ in range(r * fan_in)]
    return torch.tensor(vals, dtype=torch.float64).to(torch.float32).reshape(r, fan_in)


def lora_modules(cfg, targets):
    """(peft module path, base weight name, out, in) of every adapted module, in layer order."""
    out = []
    for name, shape in qr.layout(cfg).items():
        if not name.startswith("transformer.h.") or not name.endswith(".weight") or len(shape) != 2:
            continue
        module = name[:-len(".weight")]
        if module.rsplit(".", 1)[1] in targets:
            out.append((module, name, shape[0], shape[1]))
    return out


# ---------------------------------------------------------------- the trainable model


class LoraQwen:
    def __init__(self, cfg, weights, r, alpha, dropout, targets, seed, fast_init=False):
        self.cfg = cfg
        self.w = {k: v.float().contiguous() for k, v in weights.items()}
        self.heads = cfg["num_attention_heads"]
        self.d = cfg["kv_channels"]
        self.eps = cfg.get("layer_norm_epsilon", 1e-6)
        self.scale = alpha / r
        self.dropout = dropout
        ref = qr.QwenReference(cfg, {})
        self.cos, self.sin, self.rot = ref.cos, ref.sin, ref.rot
        self.lora = {}
        for module, base, out_dim, in_dim in lora_modules(cfg, targets):
            a_name = "base_model.model." + module + ".lora_A.weight"
            if fast_init:
                bound = 1.0 / math.sqrt(in_dim)
                a = ((torch.rand(r, in_dim) * 2 - 1) * bound).requires_grad_(True)
            else:
                a = lora_a_init(seed, a_name, r, in_dim).requires_grad_(True)
            b = torch.zeros(out_dim, r, requires_grad=True)
            self.lora[base] = (a, b)

    def params(self):
        out = []
        for a, b in self.lora.values():
            out += [a, b]
        return out

    def linear(self, x, name, bias=None):
        y = torch.nn.functional.linear(x, self.w[name], bias)
        if name in self.lora:
            a, b = self.lora[name]
            xd = torch.nn.functional.dropout(x, self.dropout, True) if self.dropout > 0 else x
            y = y + (xd @ a.t() @ b.t()) * self.scale
        return y

    def rms(self, x, w):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * w

    def rotary(self, x, cos, sin):
        xr, xp = x[..., :self.rot], x[..., self.rot:]
        x1, x2 = xr.chunk(2, dim=-1)
        return torch.cat((xr * cos + torch.cat((-x2, x1), dim=-1) * sin, xp), dim=-1)

    def layer(self, l, x, mask):
        B, T, _ = x.shape
        P = self.heads * self.d
        pre = "transformer.h.%d." % l
        cos = self.cos[:T][None, None].to(x.device)
        sin = self.sin[:T][None, None].to(x.device)
        h = self.rms(x, self.w[pre + "ln_1.weight"])
        qkv = self.linear(h, pre + "attn.c_attn.weight", self.w[pre + "attn.c_attn.bias"])
        q, k, v = qkv.split(P, dim=2)
        q, k, v = (t.reshape(B, T, self.heads, self.d).transpose(1, 2) for t in (q, k, v))
        q = self.rotary(q, cos, sin)
        k = self.rotary(k, cos, sin)
        scores = torch.matmul(q, k.transpose(2, 3)) * (1.0 / math.sqrt(self.d)) + mask
        ctx = torch.matmul(torch.softmax(scores, dim=-1), v).transpose(1, 2).reshape(B, T, P)
        x = x + self.linear(ctx, pre + "attn.c_proj.weight")
        h = self.rms(x, self.w[pre + "ln_2.weight"])
        a1 = self.linear(h, pre + "mlp.w1.weight")
        a2 = self.linear(h, pre + "mlp.w2.weight")
        return x + self.linear(a1 * torch.nn.functional.silu(a2), pre + "mlp.c_proj.weight")

    def loss(self, ids, targets, checkpoint=False):
        """ids [B,T]; targets: list of (row, position, token) -- predict token from position. Mean NLL."""
        B, T = ids.shape
        causal = torch.arange(T, device=ids.device)[None, :] <= torch.arange(T, device=ids.device)[:, None]
        mask = torch.where(causal, torch.tensor(0.0, device=ids.device), torch.tensor(MASKED, device=ids.device))[None, None]
        x = torch.nn.functional.embedding(ids, self.w["transformer.wte.weight"])
        for l in range(self.cfg["num_hidden_layers"]):
            if checkpoint:
                x = torch.utils.checkpoint.checkpoint(self.layer, l, x, mask, use_reentrant=False)
            else:
                x = self.layer(l, x, mask)
        rows = torch.tensor([t[0] for t in targets], device=ids.device)
        pos = torch.tensor([t[1] for t in targets], device=ids.device)
        tok = torch.tensor([t[2] for t in targets], device=ids.device)
        picked = x[rows, pos]
        logits = torch.nn.functional.linear(self.rms(picked, self.w["transformer.ln_f.weight"]), self.w["lm_head.weight"])
        return -torch.log_softmax(logits, dim=-1).gather(1, tok[:, None]).mean()


def micro_batch(examples):
    """examples: list of (ids, prompt_len). Right-padded ids with 0 and the (row, position, token) targets."""
    T = max(len(e[0]) for e in examples)
    ids = torch.zeros(len(examples), T, dtype=torch.int64)
    targets = []
    for r, (tokens, prompt) in enumerate(examples):
        ids[r, :len(tokens)] = torch.tensor(tokens)
        for p in range(max(prompt, 1), len(tokens)):
            targets.append((r, p - 1, tokens[p]))
    return ids, targets


class AdamW:
    def __init__(self, params, wd, b1=0.9, b2=0.999, eps=1e-8):
        self.params, self.wd, self.b1, self.b2, self.eps = params, wd, b1, b2, eps
        self.m = [torch.zeros_like(p) for p in params]
        self.v = [torch.zeros_like(p) for p in params]
        self.t = 0

    def step(self, grads, lr):
        self.t += 1
        bc1 = 1 - self.b1 ** self.t
        bc2 = 1 - self.b2 ** self.t
        with torch.no_grad():
            for p, g, m, v in zip(self.params, grads, self.m, self.v):
                p.mul_(1 - lr * self.wd)
                m.mul_(self.b1).add_(g * (1 - self.b1))
                v.mul_(self.b2).add_(g * g * (1 - self.b2))
                p.sub_((lr / bc1) * m / (v.sqrt() / math.sqrt(bc2) + self.eps))


def clip(grads, max_norm):
    total = math.sqrt(sum(float((g * g).sum()) for g in grads))
    coef = max_norm / (total + 1e-6)
    if coef < 1.0:
        grads = [g * coef for g in grads]
    return grads, total


def train(model, examples, s, record=None):
    """Runs s['max_steps'] optimiser steps; returns the step losses."""
    params = model.params()
    opt = AdamW(params, s["weight_decay"])
    micro_per_epoch = -(-len(examples) // s["batch"])
    steps_per_epoch = -(-micro_per_epoch // s["grad_accum"])
    total = min(s["max_steps"], steps_per_epoch * s["epochs"])
    warmup = math.ceil(s["warmup_ratio"] * total)
    losses = []
    step = 0
    for epoch in range(s["epochs"]):
        order = epoch_order(len(examples), s["seed"], epoch)
        micros = [[examples[i] for i in order[k:k + s["batch"]]] for k in range(0, len(order), s["batch"])]
        for first in range(0, len(micros), s["grad_accum"]):
            if step >= total:
                return losses
            group = micros[first:first + s["grad_accum"]]
            grads = [torch.zeros_like(p) for p in params]
            step_loss = 0.0
            for mb in group:
                ids, targets = micro_batch(mb)
                loss = model.loss(ids, targets)
                g = torch.autograd.grad(loss, params)
                grads = [a + b / len(group) for a, b in zip(grads, g)]
                step_loss += float(loss) / len(group)
            if record is not None and step == 0:
                record["first_gradients"] = grads
            grads, norm = clip(grads, s["max_grad_norm"])
            lr = s["lr"] * (step / warmup if step < warmup else 1.0)
            opt.step(grads, lr)
            losses.append(step_loss)
            if record is not None:
                record.setdefault("norms", []).append(norm)
            step += 1
    return losses


# ---------------------------------------------------------------- fixture

SETTINGS = {"rank": 4, "alpha": 8, "dropout": 0.0, "targets": ["c_attn", "c_proj", "w1", "w2"], "lr": 1e-2,
            "weight_decay": 0.01, "batch": 2, "grad_accum": 2, "max_grad_norm": 0.3, "warmup_ratio": 0.1,
            "epochs": 10, "max_steps": 20, "seed": 4242}
LORA_SEED = 4242


def fixture_examples():
    """8 deterministic examples (ids, prompt length) of lengths 6..13 over the tiny vocabulary."""
    out = []
    for k in range(8):
        n = 6 + k
        ids = [(11 + 37 * i + 101 * k + (i * i) % 7) % 1000 for i in range(n)]
        out.append((ids, 2 + k % 4))
    return out


def nf4_input():
    """[96, 192] float32: seeded values, the first block all zero, one outlier."""
    t = qr.random_values(qr.SEED, "nf4.fixture.weight", [96, 192])
    flat = t.flatten()
    flat[:64] = 0.0
    flat[1000] = 3.5
    return flat.reshape(96, 192)


def fixture(out_dir):
    torch.manual_seed(0)
    os.makedirs(out_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        qr.write_random_model(tmp, qr.TINY, qr.SEED)
        weights = qr.read_weights(tmp)
    s = SETTINGS
    model = LoraQwen(qr.TINY, weights, s["rank"], s["alpha"], s["dropout"], s["targets"], LORA_SEED)
    record = {}
    examples = fixture_examples()
    losses = train(model, examples, s, record)
    names = list(model.lora.keys())
    grads = record["first_gradients"]
    first_b = {}
    for i, base in enumerate(names):
        module = base[:-len(".weight")]
        first_b["base_model.model." + module + ".lora_B.weight"] = [float(v) for v in grads[2 * i + 1].flatten()]
    a0 = model.lora[names[0]][0]
    doc = {"generator": "releng/python/lora_reference.py fixture (python3-torch %s)" % torch.__version__,
           "config": dict(qr.TINY, architectures=["QWenLMHeadModel"], model_type="qwen"), "model_seed": qr.SEED,
           "lora_seed": LORA_SEED, "settings": s, "examples": [{"ids": e[0], "prompt": e[1]} for e in examples],
           "orders": [epoch_order(len(examples), s["seed"], e) for e in range(3)],
           "first_a_values": {("base_model.model." + names[0][:-len(".weight")] + ".lora_A.weight"):
                              [float(v) for v in lora_a_init(LORA_SEED, "base_model.model." + names[0][:-len(".weight")]
                                                             + ".lora_A.weight", s["rank"], 64).flatten()[:6]]},
           "losses": losses, "gradient_norms": record["norms"], "first_lora_b_gradients": first_b,
           "final_a_first_values": [float(v) for v in a0.detach().flatten()[:6]]}
    path = os.path.join(out_dir, "train-reference.json")
    with open(path + ".part", "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    os.replace(path + ".part", path)

    src = nf4_input()
    state = nf4_quantise([float(v) for v in src.flatten()])
    deq = nf4_dequantise(state)
    tensors = {"input": src, "packed": torch.tensor(list(state["packed"]), dtype=torch.uint8),
               "absmax_codes": torch.tensor(list(state["absmax_codes"]), dtype=torch.uint8),
               "absmax_scales": torch.tensor(state["absmax_scales"], dtype=torch.float32),
               "offset": torch.tensor([state["offset"]], dtype=torch.float32),
               "dynamic_map": torch.tensor(dynamic_map(), dtype=torch.float32),
               "dequantised": torch.tensor(deq, dtype=torch.float32).reshape(96, 192)}
    qr.write_safetensors(os.path.join(out_dir, "nf4-reference.safetensors"), tensors)
    err = float((torch.tensor(deq).reshape(96, 192) - src).abs().max())
    print("losses %s\nnf4: %d values, max abs error %.4f" % (["%.5f" % v for v in losses], state["count"], err))


# ---------------------------------------------------------------- bench


def bench(args):
    torch.set_num_threads(args.threads)
    if args.device == "cuda" or (args.device == "auto" and torch.cuda.is_available()):
        device = torch.device("cuda")
    else:
        device = torch.device("cpu")
    with open(os.path.join(args.model, "config.json")) as f:
        cfg = json.load(f)
    weights = {k: v.to(device) for k, v in qr.read_weights(args.model).items()}
    torch.set_default_tensor_type(torch.cuda.FloatTensor if device.type == "cuda" else torch.FloatTensor)
    model = LoraQwen(cfg, weights, args.rank, args.rank * 2, 0.0, ["c_attn", "c_proj", "w1", "w2"], LORA_SEED, fast_init=True)
    for a, b in model.lora.values():
        a.data = a.data.to(device)
        b.data = b.data.to(device)
    model.cos, model.sin = model.cos.to(device), model.sin.to(device)
    run_bench(model, cfg, args, device)


def bench_examples(rows, length, vocab):
    """Same deterministic examples as the Java bench: prompt half, answer half."""
    return [([(7 + 13 * i + 101 * r) % vocab for i in range(length)], length // 2) for r in range(rows)]


def run_bench(model, cfg, args, device):
    params = model.params()
    opt = AdamW(params, 0.0)
    examples = bench_examples(args.batch, args.length, cfg["vocab_size"])
    ids, targets = micro_batch(examples)
    ids = ids.to(device)
    times = []
    for i in range(args.warmup + args.steps):
        if device.type == "cuda":
            torch.cuda.synchronize()
        t0 = time.perf_counter()
        loss = model.loss(ids, targets, checkpoint=args.checkpoint)
        grads = torch.autograd.grad(loss, params)
        grads, _ = clip(list(grads), 0.3)
        opt.step(grads, 1e-4)
        if device.type == "cuda":
            torch.cuda.synchronize()
        if i >= args.warmup:
            times.append(time.perf_counter() - t0)
    times.sort()
    median = times[len(times) // 2]
    tokens = args.batch * args.length
    print(json.dumps({"device": str(device), "threads": torch.get_num_threads(), "torch": torch.__version__,
                      "batch": args.batch, "length": args.length, "checkpoint": args.checkpoint,
                      "step_s": median, "tokens_per_s": tokens / median, "loss": float(loss)}), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    f = sub.add_parser("fixture")
    f.add_argument("out")
    b = sub.add_parser("bench")
    b.add_argument("--model", required=True)
    b.add_argument("--batch", type=int, default=2)
    b.add_argument("--length", type=int, default=64)
    b.add_argument("--rank", type=int, default=64)
    b.add_argument("--steps", type=int, default=3)
    b.add_argument("--warmup", type=int, default=1)
    b.add_argument("--threads", type=int, default=2)
    b.add_argument("--checkpoint", action="store_true", help="recompute each layer in backward, as the Java trainer does")
    b.add_argument("--device", default="cpu", choices=["cpu", "cuda", "auto"])
    args = parser.parse_args()
    if args.command == "fixture":
        fixture(args.out)
    else:
        bench(args)


if __name__ == "__main__":
    main()
