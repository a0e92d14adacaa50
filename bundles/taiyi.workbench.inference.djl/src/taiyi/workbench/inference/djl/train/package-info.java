/**
 * LoRA and QLoRA training of the Qwen v1 decoder on the PyTorch engine's autograd: the decoder
 * with unmerged trainable pairs on a frozen base ({@link taiyi.workbench.inference.djl.train.LoraQwen}),
 * NF4 storage of the base ({@link taiyi.workbench.inference.djl.train.Nf4Tensor}), AdamW, and the
 * peft adapter it writes. What to train on and for how long (data, schedule, checkpoints) is the
 * training run's business in {@code taiyi.workbench.learning.training}; this package only does
 * the arithmetic of one step, checked against {@code releng/python/lora_reference.py}.
 */
package taiyi.workbench.inference.djl.train;
