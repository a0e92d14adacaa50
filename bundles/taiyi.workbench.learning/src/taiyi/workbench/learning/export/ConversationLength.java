package taiyi.workbench.learning.export;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import taiyi.workbench.inference.djl.tokenizer.QwenPreTokenizer;
import taiyi.workbench.inference.djl.tokenizer.QwenTokenizer;
import taiyi.workbench.inference.prompt.Taiyi1Template;

/**
 * Measures conversations in Qwen tokens as Taiyi 1 trains on them: {@code <eod>human<eod>assistant<eod>}
 * (one {@code <|endoftext|>} before the first turn and one after every turn), each turn encoded as
 * ordinary text. The count is exact: a text's tokens are the sum of its pre-tokenizer pieces' BPE
 * counts, each piece's count is cached (a corpus repeats its words), and a window's pieces are
 * counted once for the five or so instructions that carry it, since the scan of an instruction
 * falls into step with the window's own pieces right after the wording's prefix and keeps in step
 * until the window's last piece (no piece of the pattern looks behind, and the window ends in a
 * non-space char). Thread-safe.
 */
public final class ConversationLength {

    /** A cache this big holds every distinct piece of a large corpus; past it, pieces are counted afresh. */
    private static final int CACHE_LIMIT = 2_000_000;

    private final QwenTokenizer tokenizer;
    private final ConcurrentHashMap<String, Integer> pieceTokens = new ConcurrentHashMap<>(1 << 16);

    public ConversationLength(QwenTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** What the manifest says about the measure. */
    public String description() {
        return "Qwen-7B tiktoken BPE (" + tokenizer.vocabularySize() + " ids), template " + Taiyi1Template.ID;
    }

    public QwenTokenizer tokenizer() {
        return tokenizer;
    }

    /** The tokens of a whole conversation, control tokens included. */
    public int of(List<ConversationTurn> turns) {
        int total = 1;
        for (ConversationTurn t : turns) {
            total += text(t.human()) + text(t.assistant()) + 2;
        }
        return total;
    }

    /** The tokens of a one-turn conversation whose instruction carries a measured window at {@code windowAt}. */
    public int of(String human, int windowAt, WindowPieces window, String assistant) {
        return 3 + text(human, windowAt, window) + text(assistant);
    }

    /** The tokens of a text taken as ordinary text. */
    public int text(String text) {
        int total = 0;
        for (int at = 0; at < text.length(); ) {
            int end = QwenPreTokenizer.pieceEnd(text, at);
            total += piece(text, at, end);
            at = end;
        }
        return total;
    }

    /** Measures a window's pieces once, for every instruction that carries it. */
    public WindowPieces window(String windowText) {
        int[] starts = new int[Math.max(4, windowText.length() / 3)];
        int[] before = new int[starts.length + 1];
        int n = 0;
        int total = 0;
        for (int at = 0; at < windowText.length(); ) {
            int end = QwenPreTokenizer.pieceEnd(windowText, at);
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                before = Arrays.copyOf(before, n * 2 + 1);
            }
            starts[n] = at;
            before[n] = total;
            total += piece(windowText, at, end);
            n++;
            at = end;
        }
        before[n] = total;
        return new WindowPieces(windowText, Arrays.copyOf(starts, n), Arrays.copyOf(before, n + 1));
    }

    private int text(String text, int windowAt, WindowPieces window) {
        if (!text.startsWith(window.text(), windowAt) || window.pieceCount() < 2) {
            return text(text);
        }
        int total = 0;
        boolean skipped = false;
        int lastStart = window.starts()[window.pieceCount() - 1];
        for (int at = 0; at < text.length(); ) {
            if (!skipped && at >= windowAt && at < windowAt + lastStart) {
                int k = Arrays.binarySearch(window.starts(), at - windowAt);
                if (k >= 0) {
                    total += window.tokensBefore()[window.pieceCount() - 1] - window.tokensBefore()[k];
                    at = windowAt + lastStart;
                    skipped = true;
                    continue;
                }
            }
            int end = QwenPreTokenizer.pieceEnd(text, at);
            total += piece(text, at, end);
            at = end;
        }
        return total;
    }

    private int piece(String text, int start, int end) {
        String piece = text.substring(start, end);
        Integer cached = pieceTokens.get(piece);
        if (cached != null) {
            return cached;
        }
        int count = tokenizer.countText(piece);
        if (pieceTokens.size() < CACHE_LIMIT) {
            pieceTokens.put(piece, count);
        }
        return count;
    }

    /**
     * A window's pre-tokenizer pieces with their token counts.
     *
     * @param text the window text
     * @param starts where each piece starts
     * @param tokensBefore the tokens of the pieces before piece {@code k}; the last entry is the total
     */
    public record WindowPieces(String text, int[] starts, int[] tokensBefore) {

        int pieceCount() {
            return starts.length;
        }

        /** The window's own tokens. */
        public int tokens() {
            return tokensBefore[starts.length];
        }
    }
}
