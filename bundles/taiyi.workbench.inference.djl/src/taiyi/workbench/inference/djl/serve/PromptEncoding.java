package taiyi.workbench.inference.djl.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import taiyi.workbench.inference.PromptPiece;
import taiyi.workbench.inference.djl.tokenizer.QwenSpecialTokens;
import taiyi.workbench.inference.djl.tokenizer.QwenTokenizer;
import taiyi.workbench.inference.prompt.ChatMlTemplate;

/**
 * Token ids for what clients send. A raw prompt writes control tokens literally (Taiyi's template
 * joins turns with {@code <|endoftext|>}), as vLLM reads them; here they become control tokens and
 * the rest ordinary text, so a prompt a {@code Prompt} rendered gets the ids it gets in process.
 * Chat messages are laid out in ChatML, as {@link ChatMlTemplate} does.
 */
final class PromptEncoding {

    private static final Pattern CONTROL = Pattern.compile(Pattern.quote(QwenSpecialTokens.END_OF_TEXT) + "|"
            + Pattern.quote(QwenSpecialTokens.IM_START) + "|" + Pattern.quote(QwenSpecialTokens.IM_END));

    private PromptEncoding() {
    }

    static List<PromptPiece> raw(String prompt) {
        List<PromptPiece> pieces = new ArrayList<>();
        Matcher m = CONTROL.matcher(prompt);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                pieces.add(PromptPiece.text(prompt.substring(at, m.start())));
            }
            pieces.add(PromptPiece.special(m.group()));
            at = m.end();
        }
        if (at < prompt.length()) {
            pieces.add(PromptPiece.text(prompt.substring(at)));
        }
        return pieces;
    }

    /** @param messages role and content of each message, in order */
    static List<PromptPiece> chat(List<String[]> messages) {
        List<PromptPiece> pieces = new ArrayList<>();
        for (String[] m : messages) {
            pieces.add(PromptPiece.special(ChatMlTemplate.IM_START));
            pieces.add(PromptPiece.text(m[0] + "\n" + m[1]));
            pieces.add(PromptPiece.special(ChatMlTemplate.IM_END));
            pieces.add(PromptPiece.text("\n"));
        }
        pieces.add(PromptPiece.special(ChatMlTemplate.IM_START));
        pieces.add(PromptPiece.text("assistant\n"));
        return pieces;
    }

    static int[] ids(QwenTokenizer tokenizer, List<PromptPiece> pieces) {
        return tokenizer.encode(pieces);
    }
}
