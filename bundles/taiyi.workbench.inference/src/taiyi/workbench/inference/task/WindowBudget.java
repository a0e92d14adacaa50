package taiyi.workbench.inference.task;

import taiyi.workbench.core.model.Language;

/**
 * How many chars of document text one prompt may carry. Taiyi was trained on sequences of 1024
 * tokens and truncates its history to 1000; with Qwen's vocabulary a Chinese char costs about one
 * token and an English word about 1.3, so 1,500 Chinese chars or 3,000 English chars leave room
 * for the instruction and the answer while keeping most abstracts in one piece.
 *
 * @param chars the most chars a window holds (a single sentence longer than this is cut)
 */
public record WindowBudget(int chars) {

    public static final int CHINESE = 1_500;
    public static final int ENGLISH = 3_000;

    public WindowBudget {
        if (chars < 1) {
            throw new IllegalArgumentException("a window budget of " + chars + " chars");
        }
    }

    public static WindowBudget forLanguage(Language language) {
        return new WindowBudget(language == Language.CHINESE ? CHINESE : ENGLISH);
    }
}
