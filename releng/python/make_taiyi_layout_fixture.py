#!/usr/bin/python3
"""Writes the tiny reference Qwen v1 model as a Hugging Face folder laid out the way Taiyi 1 is
published (DUTIR-BioNLP/Taiyi-LLM): config.json with Qwen-7B's keys, float16 weights saved with
torch.save into pytorch_model-0000X-of-00003.bin shards and pytorch_model.bin.index.json.

Run with Debian's python3-torch 1.13.1 (the system interpreter, not a pyenv shim):
    /usr/bin/python3 releng/python/make_taiyi_layout_fixture.py bundles/taiyi.workbench.inference.djl.tests/fixtures

Writes under that folder:
  qwen-tiny-bin/                    the model folder (no qwen.tiktoken: the tests add the real one)
  qwen-tiny-bin-reference.json      what qwen_reference.py's plain-torch forward pass computes from
                                    those float16 weights widened to float32: prefill logits, greedy
                                    tokens and log-probs, the smallest greedy margin, and how far the
                                    float16 rounding moved the logits from the float32 fixture model

The weights are qwen_reference.py's seeded random weights (same seed and config as
qwen-tiny-reference.json), rounded to float16. How the three shards store them:
  shard 1  every tensor with its own storage, as transformers' save_pretrained writes parameters
  shard 2  every tensor a view into one flat float16 buffer, at its own storage offset, as a state
           dict taken from flattened parameter groups (DeepSpeed ZeRO's fp16 groups) is saved:
           torch.save keeps the shared storage and the offsets
  shard 3  lm_head.weight stored transposed (a [hidden, vocab] storage with strides (1, hidden)),
           which torch.save also keeps as is; the reader must copy it out in row-major order
"""
import json
import os
import shutil
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qwen_reference as ref  # noqa: E402  (the weight generator and forward pass the other fixture uses)

SHARDS = 3

# Qwen-7B's config.json keys (Taiyi 1 ships the same file), with the tiny model's sizes. The keys
# the Java decoder does not read (dropout, dynamic NTK, logn attention, flash attention) only change
# anything past seq_length or in training; they are here so QwenConfig meets a real file.
CONFIG = {
    "architectures": ["QWenLMHeadModel"],
    "auto_map": {"AutoConfig": "configuration_qwen.QWenConfig",
                 "AutoModelForCausalLM": "modeling_qwen.QWenLMHeadModel"},
    "attn_dropout_prob": 0.0,
    "bf16": False,
    "emb_dropout_prob": 0.0,
    "fp16": True,
    "fp32": False,
    "hidden_size": ref.TINY["hidden_size"],
    "initializer_range": 0.02,
    "intermediate_size": ref.TINY["intermediate_size"],
    "kv_channels": ref.TINY["kv_channels"],
    "layer_norm_epsilon": ref.TINY["layer_norm_epsilon"],
    "max_position_embeddings": ref.TINY["seq_length"],
    "model_type": "qwen",
    "no_bias": True,
    "num_attention_heads": ref.TINY["num_attention_heads"],
    "num_hidden_layers": ref.TINY["num_hidden_layers"],
    "onnx_safe": None,
    "rotary_emb_base": 10000,
    "rotary_pct": ref.TINY["rotary_pct"],
    "scale_attn_weights": True,
    "seq_length": ref.TINY["seq_length"],
    "tie_word_embeddings": False,
    "tokenizer_class": "QWenTokenizer",
    "torch_dtype": "float16",
    "transformers_version": "4.32.0",
    "use_cache": True,
    "use_dynamic_ntk": True,
    "use_flash_attn": "auto",
    "use_logn_attn": True,
    "vocab_size": ref.TINY["vocab_size"],
}


def fp16_weights():
    """name -> float16 tensor, in the order QWenLMHeadModel.state_dict() lists them."""
    return {name: ref.random_values(ref.SEED, name, shape).to(torch.float16)
            for name, shape in ref.layout(ref.TINY).items()}


def split_in_order(names, parts):
    """Consecutive groups, as transformers' shard_checkpoint cuts the state dict by size; here by count,
    since the tiny model's tensors are too uneven for a byte limit to give three shards."""
    size = -(-len(names) // parts)
    return [names[i:i + size] for i in range(0, len(names), size)]


def own_storages(weights, names):
    return {n: weights[n].clone() for n in names}


def views_of_one_buffer(weights, names):
    flat = torch.cat([weights[n].reshape(-1) for n in names])
    out, at = {}, 0
    for n in names:
        count = weights[n].numel()
        out[n] = flat[at:at + count].view(weights[n].shape)
        at += count
    assert len({t.storage().data_ptr() for t in out.values()}) == 1
    return out


def with_transposed_lm_head(weights, names):
    out = own_storages(weights, names)
    if "lm_head.weight" in out:
        out["lm_head.weight"] = weights["lm_head.weight"].t().contiguous().t()
        assert not out["lm_head.weight"].is_contiguous()
    return out


def write_folder(folder, weights):
    if os.path.exists(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(CONFIG, f, indent=2, sort_keys=True)
        f.write("\n")
    groups = split_in_order(list(weights), SHARDS)
    assert len(groups) == SHARDS
    storers = [own_storages, views_of_one_buffer, with_transposed_lm_head]
    weight_map = {}
    for i, (names, store) in enumerate(zip(groups, storers)):
        shard = "pytorch_model-%05d-of-%05d.bin" % (i + 1, SHARDS)
        state = store(weights, names)
        torch.save(state, os.path.join(folder, shard))
        back = torch.load(os.path.join(folder, shard))
        for n in names:
            assert torch.equal(back[n], weights[n]), n
            weight_map[n] = shard
    total = sum(t.numel() * t.element_size() for t in weights.values())
    # transformers writes the index with sorted keys, two-space indent and a final newline
    with open(os.path.join(folder, "pytorch_model.bin.index.json"), "w") as f:
        json.dump({"metadata": {"total_size": total}, "weight_map": weight_map}, f, indent=2, sort_keys=True)
        f.write("\n")
    return {shard: [n for n in weight_map if weight_map[n] == shard] for shard in sorted(set(weight_map.values()))}


def prefill_logits(model, ids, padding):
    with torch.no_grad():
        return model.forward(ids, {"k": [], "v": [], "length": 0}, padding, all_positions=True)


def smallest_margin(model, prompts, tokens):
    """The smallest gap between the chosen and the runner-up logit over every greedy step: any
    error smaller than half of it cannot change a greedy token."""
    ids, padding = ref.left_pad(prompts)
    cache = {"k": [], "v": [], "length": 0}
    smallest = float("inf")
    with torch.no_grad():
        for s in range(len(tokens[0])):
            logits = model.forward(ids, cache, padding)[:, -1, :]
            top = logits.topk(2, dim=-1).values
            smallest = min(smallest, float((top[:, 0] - top[:, 1]).min()))
            ids = torch.tensor([[row[s]] for row in tokens], dtype=torch.int64)
    return smallest


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_taiyi_layout_fixture.py FIXTURES_DIR")
    torch.set_num_threads(2)
    out = sys.argv[1]
    weights = fp16_weights()
    shards = write_folder(os.path.join(out, "qwen-tiny-bin"), weights)

    model = ref.QwenReference(ref.TINY, weights)  # widens the float16 values to float32, exactly
    exact = ref.QwenReference(ref.TINY, {n: ref.random_values(ref.SEED, n, s) for n, s in ref.layout(ref.TINY).items()})
    ids, padding = ref.left_pad(ref.PROMPTS)
    logits = prefill_logits(model, ids, padding)
    exact_logits = prefill_logits(exact, ids, padding)
    T = ids.shape[1]
    prefill = [{"row": b, "position": t, "logits": [round(float(v), 7) for v in logits[b, t]]}
               for b in range(len(ref.PROMPTS)) for t in range(T - ref.LAST_POSITIONS, T)]
    tokens, logprobs, _, _, _ = ref.greedy(model, ref.PROMPTS, ref.NEW_TOKENS)
    exact_tokens = ref.greedy(exact, ref.PROMPTS, ref.NEW_TOKENS)[0]
    real = [(b, t) for b in range(len(ref.PROMPTS)) for t in range(padding[b], T)]
    doc = {
        "generator": "releng/python/make_taiyi_layout_fixture.py (python3-torch %s)" % torch.__version__,
        "model_folder": "qwen-tiny-bin",
        "seed": ref.SEED,
        "shards": shards,
        "prompts": ref.PROMPTS,
        "padding": padding,
        "new_tokens": ref.NEW_TOKENS,
        "prefill": prefill,
        "max_abs_logit": float(max(logits[b, t].abs().max() for b, t in real)),
        "greedy": {"tokens": tokens, "logprobs": logprobs, "smallest_margin": smallest_margin(model, ref.PROMPTS, tokens)},
        "float16_rounding": {
            "max_abs_logit_change": float(max((logits[b, t] - exact_logits[b, t]).abs().max() for b, t in real)),
            "same_greedy_tokens_as_float32_weights": tokens == exact_tokens,
        },
    }
    target = os.path.join(out, "qwen-tiny-bin-reference.json")
    with open(target + ".part", "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    os.replace(target + ".part", target)
    print("wrote %s: %s; greedy %s; float16 rounding moved logits by %.3g; smallest margin %.3g"
          % (target, {k: len(v) for k, v in shards.items()}, tokens,
             doc["float16_rounding"]["max_abs_logit_change"], doc["greedy"]["smallest_margin"]))


if __name__ == "__main__":
    main()
