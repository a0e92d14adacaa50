#!/usr/bin/env python3
"""QLoRA training of a Qwen v1 model (Taiyi 1) on one Taiyi Workbench round, for torchrun + DeepSpeed ZeRO-3.

Written into the round folder by `taiyi round export` (train/train_qlora.py). The argument defaults
below are the round's recipe (manifest.json "recipe", also train/config.json "hyperparameters"), the
same the workbench's in-process trainer (`taiyi train`) reads, and the data are the round's
train.jsonl and validation.jsonl. The loss covers the assistant's tokens only, in Taiyi's own
template: <|endoftext|> before the first turn and after every turn, the same template the workbench
prompts with when it pre-annotates.

Run it through train/launch.sh. The adapter is saved in peft's layout (adapter_config.json,
adapter_model.safetensors) with train/config.json beside it as taiyi-trainer-config.json and the
trainer's trainer_state.json, so that `taiyi adapter import --round N OUTPUT_DIR` can register it.
"""
import argparse
import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SAVED_CONFIG = "taiyi-trainer-config.json"


def boolean(text):
    if text.lower() in ("true", "1", "yes"):
        return True
    if text.lower() in ("false", "0", "no"):
        return False
    raise argparse.ArgumentTypeError("expected true or false, got %r" % text)


def arguments(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model_name_or_path", required=True, help="the base model's folder (Qwen v1 layout)")
    p.add_argument("--output_dir", required=True, help="where the adapter is written")
    p.add_argument("--data_dir", default=os.path.dirname(HERE), help="the round folder (default: this script's parent)")
    p.add_argument("--config", default=os.path.join(HERE, "config.json"), help="the round's trainer configuration")
    p.add_argument("--deepspeed", default=os.path.join(HERE, "ds_zero3.json"), help="DeepSpeed configuration")
    p.add_argument("--local_rank", type=int, default=-1, help="set by the launcher")
    # the round's recipe, written by the workbench
# @RECIPE_ARGUMENTS@
    return p.parse_args(argv)


def read_conversations(path):
    """The round's conversation JSON Lines, checked line by line."""
    out = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as e:
                raise SystemExit("%s:%d: not JSON: %s" % (path, number, e))
            turns = record.get("conversation") if isinstance(record, dict) else None
            if not isinstance(turns, list) or not turns or not all(
                    isinstance(t, dict) and isinstance(t.get("human"), str) and isinstance(t.get("assistant"), str)
                    for t in turns):
                raise SystemExit("%s:%d: not a conversation (a list of {human, assistant} turns)" % (path, number))
            out.append((number, turns))
    if not out:
        raise SystemExit("%s: no conversations" % path)
    return out


def encode(tokenizer, eod, turns, max_length, where):
    """Taiyi's template, <eod>human<eod>assistant<eod>...; labels only on the assistant's tokens and their <eod>."""
    input_ids = [eod]
    labels = [-100]
    for turn in turns:
        human = tokenizer.encode(turn["human"], add_special_tokens=False) + [eod]
        answer = tokenizer.encode(turn["assistant"], add_special_tokens=False) + [eod]
        input_ids += human + answer
        labels += [-100] * len(human) + answer
    if len(input_ids) > max_length:
        raise SystemExit("%s: %d tokens, over the maximum length %d" % (where, len(input_ids), max_length))
    return {"input_ids": input_ids, "labels": labels}


class Collator:
    """Pads a batch on the right with <eod>, masked out of attention and loss."""

    def __init__(self, eod):
        self.eod = eod

    def __call__(self, batch):
        import torch
        longest = max(len(b["input_ids"]) for b in batch)
        ids, labels, mask = [], [], []
        for b in batch:
            pad = longest - len(b["input_ids"])
            ids.append(b["input_ids"] + [self.eod] * pad)
            labels.append(b["labels"] + [-100] * pad)
            mask.append([1] * len(b["input_ids"]) + [0] * pad)
        return {"input_ids": torch.tensor(ids), "labels": torch.tensor(labels), "attention_mask": torch.tensor(mask)}


def main(argv=None):
    args = arguments(argv)
    import torch
    from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training
    from transformers import AutoModelForCausalLM, AutoTokenizer, BitsAndBytesConfig, Trainer, TrainingArguments, set_seed

    if args.method != "qlora" or args.quantization != "nf4":
        raise SystemExit("this script trains QLoRA with an NF4 base; the recipe asks for %s / %s" % (args.method, args.quantization))
    if not args.train_on_assistant_only:
        raise SystemExit("this script trains on the assistant's tokens only, as the round's recipe says")
    set_seed(args.seed)
    compute = torch.float16 if args.fp16 else torch.bfloat16 if getattr(args, "bf16", False) else torch.float32
    tokenizer = AutoTokenizer.from_pretrained(args.model_name_or_path, trust_remote_code=True)
    eod = tokenizer.eod_id if hasattr(tokenizer, "eod_id") else tokenizer.convert_tokens_to_ids("<|endoftext|>")

    def dataset(name):
        path = os.path.join(args.data_dir, name)
        return [encode(tokenizer, eod, turns, args.max_seq_length, "%s:%d" % (path, number))
                for number, turns in read_conversations(path)]

    train = dataset(args.train_file)
    validation_path = os.path.join(args.data_dir, args.validation_file)
    validation = dataset(args.validation_file) if os.path.getsize(validation_path) > 0 else None

    # before the model loads: ZeRO-3 partitions the weights as they are loaded, once it knows the configuration
    training = TrainingArguments(
        output_dir=args.output_dir,
        num_train_epochs=args.num_train_epochs,
        per_device_train_batch_size=args.per_device_train_batch_size,
        gradient_accumulation_steps=args.gradient_accumulation_steps,
        learning_rate=args.learning_rate,
        lr_scheduler_type=args.lr_scheduler_type,
        warmup_ratio=args.warmup_ratio,
        max_grad_norm=args.max_grad_norm,
        weight_decay=args.weight_decay,
        optim=args.optim,
        fp16=args.fp16,
        gradient_checkpointing=args.gradient_checkpointing,
        gradient_checkpointing_kwargs={"use_reentrant": False},
        deepspeed=args.deepspeed,
        seed=args.seed,
        logging_steps=10,
        save_strategy="epoch",
        evaluation_strategy="epoch" if validation else "no",
        remove_unused_columns=False,
        report_to="none",
    )
    quantization = BitsAndBytesConfig(
        load_in_4bit=True,
        bnb_4bit_quant_type=args.quantization,
        bnb_4bit_use_double_quant=args.double_quantization,
        bnb_4bit_compute_dtype=compute,
        # ZeRO-3 shards the 4-bit weights as it shards any parameter: stored in the compute type
        bnb_4bit_quant_storage=compute,
    )
    model = AutoModelForCausalLM.from_pretrained(args.model_name_or_path, quantization_config=quantization,
                                                 torch_dtype=compute, trust_remote_code=True)
    model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=args.gradient_checkpointing,
                                            gradient_checkpointing_kwargs={"use_reentrant": False})
    model = get_peft_model(model, LoraConfig(r=args.lora_rank, lora_alpha=args.lora_alpha, lora_dropout=args.lora_dropout,
                                             target_modules=args.target_modules, bias="none", task_type="CAUSAL_LM"))

    trainer = Trainer(model=model, args=training, train_dataset=train, eval_dataset=validation, data_collator=Collator(eod))
    trainer.train()
    trainer.save_model(args.output_dir)
    trainer.save_state()
    if trainer.is_world_process_zero():
        shutil.copyfile(args.config, os.path.join(args.output_dir, SAVED_CONFIG))
        print("adapter written to %s; register it with: taiyi adapter import --round N %s" % (args.output_dir, args.output_dir))


if __name__ == "__main__":
    sys.exit(main())
