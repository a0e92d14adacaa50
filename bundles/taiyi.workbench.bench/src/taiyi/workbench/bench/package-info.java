/**
 * {@code taiyi bench NAME}: the benchmarks, each printing figures and ratios and never a verdict
 * (the test suite times nothing). {@link taiyi.workbench.bench.BenchCommand} is the picocli command
 * the CLI mounts; its subcommands measure the format readers, the corpus store (with the editor's
 * large document), the search index (with the Chinese analyses' recall), the Qwen decoder and the
 * tokenizer. They live in their own bundle so that no runtime bundle carries benchmark code or the
 * libraries only a benchmark needs (the bare Lucene loop the index is compared against).
 */
package taiyi.workbench.bench;
