package taiyi.workbench.inference.prompt;

import java.util.ArrayList;
import java.util.List;

import taiyi.workbench.inference.Prompt;
import taiyi.workbench.inference.PromptPiece;
import taiyi.workbench.inference.PromptTemplate;

/**
 * Taiyi 1 (the paper's Qwen-7B fine-tune): no roles and no system prompt, turns joined by the
 * end-of-document token, {@code <eod>in1<eod>ans1<eod>in2<eod>}, and the model answers until it
 * writes {@code <eod>} again. This is how its training conversations were laid out, so any other
 * layout would ask the model a question in a form it never saw.
 */
public final class Taiyi1Template implements PromptTemplate {

    public static final String ID = "taiyi1";

    /** Qwen's end-of-document token, which Taiyi 1 uses as its turn separator. */
    public static final String EOD = "<|endoftext|>";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Prompt render(List<String> turns) {
        List<String> checked = ConversationTurns.check(ID, turns);
        List<PromptPiece> pieces = new ArrayList<>();
        pieces.add(PromptPiece.special(EOD));
        for (String turn : checked) {
            pieces.add(PromptPiece.text(turn));
            pieces.add(PromptPiece.special(EOD));
        }
        return new Prompt(ID, pieces, List.of(EOD));
    }
}
