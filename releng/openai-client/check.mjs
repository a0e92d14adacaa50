// The official openai npm client (v6) against `taiyi serve`: models, completions with logprobs,
// chat with logprobs, and both streamed. Run by OpenAiNodeClientTest, which starts the server and
// compares what this prints with the model in process. Exits non-zero on the first failed check.
import OpenAI from 'openai';
import assert from 'node:assert/strict';

const baseURL = process.env.TAIYI_BASE_URL;
const model = process.env.TAIYI_MODEL;
const prompt = process.env.TAIYI_PROMPT;
const question = process.env.TAIYI_QUESTION;
const maxTokens = Number(process.env.TAIYI_MAX_TOKENS ?? '12');
assert.ok(baseURL && model && prompt && question, 'TAIYI_BASE_URL, TAIYI_MODEL, TAIYI_PROMPT and TAIYI_QUESTION must be set');

const client = new OpenAI({ baseURL, apiKey: process.env.TAIYI_API_KEY ?? 'no-key', maxRetries: 0 });

const models = await client.models.list();
assert.ok(models.data.some((m) => m.id === model), `models lists ${model}`);

const completion = await client.completions.create({ model, prompt, max_tokens: maxTokens, temperature: 0, logprobs: 2 });
const choice = completion.choices[0];
const lp = choice.logprobs;
assert.equal(lp.tokens.length, lp.token_logprobs.length, 'one log-probability per token');
assert.equal(lp.tokens.length, lp.text_offset.length, 'one offset per token');
assert.equal(lp.tokens.length, completion.usage.completion_tokens, 'usage counts the tokens');
lp.top_logprobs.forEach((top, i) => {
  const values = Object.values(top);
  assert.equal(values.length, 2, `token ${i} has the chosen token and its runner-up`);
  assert.ok(values.every((v) => v <= lp.token_logprobs[i] + 1e-6), `token ${i}: greedy chose the most probable`);
});

let streamed = '';
let streamedTokens = 0;
let streamFinish = null;
for await (const chunk of await client.completions.create({ model, prompt, max_tokens: maxTokens, logprobs: 1, stream: true })) {
  streamed += chunk.choices[0].text;
  streamedTokens += chunk.choices[0].logprobs?.tokens?.length ?? 0;
  streamFinish = chunk.choices[0].finish_reason ?? streamFinish;
}
assert.equal(streamed, choice.text, 'the stream spells the whole answer');
assert.equal(streamedTokens, lp.tokens.length, 'the stream carries every token');
assert.equal(streamFinish, choice.finish_reason, 'the stream ends as the whole answer does');

const messages = [{ role: 'user', content: question }];
const chat = await client.chat.completions.create({ model, messages, max_tokens: maxTokens, logprobs: true, top_logprobs: 2 });
const content = chat.choices[0].logprobs.content;
assert.equal(chat.choices[0].message.role, 'assistant');
assert.ok(content.length > 0, 'chat returns per-token log-probabilities');
content.forEach((t, i) => {
  assert.equal(t.top_logprobs.length, 2, `chat token ${i} has two top log-probabilities`);
  assert.ok(Array.isArray(t.bytes), `chat token ${i} has its bytes`);
});
const chatBytes = Buffer.from(content.flatMap((t) => t.bytes)).toString('utf8');
// a cut last character may be replaced differently by the two decoders
const whole = (s) => s.replace(/\uFFFD+$/u, '');
assert.equal(whole(chatBytes), whole(chat.choices[0].message.content), 'the tokens\' bytes spell the answer');

let chatStreamed = '';
for await (const chunk of await client.chat.completions.create({ model, messages, max_tokens: maxTokens, stream: true })) {
  chatStreamed += chunk.choices[0]?.delta?.content ?? '';
}
assert.equal(chatStreamed, chat.choices[0].message.content, 'the chat stream spells the whole answer');

let refused = null;
try {
  await client.completions.create({ model: 'no-such-model', prompt, max_tokens: 1 });
} catch (e) {
  refused = e;
}
assert.ok(refused instanceof OpenAI.NotFoundError, 'an unknown model is a 404 the client recognises');

console.log(JSON.stringify({ completion: choice.text, completionFinish: choice.finish_reason,
  completionLogprobs: lp.token_logprobs, chat: chat.choices[0].message.content }));
