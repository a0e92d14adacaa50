package taiyi.workbench.inference.djl.tokenizer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.GptBytePairEncodingParams;
import com.knuddels.jtokkit.api.IntArrayList;

import taiyi.workbench.inference.PromptPiece;

/**
 * Qwen-7B's tokenizer: tiktoken byte-level BPE over {@code qwen.tiktoken}, run by jtokkit, with
 * Qwen's control tokens ({@link QwenSpecialTokens}). Thread-safe once loaded.
 */
public final class QwenTokenizer {

    /**
     * Qwen-7B's pre-tokenizer ({@code PAT_STR} of its {@code tokenization_qwen.py}): like cl100k but
     * one digit per piece. Compiled with {@link Pattern#UNICODE_CHARACTER_CLASS}, without which Java's
     * {@code \s} misses U+3000 and U+00A0 and splits Chinese clinical text differently from Qwen.
     */
    public static final String PAT_STR = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}"
            + "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

    /** The vocabulary file's name inside a model folder. */
    public static final String VOCABULARY_FILE = "qwen.tiktoken";

    private final String source;
    private final TiktokenRanks ranks;
    private final QwenSpecialTokens specials;
    private final Encoding encoding;

    private QwenTokenizer(String source, TiktokenRanks ranks) {
        this.source = source;
        this.ranks = ranks;
        this.specials = new QwenSpecialTokens(ranks.size());
        GptBytePairEncodingParams params = new GptBytePairEncodingParams("qwen",
                Pattern.compile(PAT_STR, Pattern.UNICODE_CHARACTER_CLASS), ranks.asEncoder(), specials.asMap());
        this.encoding = Encodings.newLazyEncodingRegistry().registerGptBytePairEncoding(params).getEncoding("qwen")
                .orElseThrow();
    }

    /**
     * Loads a {@code qwen.tiktoken} file (or {@code .gz}), or a model folder that holds one
     * ({@code qwen.tiktoken}, else {@code qwen.tiktoken.gz}).
     */
    public static QwenTokenizer load(Path tiktokenFileOrModelFolder) throws IOException {
        Path file = tiktokenFileOrModelFolder;
        if (Files.isDirectory(file)) {
            Path plain = file.resolve(VOCABULARY_FILE);
            Path gz = file.resolve(VOCABULARY_FILE + ".gz");
            if (Files.isRegularFile(plain)) {
                file = plain;
            } else if (Files.isRegularFile(gz)) {
                file = gz;
            } else {
                throw new IOException(file + ": no " + VOCABULARY_FILE + " in this model folder (Qwen-7B keeps its"
                        + " vocabulary there; a Qwen2-style tokenizer.json is not supported)");
            }
        } else if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such tokenizer file or model folder");
        }
        return new QwenTokenizer(file.toString(), TiktokenRanks.read(file));
    }

    /**
     * Token ids for a prompt: each control token by its id (an unknown name is an error), each
     * text piece as ordinary text, so {@code <|im_end|>} inside a document stays text.
     */
    public int[] encode(List<PromptPiece> pieces) {
        IntArrayList ids = new IntArrayList();
        for (PromptPiece piece : pieces) {
            if (piece instanceof PromptPiece.Special special) {
                ids.add(specials.id(special.token()));
            } else {
                IntArrayList text = encoding.encodeOrdinary(((PromptPiece.Text) piece).text());
                for (int i = 0; i < text.size(); i++) {
                    ids.add(text.get(i));
                }
            }
        }
        return ids.toArray();
    }

    /** Token ids for text taken as ordinary text, never as control tokens. */
    public int[] encodeText(String text) {
        return encoding.encodeOrdinary(text).toArray();
    }

    /**
     * How many tokens {@link #encodeText(String)} would give, without building the ids; for counting
     * many texts, sum this over the {@link QwenPreTokenizer} pieces of each and cache it per piece.
     */
    public int countText(String text) {
        return encoding.countTokensOrdinary(text);
    }

    /** The id of a control token such as {@code <|endoftext|>}; a clear error for an unknown name. */
    public int specialId(String name) {
        return specials.id(name);
    }

    /** The control token of that id, if it is one. */
    public Optional<String> specialName(int id) {
        return specials.name(id);
    }

    /** How many ids the tokenizer knows: ordinary ranks plus control tokens (Qwen-7B: 151,851). */
    public int vocabularySize() {
        return ranks.size() + specials.count();
    }

    /** How many ordinary (BPE) tokens; also the id of {@code <|endoftext|>}. */
    public int ordinaryTokenCount() {
        return ranks.size();
    }

    /**
     * Text for token ids: the bytes of ordinary tokens and the literal form of control tokens, read
     * as UTF-8; bytes that do not form a character (a cut generation) become U+FFFD.
     */
    public String decode(int[] ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(ids.length * 4);
        for (int id : ids) {
            bytes.writeBytes(tokenBytes(id));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A decoder for a stream of generated ids that tells which chars each token completed. */
    public TokenTextDecoder newTextDecoder() {
        return new TokenTextDecoder(this);
    }

    /** The bytes a token stands for (for a control token, its literal form in UTF-8), a copy. */
    public byte[] bytesOf(int id) {
        return tokenBytes(id).clone();
    }

    /** The bytes a token stands for (for a control token, its literal form in UTF-8). */
    byte[] tokenBytes(int id) {
        if (id >= 0 && id < ranks.size()) {
            return ranks.bytes(id);
        }
        return specials.name(id).map(name -> name.getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() -> new IllegalArgumentException("token id " + id + " is outside " + source
                        + " (0.." + (vocabularySize() - 1) + ")"));
    }

    /** The vocabulary file it was loaded from. */
    public String source() {
        return source;
    }
}
