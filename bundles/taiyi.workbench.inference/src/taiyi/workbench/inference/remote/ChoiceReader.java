package taiyi.workbench.inference.remote;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import taiyi.workbench.inference.GeneratedToken;
import taiyi.workbench.inference.Generation;

/**
 * Turns one choice of an OpenAI-compatible answer into a {@link Generation}: the text, and each
 * token with its log-probability, its runner-up (the best of the top log-probabilities that is not
 * the chosen token) and the characters of the text it completed. The APIs name tokens by their
 * text, not by id, so ids are {@link #UNKNOWN_ID}; nothing downstream reads them.
 */
final class ChoiceReader {

    /** The id of a token known only by its text. */
    static final int UNKNOWN_ID = -2;

    private ChoiceReader() {
    }

    /** A {@code /v1/completions} choice: {@code logprobs} holds parallel lists of tokens, log-probabilities, top maps and offsets. */
    static Generation completion(JsonNode choice) {
        String text = choice.path("text").asText("");
        JsonNode logprobs = choice.path("logprobs");
        List<GeneratedToken> tokens = new ArrayList<>();
        JsonNode names = logprobs.path("tokens");
        JsonNode values = logprobs.path("token_logprobs");
        if (names.isArray() && values.isArray() && names.size() == values.size()) {
            JsonNode offsets = logprobs.path("text_offset");
            JsonNode tops = logprobs.path("top_logprobs");
            boolean haveOffsets = offsets.isArray() && offsets.size() == names.size() && names.size() > 0;
            int first = haveOffsets ? offsets.get(0).asInt() : 0;
            int position = 0;
            for (int i = 0; i < names.size(); i++) {
                String token = names.get(i).asText("");
                int start;
                int end;
                if (haveOffsets) {
                    // offsets may count from the prompt's start (echo) or the answer's: the first token starts the answer
                    start = offsets.get(i).asInt() - first;
                    end = i + 1 < names.size() ? offsets.get(i + 1).asInt() - first : text.length();
                } else {
                    start = position;
                    end = position + token.length();
                }
                start = clamp(start, text.length());
                end = Math.max(start, clamp(end, text.length()));
                position = end;
                double logProbability = values.get(i).isNumber() ? values.get(i).asDouble() : Double.NaN;
                if (Double.isNaN(logProbability)) {
                    continue;
                }
                JsonNode top = tops.isArray() && i < tops.size() ? tops.get(i) : null;
                tokens.add(withRunnerUp(logProbability, start, end, runnerUpOfMap(top, token)));
            }
        }
        return new Generation(text, tokens, stopReason(choice));
    }

    /** A {@code /v1/chat/completions} choice: {@code logprobs.content} is one object per token, with its UTF-8 bytes. */
    static Generation chat(JsonNode choice) {
        String text = choice.path("message").path("content").asText("");
        JsonNode content = choice.path("logprobs").path("content");
        List<GeneratedToken> tokens = new ArrayList<>();
        if (content.isArray()) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            int chars = 0;
            for (JsonNode entry : content) {
                String token = entry.path("token").asText("");
                JsonNode tokenBytes = entry.path("bytes");
                if (tokenBytes.isArray()) {
                    for (JsonNode b : tokenBytes) {
                        bytes.write(b.asInt());
                    }
                } else {
                    bytes.writeBytes(token.getBytes(StandardCharsets.UTF_8));
                }
                int start = chars;
                // a token that only begins a multi-byte character completes no character yet, as in process
                chars = Math.max(chars, completeChars(bytes.toByteArray()));
                int s = clamp(start, text.length());
                int e = Math.max(s, clamp(chars, text.length()));
                if (!entry.path("logprob").isNumber()) {
                    continue;
                }
                double runnerUp = Double.NEGATIVE_INFINITY;
                for (JsonNode top : entry.path("top_logprobs")) {
                    boolean same = tokenBytes.isArray() && top.path("bytes").isArray() ? tokenBytes.equals(top.path("bytes"))
                            : token.equals(top.path("token").asText(""));
                    if (!same && top.path("logprob").isNumber()) {
                        runnerUp = Math.max(runnerUp, top.path("logprob").asDouble());
                    }
                }
                tokens.add(withRunnerUp(entry.path("logprob").asDouble(), s, e, runnerUp));
            }
        }
        return new Generation(text, tokens, stopReason(choice));
    }

    /** Whether the answer reported per-token log-probabilities at all. */
    static boolean hasLogprobs(JsonNode choice) {
        JsonNode logprobs = choice.path("logprobs");
        return logprobs.isObject() && (logprobs.path("token_logprobs").isArray() || logprobs.path("content").isArray());
    }

    private static GeneratedToken withRunnerUp(double logProbability, int start, int end, double runnerUp) {
        if (runnerUp == Double.NEGATIVE_INFINITY || Double.isNaN(runnerUp)) {
            return new GeneratedToken(UNKNOWN_ID, logProbability, start, end);
        }
        // a server that sampled, or rounded, may report a runner-up a hair above the choice
        return new GeneratedToken(UNKNOWN_ID, logProbability, start, end, UNKNOWN_ID, Math.min(runnerUp, logProbability));
    }

    private static double runnerUpOfMap(JsonNode top, String chosen) {
        double best = Double.NEGATIVE_INFINITY;
        if (top != null && top.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = top.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals(chosen) && e.getValue().isNumber()) {
                    best = Math.max(best, e.getValue().asDouble());
                }
            }
        }
        return best;
    }

    private static Generation.StopReason stopReason(JsonNode choice) {
        return "length".equals(choice.path("finish_reason").asText()) ? Generation.StopReason.MAX_TOKENS
                : Generation.StopReason.STOP_TOKEN;
    }

    private static int clamp(int offset, int length) {
        return Math.max(0, Math.min(offset, length));
    }

    /** UTF-16 chars of the longest prefix of {@code bytes} that ends on a whole UTF-8 character. */
    private static int completeChars(byte[] bytes) {
        int end = bytes.length;
        // step back over an unfinished trailing sequence (at most 3 bytes)
        for (int back = 0; back < Math.min(3, bytes.length); back++) {
            int b = bytes[bytes.length - 1 - back] & 0xff;
            if ((b & 0xC0) == 0x80) {
                continue;
            }
            int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            if (need > back + 1) {
                end = bytes.length - 1 - back;
            }
            break;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, 0, end)).length();
        } catch (CharacterCodingException e) {
            throw new AssertionError("a replacing decoder does not throw", e);
        }
    }
}
