/**
 * Checkpoint tensors as they lie on disk: safetensors (single file or sharded), PyTorch
 * {@code .bin} zip checkpoints, LoRA adapters. Tensors are memory-mapped views, read by the
 * decoder when it builds its NDArrays, so no format here has a 2 GiB limit.
 */
package taiyi.workbench.inference.djl.weights;
