package taiyi.workbench.inference.djl.tokenizer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Qwen-7B's control tokens and their ids, numbered the way Qwen's own tokenizer does: right after
 * the ordinary ranks, {@code <|endoftext|>}, {@code <|im_start|>}, {@code <|im_end|>}, then
 * {@code <|extra_0|>} .. {@code <|extra_204|>}. With the real vocabulary (151,643 ranks) that is
 * 151643, 151644, 151645.
 */
public final class QwenSpecialTokens {

    public static final String END_OF_TEXT = "<|endoftext|>";
    public static final String IM_START = "<|im_start|>";
    public static final String IM_END = "<|im_end|>";
    /** How many {@code <|extra_N|>} tokens Qwen reserves. */
    public static final int EXTRAS = 205;

    private final int firstId;
    private final List<String> names;
    private final Map<String, Integer> idsByName;

    QwenSpecialTokens(int firstId) {
        this.firstId = firstId;
        List<String> all = new ArrayList<>(3 + EXTRAS);
        all.add(END_OF_TEXT);
        all.add(IM_START);
        all.add(IM_END);
        for (int i = 0; i < EXTRAS; i++) {
            all.add("<|extra_" + i + "|>");
        }
        this.names = Collections.unmodifiableList(all);
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            ids.put(all.get(i), firstId + i);
        }
        this.idsByName = Collections.unmodifiableMap(ids);
    }

    /** The id of that control token; a clear error for a name Qwen does not have. */
    public int id(String name) {
        Integer id = idsByName.get(name);
        if (id == null) {
            throw new IllegalArgumentException("Qwen has no control token '" + name + "'; it has " + END_OF_TEXT
                    + ", " + IM_START + ", " + IM_END + " and <|extra_0|>..<|extra_" + (EXTRAS - 1) + "|>");
        }
        return id;
    }

    /** The name of the control token with that id, if it is one. */
    public Optional<String> name(int id) {
        int index = id - firstId;
        return index >= 0 && index < names.size() ? Optional.of(names.get(index)) : Optional.empty();
    }

    /** Names to ids, as jtokkit takes them. */
    Map<String, Integer> asMap() {
        return idsByName;
    }

    public int firstId() {
        return firstId;
    }

    public int count() {
        return names.size();
    }
}
