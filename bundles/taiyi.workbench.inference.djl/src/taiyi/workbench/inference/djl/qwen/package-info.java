/**
 * The Qwen v1 decoder (Qwen-7B, Taiyi 1) written on DJL NDArray ops: {@link QwenConfig} from the
 * Hugging Face {@code config.json}, {@link QwenModel} loaded from any
 * {@link taiyi.workbench.inference.djl.weights.WeightSource} (optionally merging a LoRA adapter),
 * {@link GreedyDecoder} for batched greedy generation with per-token log-probabilities, and
 * {@link ContinuousDecoder}, which {@code taiyi serve} runs: requests that arrive at any time are
 * prefilled alone and join a running left-padded batch between steps ({@link KvCache#join}), and
 * leave it when they end or their client goes. Both take each step's choice and runner-up from one
 * {@code TokenChoice}, so a served answer is the in-process one. The benchmark against the
 * plain-torch reference ({@code taiyi bench decoder}) and the seeded random checkpoints that tests
 * build instead of committing models live in {@code taiyi.workbench.bench.qwen}.
 *
 * <h2>Devices</h2>
 * Weights and computation live on {@link QwenModel#preferredDevice()}: GPU 0 when the engine
 * reports {@code getGpuCount() > 0}, else the CPU. The shipped native jar is CPU-only. To run on
 * CUDA, leave the {@code pytorch-native-cpu} bundle out and point DJL at a CUDA build of libtorch
 * 2.7.1 before the engine loads: {@code PYTORCH_LIBRARY_PATH=/path/to/libtorch/lib},
 * {@code PYTORCH_VERSION=2.7.1}, {@code PYTORCH_FLAVOR=cu128} (environment variables or system
 * properties). DJL then unpacks only its JNI library (the cu128 one ships in {@code pytorch-jni}).
 * Central serves no {@code pytorch-native-cu128} jar; the self-contained alternative is DJL 0.33
 * with {@code pytorch-native-cu124} 2.5.1.
 *
 * <h2>bf16</h2>
 * In DJL 0.36 with libtorch 2.7.1 any BFLOAT16 array created from Java aborts the JVM, so bf16
 * checkpoints are widened to float32 in Java ({@code WeightArrays}) and then cast to the model's
 * FLOAT32 or FLOAT16; no bf16 array ever reaches the engine. What was found about the crash: it
 * happens inside the native call that creates the tensor ({@code toType(BFLOAT16)} and
 * {@code zeros(..., BFLOAT16)} both abort with "terminate called without an active exception"
 * before the Java side gets a handle back); DJL hands the native side {@code DataType.ordinal()}
 * (11 for BFLOAT16 in 0.36). The root cause inside libdjl_torch was not pinned down.
 *
 * <h2>Threads</h2>
 * On a machine whose cores are busy with other work, libtorch 2.7.1's default OpenMP waiting made
 * every parallel op cost milliseconds (a medium-size f32 decode step went from about 75 ms to
 * 400 ms with 2 threads). Starting the JVM with {@code OMP_WAIT_POLICY=PASSIVE} (or with one
 * intra-op thread, {@code -Dai.djl.pytorch.num_threads=1}) avoided it.
 */
package taiyi.workbench.inference.djl.qwen;
