package taiyi.workbench.learning.export;

import java.util.Arrays;
import java.util.List;

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
 * non-space char).
 *
 * <p>Whether a conversation {@link #fits} is decided on an upper bound first: a BPE token is at least
 * one byte, so a piece has at most as many tokens as UTF-8 bytes, and a piece counted before has its
 * count. Only a conversation whose bound is over the maximum is counted exactly, so the pieces a
 * corpus uses once (most of its distinct pieces) are mostly never run through BPE. Thread-safe; a
 * {@link WindowPieces} belongs to one thread.
 */
public final class ConversationLength {

    /** A cache this big holds every distinct piece of a large corpus; past it, pieces are counted afresh. */
    private static final int CACHE_LIMIT = 2_000_000;

    private final QwenTokenizer tokenizer;
    private final PieceCounts pieceTokens = new PieceCounts(CACHE_LIMIT);

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
        return 3 + text(human, windowAt, window, true) + text(assistant, true);
    }

    /**
     * Whether a one-turn conversation whose instruction carries a measured window at {@code windowAt}
     * has at most {@code maxTokens} tokens: exactly {@code of(...) <= maxTokens}, counting only where
     * the upper bound does not settle it.
     */
    public boolean fits(String human, int windowAt, WindowPieces window, String assistant, int maxTokens) {
        if (3 + utf8Length(human, 0, human.length()) + utf8Length(assistant, 0, assistant.length()) <= maxTokens) {
            return true;
        }
        if (3 + text(human, windowAt, window, false) + text(assistant, false) <= maxTokens) {
            return true;
        }
        return of(human, windowAt, window, assistant) <= maxTokens;
    }

    /** The tokens of a text taken as ordinary text. */
    public int text(String text) {
        return text(text, true);
    }

    /** The tokens of a text, or with {@code exact} false an upper bound that counts no piece afresh. */
    private int text(String text, boolean exact) {
        int total = 0;
        for (int at = 0; at < text.length(); ) {
            int end = QwenPreTokenizer.pieceEnd(text, at);
            total += piece(text, at, end, exact);
            at = end;
        }
        return total;
    }

    /** Splits a window into its pieces once, for every instruction that carries it; counts come when asked. */
    public WindowPieces window(String windowText) {
        // an English piece is a word and its space, some five chars
        int[] starts = new int[windowText.length() / 4 + 4];
        int n = 0;
        for (int at = 0; at < windowText.length(); ) {
            int end = QwenPreTokenizer.pieceEnd(windowText, at);
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
            }
            starts[n++] = at;
            at = end;
        }
        return new WindowPieces(this, windowText, starts, n);
    }

    private int text(String text, int windowAt, WindowPieces window, boolean exact) {
        if (!text.startsWith(window.text(), windowAt) || window.pieceCount() < 2) {
            return text(text, exact);
        }
        int[] before = exact ? window.tokensBefore() : window.boundBefore();
        int total = 0;
        boolean skipped = false;
        int lastStart = window.starts[window.pieceCount() - 1];
        for (int at = 0; at < text.length(); ) {
            if (!skipped && at >= windowAt && at < windowAt + lastStart) {
                int k = Arrays.binarySearch(window.starts, 0, window.pieceCount(), at - windowAt);
                if (k >= 0) {
                    total += before[window.pieceCount() - 1] - before[k];
                    at = windowAt + lastStart;
                    skipped = true;
                    continue;
                }
            }
            int end = QwenPreTokenizer.pieceEnd(text, at);
            total += piece(text, at, end, exact);
            at = end;
        }
        return total;
    }

    /** A piece's tokens, or with {@code exact} false its cached count if any, else its UTF-8 bytes. */
    private int piece(String text, int start, int end, boolean exact) {
        int hash = PieceCounts.hash(text, start, end);
        int cached = pieceTokens.get(text, start, end, hash);
        if (cached != PieceCounts.ABSENT) {
            return cached;
        }
        return exact ? counted(text, start, end, hash) : utf8Length(text, start, end);
    }

    /** A piece's tokens by BPE, kept for the next time (unless another thread has just kept them). */
    private int counted(String text, int start, int end, int hash) {
        int cached = pieceTokens.get(text, start, end, hash);
        if (cached != PieceCounts.ABSENT) {
            return cached;
        }
        int count = tokenizer.countText(text.substring(start, end));
        pieceTokens.put(text, start, end, hash, count);
        return count;
    }

    /** How many bytes UTF-8 takes for the chars (a lone surrogate, written as one {@code ?}, counts 2: still a bound). */
    static int utf8Length(String text, int start, int end) {
        int bytes = end - start;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // a surrogate pair is 4 bytes for its 2 chars, as 2 + 2 here
                bytes += c < 0x800 || Character.isSurrogate(c) ? 1 : 2;
            }
        }
        return bytes;
    }

    /**
     * A window's pre-tokenizer pieces, with their token counts and upper bounds summed up to each
     * piece, each worked out on first use.
     */
    public static final class WindowPieces {

        private final ConversationLength length;
        private final String text;
        /** Where each piece starts; entries from {@link #pieceCount} on are unused. */
        private final int[] starts;
        private final int count;
        /** The tokens (or bounds) of the pieces before piece {@code k}; the last entry is the total. */
        private int[] tokensBefore;
        private int[] boundBefore;
        /** Each piece's tokens as far as looked up or counted, {@link PieceCounts#ABSENT} where not yet. */
        private int[] known;
        private int[] hashes;

        private WindowPieces(ConversationLength length, String text, int[] starts, int count) {
            this.length = length;
            this.text = text;
            this.starts = starts;
            this.count = count;
        }

        public String text() {
            return text;
        }

        int pieceCount() {
            return count;
        }

        /** The window's own tokens. */
        public int tokens() {
            return tokensBefore()[count];
        }

        private int[] tokensBefore() {
            if (tokensBefore == null) {
                tokensBefore = sums(true);
            }
            return tokensBefore;
        }

        private int[] boundBefore() {
            if (tokensBefore != null) {
                return tokensBefore;
            }
            if (boundBefore == null) {
                boundBefore = sums(false);
            }
            return boundBefore;
        }

        private int[] sums(boolean exact) {
            if (known == null) {
                // one lookup per piece serves the bound and, where the bound does not decide, the count
                known = new int[count];
                hashes = new int[count];
                for (int k = 0; k < count; k++) {
                    hashes[k] = PieceCounts.hash(text, starts[k], end(k));
                    known[k] = length.pieceTokens.get(text, starts[k], end(k), hashes[k]);
                }
            }
            int[] before = new int[count + 1];
            for (int k = 0; k < count; k++) {
                int tokens = known[k];
                if (tokens == PieceCounts.ABSENT) {
                    tokens = exact ? (known[k] = length.counted(text, starts[k], end(k), hashes[k]))
                            : utf8Length(text, starts[k], end(k));
                }
                before[k + 1] = before[k] + tokens;
            }
            return before;
        }

        private int end(int k) {
            return k + 1 < count ? starts[k + 1] : text.length();
        }
    }
}
