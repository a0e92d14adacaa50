package taiyi.workbench.inference.djl.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import taiyi.workbench.inference.Generation.StopReason;
import taiyi.workbench.inference.djl.qwen.DecodeRequest;
import taiyi.workbench.inference.djl.tokenizer.QwenTokenizer;
import taiyi.workbench.inference.djl.tokenizer.TokenTextDecoder;

/**
 * One request's answer as it is decoded: the decoder thread drops each token into a queue, and the
 * request's own HTTP thread turns them into text (which chars each token completed, as in process),
 * cuts the answer at a stop string, and hands finished pieces to a {@link Sink} (the SSE stream, or
 * the one JSON answer). When the stream's client is gone, or a stop string matched, the row is
 * cancelled and leaves the batch before the next step.
 */
final class ServedCompletion implements DecodeRequest {

    /** A generated token over chars {@code [start, end)} of the answer. */
    record Token(int id, float logProbability, int runnerUpId, float runnerUpLogProbability, int start, int end) {
        Token covering(int newStart, int newEnd) {
            return new Token(id, logProbability, runnerUpId, runnerUpLogProbability, newStart, newEnd);
        }
    }

    /** Where finished pieces of the answer go. */
    interface Sink {
        /** Text {@code delta} (chars {@code [from, from + delta.length())} of the answer) and the tokens that wrote it. */
        void piece(String delta, int from, List<Token> tokens) throws IOException;
    }

    private sealed interface Event {
    }

    private record Chosen(int id, float logProbability, int runnerUpId, float runnerUpLogProbability) implements Event {
    }

    private record Ended(StopReason reason) implements Event {
    }

    private record Failed(RuntimeException cause) implements Event {
    }

    private final int[] promptIds;
    private final int maxNewTokens;
    private final Set<Integer> stopIds;
    private final List<String> stopStrings;
    private final TokenTextDecoder text;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile boolean cancelled;

    private final List<Token> tokens = new ArrayList<>();
    private int emittedChars;
    private int emittedTokens;
    private String answer;
    private boolean stoppedByString;

    ServedCompletion(QwenTokenizer tokenizer, int[] promptIds, int maxNewTokens, Set<Integer> stopIds, List<String> stopStrings) {
        this.promptIds = promptIds.clone();
        this.maxNewTokens = maxNewTokens;
        this.stopIds = Set.copyOf(stopIds);
        this.stopStrings = stopStrings.stream().filter(s -> !s.isEmpty()).toList();
        this.text = tokenizer.newTextDecoder();
    }

    @Override
    public int[] promptIds() {
        return promptIds.clone();
    }

    @Override
    public int maxNewTokens() {
        return maxNewTokens;
    }

    @Override
    public Set<Integer> stopIds() {
        return stopIds;
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public void token(int tokenId, float logProbability, int runnerUpId, float runnerUpLogProbability) {
        events.add(new Chosen(tokenId, logProbability, runnerUpId, runnerUpLogProbability));
    }

    @Override
    public void finished(StopReason reason) {
        events.add(new Ended(reason));
    }

    @Override
    public void failed(RuntimeException e) {
        events.add(new Failed(e));
    }

    /** Marks the row for removal (the client left). */
    void cancel() {
        cancelled = true;
    }

    /**
     * Reads the decoder's events until the answer ends, passing pieces to the sink as they are
     * final (text that could still turn out to be the start of a stop string is held back).
     *
     * @return {@code stop} or {@code length}, as the API's {@code finish_reason}
     * @throws IOException the sink's, after cancelling the row
     * @throws RuntimeException the model's failure on this row
     */
    String run(Sink sink) throws IOException, InterruptedException {
        int holdBack = stopStrings.stream().mapToInt(String::length).max().orElse(1) - 1;
        try {
            while (true) {
                Event e = events.take();
                if (e instanceof Failed f) {
                    throw f.cause();
                }
                if (e instanceof Ended ended) {
                    return finish(sink, ended.reason());
                }
                Chosen c = (Chosen) e;
                TokenTextDecoder.Span span = text.accept(c.id());
                tokens.add(new Token(c.id(), c.logProbability(), c.runnerUpId(), c.runnerUpLogProbability(), span.start(), span.end()));
                String soFar = text.text();
                int cut = stopAt(soFar, Math.max(0, span.start() - holdBack));
                if (cut >= 0) {
                    // the row leaves the batch before the next step; its later events are not read
                    cancelled = true;
                    stoppedByString = true;
                    return end(sink, soFar.substring(0, cut), "stop");
                }
                emitUpTo(sink, soFar, Math.max(emittedChars, soFar.length() - holdBack));
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            cancelled = true;
            throw e;
        }
    }

    private String finish(Sink sink, StopReason reason) throws IOException {
        TokenTextDecoder.Span tail = text.finish();
        if (!tail.isEmpty() && !tokens.isEmpty()) {
            // bytes of a cut character became U+FFFD: they belong to the last token, as in process
            Token last = tokens.remove(tokens.size() - 1);
            tokens.add(last.covering(Math.min(last.start(), tail.start()), tail.end()));
        }
        String full = text.text();
        int cut = stopAt(full, 0);
        if (cut >= 0) {
            stoppedByString = true;
            return end(sink, full.substring(0, cut), "stop");
        }
        return end(sink, full, reason == StopReason.MAX_TOKENS ? "length" : "stop");
    }

    private String end(Sink sink, String finalText, String finishReason) throws IOException {
        answer = finalText;
        emitUpTo(sink, finalText, finalText.length());
        return finishReason;
    }

    /**
     * Emits the tokens not yet emitted that lie within the first {@code safe} chars, with their
     * text. Once the answer is final ({@link #answer} set), the rest goes out: tokens that began
     * before its end, clipped to it; those past a stop string are not part of it.
     */
    private void emitUpTo(Sink sink, String soFar, int safe) throws IOException {
        boolean last = answer != null;
        List<Token> ready = new ArrayList<>();
        int end = emittedChars;
        for (; emittedTokens < tokens.size(); emittedTokens++) {
            Token t = tokens.get(emittedTokens);
            boolean within = last ? t.start() < safe || (t.start() == safe && t.end() == t.start() && !stoppedByString)
                    : t.end() <= safe;
            if (!within) {
                if (last) {
                    continue;
                }
                break;
            }
            Token clipped = t.end() > safe ? t.covering(t.start(), safe) : t;
            ready.add(clipped);
            end = Math.max(end, clipped.end());
        }
        if (last) {
            end = safe;
        }
        if (ready.isEmpty() && end == emittedChars) {
            return;
        }
        String delta = soFar.substring(emittedChars, end);
        int from = emittedChars;
        emittedChars = end;
        sink.piece(delta, from, ready);
    }

    /** Earliest start of a stop string found at or after {@code from}, or -1. */
    private int stopAt(String s, int from) {
        int best = -1;
        for (String stop : stopStrings) {
            int i = s.indexOf(stop, from);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    /** Tokens generated (those after a matched stop string included: they were computed). */
    int completionTokens() {
        return tokens.size();
    }

    int promptTokens() {
        return promptIds.length;
    }

    boolean stoppedByString() {
        return stoppedByString;
    }

    /**
     * How the API names a token: its text when its bytes are whole UTF-8, else {@code bytes:\xNN…}
     * (as vLLM writes partial characters), so two tokens never share a name.
     */
    static String tokenName(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            StringBuilder out = new StringBuilder("bytes:");
            for (byte b : bytes) {
                out.append(String.format("\\x%02x", b & 0xff));
            }
            return out.toString();
        }
    }
}
