package taiyi.workbench.inference.djl.qwen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import ai.djl.ndarray.NDManager;
import taiyi.workbench.inference.Generation.StopReason;

/**
 * Greedy generation for a batch of prompts with a {@link QwenModel}: one prefill step over the
 * left-padded prompts, then one token per step from the KV cache, each time the most probable
 * token with its log-probability (log-softmax in float32), and the runner-up, the second most
 * probable token, with its own (the maximum once the chosen token is masked out: a few more passes
 * over the vocabulary per step, nothing beside the forward pass), for the queue's margins.
 *
 * <p>Every step runs in its own manager, closed when the step ends, and the cache replaces its
 * arrays rather than adding to them, so memory does not grow with the number of steps beyond the
 * cache itself. A row that finishes leaves the batch (its cache rows are dropped), so the others
 * go on without computing it. Cancellation is checked before each step.
 */
public final class GreedyDecoder {

    /** Any valid id works for padding: padded positions are masked out. */
    private static final int PAD_ID = 0;

    private final QwenModel model;

    public GreedyDecoder(QwenModel model) {
        this.model = model;
    }

    /**
     * @param promptIds one non-empty token array per row
     * @param maxNewTokens the most tokens a row may generate (stop token not counted)
     * @param stopIds tokens that end a row (not included in its output)
     * @param listener told of every token as it is chosen
     * @param cancelled polled before every step; when true, every unfinished row stops as CANCELLED
     */
    public DecodeResult decode(List<int[]> promptIds, int maxNewTokens, Set<Integer> stopIds, TokenStepListener listener,
            BooleanSupplier cancelled) {
        int rows = promptIds.size();
        if (rows == 0) {
            return new DecodeResult(List.of(), 0, new long[0]);
        }
        if (maxNewTokens < 0) {
            throw new IllegalArgumentException("maxNewTokens is negative: " + maxNewTokens);
        }
        int longest = 0;
        for (int r = 0; r < rows; r++) {
            if (promptIds.get(r).length == 0) {
                throw new IllegalArgumentException("prompt " + r + " is empty");
            }
            longest = Math.max(longest, promptIds.get(r).length);
        }
        int[] padding = new int[rows];
        long[] ids = new long[rows * longest];
        for (int r = 0; r < rows; r++) {
            int[] prompt = promptIds.get(r);
            padding[r] = longest - prompt.length;
            Arrays.fill(ids, r * longest, r * longest + padding[r], PAD_ID);
            for (int i = 0; i < prompt.length; i++) {
                ids[r * longest + padding[r] + i] = prompt[i];
            }
        }
        List<List<Integer>> tokens = new ArrayList<>();
        List<List<Float>> logProbs = new ArrayList<>();
        List<List<Integer>> runnerUps = new ArrayList<>();
        List<List<Float>> runnerUpLogProbs = new ArrayList<>();
        StopReason[] reasons = new StopReason[rows];
        for (int r = 0; r < rows; r++) {
            tokens.add(new ArrayList<>());
            logProbs.add(new ArrayList<>());
            runnerUps.add(new ArrayList<>());
            runnerUpLogProbs.add(new ArrayList<>());
        }
        if (maxNewTokens == 0) {
            Arrays.fill(reasons, StopReason.MAX_TOKENS);
            return result(tokens, logProbs, runnerUps, runnerUpLogProbs, reasons, 0, new long[0]);
        }
        // active[i] = request row of batch row i
        int[] active = new int[rows];
        for (int r = 0; r < rows; r++) {
            active[r] = r;
        }
        long prefillNanos = 0;
        List<Long> stepNanos = new ArrayList<>();
        boolean prefilled = false;
        int length = longest;
        try (NDManager session = model.newSessionManager(); KvCache cache = model.newCache(session, padding)) {
            while (active.length > 0) {
                if (cancelled.getAsBoolean()) {
                    for (int r : active) {
                        reasons[r] = StopReason.CANCELLED;
                    }
                    break;
                }
                long start = System.nanoTime();
                long[] chosen;
                float[] chosenLogProbs;
                long[] second;
                float[] secondLogProbs;
                try (NDManager step = session.newSubManager()) {
                    TokenChoice choice = TokenChoice.of(model.nextTokenLogits(step, ids, length, cache), active.length);
                    chosen = choice.chosen();
                    chosenLogProbs = choice.chosenLogProbs();
                    second = choice.second();
                    secondLogProbs = choice.secondLogProbs();
                }
                List<Integer> continuing = new ArrayList<>();
                for (int i = 0; i < active.length; i++) {
                    int r = active[i];
                    int token = (int) chosen[i];
                    if (stopIds.contains(token)) {
                        reasons[r] = StopReason.STOP_TOKEN;
                        continue;
                    }
                    tokens.get(r).add(token);
                    logProbs.get(r).add(chosenLogProbs[i]);
                    runnerUps.get(r).add((int) second[i]);
                    runnerUpLogProbs.get(r).add(secondLogProbs[i]);
                    listener.tokenChosen(r, token, chosenLogProbs[i], (int) second[i], secondLogProbs[i]);
                    if (tokens.get(r).size() >= maxNewTokens) {
                        reasons[r] = StopReason.MAX_TOKENS;
                    } else {
                        continuing.add(i);
                    }
                }
                int[] keep = continuing.stream().mapToInt(Integer::intValue).toArray();
                ids = new long[keep.length];
                int[] next = new int[keep.length];
                for (int i = 0; i < keep.length; i++) {
                    ids[i] = chosen[keep[i]];
                    next[i] = active[keep[i]];
                }
                if (keep.length > 0) {
                    cache.keep(keep);
                }
                active = next;
                length = 1;
                long elapsed = System.nanoTime() - start;
                if (!prefilled) {
                    prefillNanos = elapsed;
                    prefilled = true;
                } else {
                    stepNanos.add(elapsed);
                }
            }
        }
        return result(tokens, logProbs, runnerUps, runnerUpLogProbs, reasons, prefillNanos,
                stepNanos.stream().mapToLong(Long::longValue).toArray());
    }

    private static DecodeResult result(List<List<Integer>> tokens, List<List<Float>> logProbs, List<List<Integer>> runnerUps,
            List<List<Float>> runnerUpLogProbs, StopReason[] reasons, long prefillNanos, long[] stepNanos) {
        List<DecodeResult.Row> out = new ArrayList<>();
        for (int r = 0; r < tokens.size(); r++) {
            int[] ids = tokens.get(r).stream().mapToInt(Integer::intValue).toArray();
            int[] second = runnerUps.get(r).stream().mapToInt(Integer::intValue).toArray();
            float[] lp = new float[ids.length];
            float[] secondLp = new float[ids.length];
            for (int i = 0; i < lp.length; i++) {
                lp[i] = logProbs.get(r).get(i);
                secondLp[i] = runnerUpLogProbs.get(r).get(i);
            }
            out.add(new DecodeResult.Row(ids, lp, second, secondLp, reasons[r]));
        }
        return new DecodeResult(out, prefillNanos, stepNanos);
    }
}
