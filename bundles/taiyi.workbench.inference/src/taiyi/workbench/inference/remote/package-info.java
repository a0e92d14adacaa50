/**
 * Generation on a server that speaks the OpenAI-compatible HTTP API (vLLM, {@code taiyi serve}):
 * {@code /v1/completions} with the raw prompt in the model's own template (how a base-style model
 * such as Taiyi is served) or {@code /v1/chat/completions} for chat models, with each token's
 * log-probability and its runner-up mapped back onto the answer's characters. Owns the endpoint's
 * settings, the API key (kept out of every log, message and {@code toString}; from the environment or
 * the workbench's encrypted secure storage, {@link taiyi.workbench.inference.remote.StoredApiKey}), retries with backoff,
 * the limit on concurrent requests, and the errors a curator can act on.
 */
package taiyi.workbench.inference.remote;
