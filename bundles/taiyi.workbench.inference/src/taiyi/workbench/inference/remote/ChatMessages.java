package taiyi.workbench.inference.remote;

import java.util.ArrayList;
import java.util.List;

import taiyi.workbench.inference.Prompt;
import taiyi.workbench.inference.PromptPiece;
import taiyi.workbench.inference.prompt.ChatMlTemplate;

/**
 * The messages of a prompt the ChatML template rendered, for a chat endpoint (which lays out the
 * turns in its own template): each {@code <|im_start|>role\ntext<|im_end|>} becomes
 * {@code {role, content}}; the open assistant turn at the end is the server's to write.
 */
final class ChatMessages {

    record Message(String role, String content) {
    }

    private ChatMessages() {
    }

    /** @throws IllegalArgumentException when the prompt is not in ChatML */
    static List<Message> of(Prompt prompt) {
        if (!ChatMlTemplate.ID.equals(prompt.templateId())) {
            throw new IllegalArgumentException("a chat endpoint takes prompts in the chatml template, not " + prompt.templateId()
                    + " (serve a base-style model such as Taiyi through completions)");
        }
        List<Message> messages = new ArrayList<>();
        List<PromptPiece> pieces = prompt.pieces();
        for (int i = 0; i < pieces.size(); i++) {
            if (pieces.get(i) instanceof PromptPiece.Special s && s.token().equals(ChatMlTemplate.IM_START)
                    && i + 2 < pieces.size() && pieces.get(i + 1) instanceof PromptPiece.Text t
                    && pieces.get(i + 2) instanceof PromptPiece.Special end && end.token().equals(ChatMlTemplate.IM_END)) {
                int newline = t.text().indexOf('\n');
                if (newline < 0) {
                    throw new IllegalArgumentException("chatml turn without a role line: " + t.text());
                }
                messages.add(new Message(t.text().substring(0, newline), t.text().substring(newline + 1)));
                i += 2;
            }
        }
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("the prompt holds no chatml turn");
        }
        return messages;
    }
}
