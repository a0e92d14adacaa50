/**
 * The Qwen decoder's benchmark against the plain-torch reference in
 * {@code releng/python/qwen_reference.py} ({@link taiyi.workbench.bench.qwen.DecoderBenchmark},
 * {@code taiyi bench decoder}), and the seeded random checkpoints both sides generate identically
 * ({@link taiyi.workbench.bench.qwen.RandomWeights},
 * {@link taiyi.workbench.bench.qwen.RandomQwenCheckpoint}). The checkpoints are here, not in the
 * test-support bundle, because the benchmark builds them at run time in the product; the test
 * fragments use the same ones so that tests build their models instead of committing them.
 */
package taiyi.workbench.bench.qwen;
