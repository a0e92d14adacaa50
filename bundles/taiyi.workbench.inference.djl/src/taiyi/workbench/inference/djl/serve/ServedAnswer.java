package taiyi.workbench.inference.djl.serve;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import taiyi.workbench.inference.djl.tokenizer.QwenTokenizer;

/**
 * One answer in the API's JSON: a whole {@code text_completion} or {@code chat.completion}, or its
 * stream chunks, with log-probabilities in the shape each endpoint uses (completions: parallel
 * lists with {@code text_offset}; chat: one object per token with its UTF-8 bytes). Offsets are
 * chars of the answer, so a client maps each token onto the chars it completed.
 */
final class ServedAnswer {

    private final ObjectMapper json;
    private final QwenTokenizer tokenizer;
    private final String id;
    private final String model;
    private final long created;
    private final boolean chat;
    /** top log-probabilities asked per token; -1 for none */
    private final int top;
    private final StringBuilder text = new StringBuilder();
    private final ObjectNode logprobs;

    ServedAnswer(ObjectMapper json, QwenTokenizer tokenizer, String id, String model, long created, boolean chat, int top) {
        this.json = json;
        this.tokenizer = tokenizer;
        this.id = id;
        this.model = model;
        this.created = created;
        this.chat = chat;
        this.top = top;
        this.logprobs = top < 0 ? null : emptyLogprobs();
    }

    /** Gathers a piece for {@link #whole}. */
    void collect(String delta, int from, List<ServedCompletion.Token> tokens) {
        text.append(delta);
        if (logprobs != null) {
            addTokens(logprobs, tokens);
        }
    }

    ObjectNode whole(String finishReason, ServedCompletion completion) {
        ObjectNode body = head(chat ? "chat.completion" : "text_completion");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        if (chat) {
            choice.putObject("message").put("role", "assistant").put("content", text.toString());
        } else {
            choice.put("text", text.toString());
        }
        if (logprobs == null) {
            choice.putNull("logprobs");
        } else {
            choice.set("logprobs", logprobs);
        }
        choice.put("finish_reason", finishReason);
        usage(body, completion);
        return body;
    }

    /** The first chat chunk: the assistant's role, no text yet. */
    ObjectNode chatRoleChunk() {
        ObjectNode body = head("chat.completion.chunk");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        choice.putObject("delta").put("role", "assistant").put("content", "");
        choice.putNull("logprobs");
        choice.putNull("finish_reason");
        return body;
    }

    ObjectNode chunk(String delta, int from, List<ServedCompletion.Token> tokens) {
        ObjectNode body = head(chat ? "chat.completion.chunk" : "text_completion");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        if (chat) {
            choice.putObject("delta").put("content", delta);
        } else {
            choice.put("text", delta);
        }
        if (top < 0) {
            choice.putNull("logprobs");
        } else {
            ObjectNode lp = emptyLogprobs();
            addTokens(lp, tokens);
            choice.set("logprobs", lp);
        }
        choice.putNull("finish_reason");
        return body;
    }

    ObjectNode finalChunk(String finishReason, ServedCompletion completion) {
        ObjectNode body = head(chat ? "chat.completion.chunk" : "text_completion");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        if (chat) {
            choice.putObject("delta");
        } else {
            choice.put("text", "");
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        usage(body, completion);
        return body;
    }

    private ObjectNode head(String object) {
        return json.createObjectNode().put("id", id).put("object", object).put("created", created).put("model", model);
    }

    private static void usage(ObjectNode body, ServedCompletion completion) {
        body.putObject("usage").put("prompt_tokens", completion.promptTokens())
                .put("completion_tokens", completion.completionTokens())
                .put("total_tokens", completion.promptTokens() + completion.completionTokens());
    }

    private ObjectNode emptyLogprobs() {
        ObjectNode lp = json.createObjectNode();
        if (chat) {
            lp.putArray("content");
        } else {
            lp.putArray("tokens");
            lp.putArray("token_logprobs");
            lp.putArray("top_logprobs");
            lp.putArray("text_offset");
        }
        return lp;
    }

    private void addTokens(ObjectNode lp, List<ServedCompletion.Token> tokens) {
        for (ServedCompletion.Token t : tokens) {
            byte[] bytes = tokenizer.bytesOf(t.id());
            byte[] runnerUpBytes = tokenizer.bytesOf(t.runnerUpId());
            String name = ServedCompletion.tokenName(bytes);
            String runnerUp = ServedCompletion.tokenName(runnerUpBytes);
            if (chat) {
                ObjectNode entry = ((ArrayNode) lp.get("content")).addObject();
                entry.put("token", name).put("logprob", (double) t.logProbability());
                bytes(entry.putArray("bytes"), bytes);
                ArrayNode tops = entry.putArray("top_logprobs");
                if (top >= 1) {
                    ObjectNode first = tops.addObject().put("token", name).put("logprob", (double) t.logProbability());
                    bytes(first.putArray("bytes"), bytes);
                }
                if (top >= 2) {
                    ObjectNode second = tops.addObject().put("token", runnerUp).put("logprob", (double) t.runnerUpLogProbability());
                    bytes(second.putArray("bytes"), runnerUpBytes);
                }
            } else {
                ((ArrayNode) lp.get("tokens")).add(name);
                ((ArrayNode) lp.get("token_logprobs")).add((double) t.logProbability());
                ObjectNode tops = ((ArrayNode) lp.get("top_logprobs")).addObject();
                if (top >= 1) {
                    tops.put(name, (double) t.logProbability());
                }
                if (top >= 2) {
                    tops.put(runnerUp, (double) t.runnerUpLogProbability());
                }
                ((ArrayNode) lp.get("text_offset")).add(t.start());
            }
        }
    }

    private static void bytes(ArrayNode out, byte[] bytes) {
        for (byte b : bytes) {
            out.add(b & 0xff);
        }
    }
}
