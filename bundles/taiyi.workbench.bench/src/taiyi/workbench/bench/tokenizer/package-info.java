/**
 * The Qwen tokenizer's benchmark ({@code taiyi bench tokenizer}): vocabulary load time and
 * encode/decode throughput on real corpus texts.
 */
package taiyi.workbench.bench.tokenizer;
