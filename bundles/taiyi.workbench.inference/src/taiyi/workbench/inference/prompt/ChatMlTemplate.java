package taiyi.workbench.inference.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import taiyi.workbench.inference.Prompt;
import taiyi.workbench.inference.PromptPiece;
import taiyi.workbench.inference.PromptTemplate;

/**
 * ChatML, as Qwen chat models (and fine-tunes of them) expect it:
 * {@code <|im_start|>system\n…<|im_end|>\n<|im_start|>user\n…<|im_end|>\n<|im_start|>assistant\n}.
 * The answer ends at {@code <|im_end|>}; {@code <|endoftext|>} is a stop token too because base
 * checkpoints sometimes close with it.
 */
public final class ChatMlTemplate implements PromptTemplate {

    public static final String ID = "chatml";
    public static final String IM_START = "<|im_start|>";
    public static final String IM_END = "<|im_end|>";

    /** What the model is told it is when no other system prompt is configured. */
    public static final String DEFAULT_SYSTEM_PROMPT = "You are a bilingual (English and Chinese) biomedical assistant. "
            + "You extract entities, relations and labels from biomedical and clinical text exactly as they are written, "
            + "and answer in the format the question asks for.";

    private final String systemPrompt;

    /** ChatML with the default biomedical system prompt. */
    public ChatMlTemplate() {
        this(DEFAULT_SYSTEM_PROMPT);
    }

    /** ChatML with the given system prompt; an empty one leaves the system turn out. */
    public ChatMlTemplate(String systemPrompt) {
        this.systemPrompt = Objects.requireNonNull(systemPrompt, "systemPrompt");
    }

    public String systemPrompt() {
        return systemPrompt;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Prompt render(List<String> turns) {
        List<String> checked = ConversationTurns.check(ID, turns);
        List<PromptPiece> pieces = new ArrayList<>();
        if (!systemPrompt.isEmpty()) {
            turn(pieces, "system", systemPrompt);
        }
        for (int i = 0; i < checked.size(); i++) {
            turn(pieces, i % 2 == 0 ? "user" : "assistant", checked.get(i));
        }
        pieces.add(PromptPiece.special(IM_START));
        pieces.add(PromptPiece.text("assistant\n"));
        return new Prompt(ID, pieces, List.of(IM_END, Taiyi1Template.EOD));
    }

    private static void turn(List<PromptPiece> pieces, String role, String text) {
        pieces.add(PromptPiece.special(IM_START));
        pieces.add(PromptPiece.text(role + "\n" + text));
        pieces.add(PromptPiece.special(IM_END));
        pieces.add(PromptPiece.text("\n"));
    }
}
