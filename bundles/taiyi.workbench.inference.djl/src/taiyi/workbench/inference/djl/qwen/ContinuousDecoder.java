package taiyi.workbench.inference.djl.qwen;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import ai.djl.ndarray.NDManager;
import taiyi.workbench.inference.Generation.StopReason;

/**
 * Greedy decoding of requests that arrive at any time, batched continuously: a request waiting
 * when a step ends is prefilled on its own and its cache joins the running left-padded batch, a
 * row that finishes or is cancelled leaves it, and every step decodes one token for all rows in
 * one forward pass. A row's tokens are those {@link GreedyDecoder} gives the same prompt alone
 * (same forward, same {@link TokenChoice}; padding is masked).
 *
 * <p>One thread (started by {@link #start()}) owns the model; {@link #submit} may be called from
 * any thread.
 */
public final class ContinuousDecoder implements AutoCloseable {

    private final QwenModel model;
    private final int maxRows;
    private final BlockingQueue<DecodeRequest> waiting = new LinkedBlockingQueue<>();
    private final AtomicInteger activeRows = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong generatedTokens = new java.util.concurrent.atomic.AtomicLong();
    private final Thread thread;
    private volatile boolean closed;

    /** @param maxRows the most rows decoded side by side; later requests wait for a free row */
    public ContinuousDecoder(QwenModel model, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, was " + maxRows);
        }
        this.model = model;
        this.maxRows = maxRows;
        this.thread = new Thread(this::run, "continuous-decoder");
        this.thread.setDaemon(true);
    }

    public ContinuousDecoder start() {
        thread.start();
        return this;
    }

    /** Queues a request; it joins the batch after the current step. */
    public void submit(DecodeRequest request) {
        if (closed) {
            throw new IllegalStateException("the decoder is closed");
        }
        int[] ids = request.promptIds();
        if (ids.length == 0) {
            throw new IllegalArgumentException("the prompt is empty");
        }
        if (request.maxNewTokens() < 1) {
            throw new IllegalArgumentException("max_tokens must be at least 1, was " + request.maxNewTokens());
        }
        if (ids.length + request.maxNewTokens() > model.config().seqLength()) {
            throw new IllegalArgumentException("the prompt's " + ids.length + " tokens and " + request.maxNewTokens()
                    + " new ones exceed the model's " + model.config().seqLength());
        }
        waiting.add(request);
    }

    /** Rows in the running batch now. */
    public int activeRows() {
        return activeRows.get();
    }

    /** Tokens generated for all requests since the start (those of cancelled rows included). */
    public long generatedTokens() {
        return generatedTokens.get();
    }

    /** Requests waiting for a row. */
    public int waitingRequests() {
        return waiting.size();
    }

    public int maxRows() {
        return maxRows;
    }

    private void run() {
        List<DecodeRequest> rows = new ArrayList<>();
        List<Integer> generated = new ArrayList<>();
        long[] next = new long[0];
        KvCache batch = null;
        try (NDManager session = model.newSessionManager()) {
            while (!closed) {
                // admit waiting requests into free rows; wait for one only when nothing runs
                List<Long> nextIds = new ArrayList<>();
                for (long id : next) {
                    nextIds.add(id);
                }
                while (rows.size() < maxRows) {
                    DecodeRequest request = rows.isEmpty() ? waiting.poll(200, TimeUnit.MILLISECONDS) : waiting.poll();
                    if (request == null) {
                        break;
                    }
                    if (request.cancelled()) {
                        request.finished(StopReason.CANCELLED);
                        continue;
                    }
                    KvCache own = model.newCache(session, new int[] {0});
                    int[] prompt = request.promptIds();
                    long[] ids = new long[prompt.length];
                    for (int i = 0; i < prompt.length; i++) {
                        ids[i] = prompt[i];
                    }
                    Long first;
                    try (NDManager step = session.newSubManager()) {
                        TokenChoice choice = TokenChoice.of(model.nextTokenLogits(step, ids, prompt.length, own), 1);
                        first = take(request, choice, 0, 0);
                    } catch (RuntimeException e) {
                        own.close();
                        request.failed(e);
                        continue;
                    }
                    if (first == null) {
                        own.close();
                        continue;
                    }
                    if (batch == null) {
                        batch = own;
                    } else {
                        batch.join(own);
                    }
                    rows.add(request);
                    generated.add(1);
                    nextIds.add(first);
                }
                activeRows.set(rows.size());
                if (rows.isEmpty()) {
                    next = new long[0];
                    continue;
                }
                // rows whose clients left stop costing work before the step
                List<Integer> keep = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    if (rows.get(i).cancelled()) {
                        rows.get(i).finished(StopReason.CANCELLED);
                    } else {
                        keep.add(i);
                    }
                }
                if (keep.size() < rows.size()) {
                    batch = keepRows(batch, keep, rows, generated, nextIds);
                    activeRows.set(rows.size());
                    if (rows.isEmpty()) {
                        next = new long[0];
                        continue;
                    }
                }
                long[] ids = nextIds.stream().mapToLong(Long::longValue).toArray();
                TokenChoice choice;
                try (NDManager step = session.newSubManager()) {
                    choice = TokenChoice.of(model.nextTokenLogits(step, ids, 1, batch), rows.size());
                } catch (RuntimeException e) {
                    rows.forEach(r -> r.failed(e));
                    rows.clear();
                    generated.clear();
                    batch.close();
                    batch = null;
                    next = new long[0];
                    activeRows.set(0);
                    continue;
                }
                keep.clear();
                List<Long> following = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    Long token = take(rows.get(i), choice, i, generated.get(i));
                    if (token != null) {
                        generated.set(i, generated.get(i) + 1);
                        keep.add(i);
                        following.add(token);
                    }
                }
                batch = keepRows(batch, keep, rows, generated, null);
                next = following.stream().mapToLong(Long::longValue).toArray();
                activeRows.set(rows.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (batch != null) {
                batch.close();
            }
            IllegalStateException stopped = new IllegalStateException("the server is shutting down");
            rows.forEach(r -> r.failed(stopped));
            DecodeRequest r;
            while ((r = waiting.poll()) != null) {
                r.failed(stopped);
            }
            activeRows.set(0);
        }
    }

    /**
     * Hands row {@code i}'s choice to its request; returns the token to feed next, or null when the
     * row ended (stop token, its limit, or cancelled during the callback).
     */
    private Long take(DecodeRequest request, TokenChoice choice, int i, int alreadyGenerated) {
        int token = (int) choice.chosen()[i];
        if (request.stopIds().contains(token)) {
            request.finished(StopReason.STOP_TOKEN);
            return null;
        }
        generatedTokens.incrementAndGet();
        request.token(token, choice.chosenLogProbs()[i], (int) choice.second()[i], choice.secondLogProbs()[i]);
        if (alreadyGenerated + 1 >= request.maxNewTokens()) {
            request.finished(StopReason.MAX_TOKENS);
            return null;
        }
        return (long) token;
    }

    /** Keeps rows {@code keep} (indices) in the lists and the cache; a cache left with no row is closed (null). */
    private static KvCache keepRows(KvCache batch, List<Integer> keep, List<DecodeRequest> rows, List<Integer> generated,
            List<Long> nextIds) {
        List<DecodeRequest> keptRows = new ArrayList<>();
        List<Integer> keptGenerated = new ArrayList<>();
        List<Long> keptIds = new ArrayList<>();
        for (int i : keep) {
            keptRows.add(rows.get(i));
            keptGenerated.add(generated.get(i));
            if (nextIds != null) {
                keptIds.add(nextIds.get(i));
            }
        }
        rows.clear();
        rows.addAll(keptRows);
        generated.clear();
        generated.addAll(keptGenerated);
        if (nextIds != null) {
            nextIds.clear();
            nextIds.addAll(keptIds);
        }
        if (keep.isEmpty()) {
            batch.close();
            return null;
        }
        batch.keep(keep.stream().mapToInt(Integer::intValue).toArray());
        return batch;
    }

    /** Stops the decoding thread; rows still running and requests still waiting fail with "shutting down". */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
