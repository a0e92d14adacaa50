package taiyi.workbench.learning.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes conversations as JSON Lines in Taiyi's field order ({@code conversation_id, category,
 * dataset, language, conversation}), UTF-8 with characters as they are (no {@code \\u} escapes,
 * like Taiyi's own file), one object and {@code \n} per conversation.
 */
public final class ConversationLines {

    private static final JsonFactory JSON = new JsonFactory();

    private ConversationLines() {
    }

    public static void write(List<Conversation> conversations, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setRootValueSeparator(null);
            for (Conversation c : conversations) {
                write(g, c);
                g.writeRaw('\n');
            }
        }
    }

    static void write(JsonGenerator g, Conversation c) throws IOException {
        g.writeStartObject();
        g.writeNumberField("conversation_id", c.id());
        g.writeStringField("category", c.category());
        g.writeStringField("dataset", c.dataset());
        g.writeStringField("language", c.language());
        g.writeArrayFieldStart("conversation");
        for (ConversationTurn t : c.turns()) {
            g.writeStartObject();
            g.writeStringField("human", t.human());
            g.writeStringField("assistant", t.assistant());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
