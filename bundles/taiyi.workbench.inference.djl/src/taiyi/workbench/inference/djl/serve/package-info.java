/**
 * {@code taiyi serve}: the workbench's own decoder behind the OpenAI-compatible HTTP API, so a team
 * shares one GPU box and any OpenAI client (or the workbench's own HTTP back end) can use it.
 * {@code /v1/completions} (raw prompts in Taiyi's template, control tokens written literally) and
 * {@code /v1/chat/completions} (ChatML), greedy, with {@code logprobs} (the chosen token and its
 * runner-up), {@code stop}, {@code max_tokens} and SSE streaming; {@code /v1/models} and
 * {@code /health}. Concurrent requests share the model through a
 * {@link taiyi.workbench.inference.djl.qwen.ContinuousDecoder}. Served on the JDK's
 * {@code com.sun.net.httpserver} (module jdk.httpserver), which the bundle imports like any package.
 * Binds 127.0.0.1 unless told otherwise, and refuses any other address without an API key, which it
 * compares in constant time and never logs.
 */
package taiyi.workbench.inference.djl.serve;
