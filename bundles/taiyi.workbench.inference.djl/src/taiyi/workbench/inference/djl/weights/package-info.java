/**
 * Checkpoint tensors as they lie on disk: safetensors (single file or sharded), PyTorch
 * {@code .bin} zip checkpoints, LoRA adapters. Tensors are memory-mapped views, read by the
 * decoder when it builds its NDArrays, so no format here has a 2 GiB limit.
 *
 * <p>{@link taiyi.workbench.inference.djl.weights.SafetensorsFile} validates the whole header when
 * it opens (dtype, byte counts against shapes, ranges, overlaps, holes) and maps each tensor on its
 * own; {@link taiyi.workbench.inference.djl.weights.ShardedSafetensors} follows
 * {@code model.safetensors.index.json}; {@link taiyi.workbench.inference.djl.weights.SafetensorsFolder}
 * picks between them; {@link taiyi.workbench.inference.djl.weights.SafetensorsWriter} streams a file
 * out atomically (temporary file, then rename). {@link taiyi.workbench.inference.djl.weights.LoraAdapter}
 * reads a peft adapter folder and checks it against a model; the merge itself happens on the engine
 * when the decoder loads. Nothing here depends on DJL.
 */
package taiyi.workbench.inference.djl.weights;
