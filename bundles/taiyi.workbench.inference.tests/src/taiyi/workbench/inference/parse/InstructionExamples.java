package taiyi.workbench.inference.parse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import taiyi.workbench.testing.TestCorpora;

/** The turns of Taiyi's real instruction example file, by task category. */
final class InstructionExamples {

    record Turn(long conversationId, String language, String human, String assistant) {
    }

    private InstructionExamples() {
    }

    static List<Turn> of(String category) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Turn> out = new ArrayList<>();
        for (String line : Files.readAllLines(TestCorpora.taiyiInstructions(), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode o = json.readTree(line);
            if (!o.get("category").asText().equals(category)) {
                continue;
            }
            for (JsonNode turn : o.get("conversation")) {
                out.add(new Turn(o.get("conversation_id").asLong(), o.get("language").asText(), turn.get("human").asText(),
                        turn.get("assistant").asText()));
            }
        }
        return out;
    }
}
