package taiyi.workbench.learning.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Earlier instruction data to replay: a conversation JSON Lines file (an earlier round's
 * {@code train.jsonl}, or Taiyi's own data where the user has it), read whole and checked line by
 * line. A line that is not a conversation refuses the file with {@code file:line: reason}; blank
 * lines are skipped.
 *
 * @param file the file
 * @param sha256 its SHA-256, hex
 * @param conversations its conversations in file order, each numbered by its line
 */
record ReplayFile(Path file, String sha256, List<Conversation> conversations) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ReplayFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new RoundExportException(file + ": no such replay file");
        }
        List<Conversation> out = new ArrayList<>();
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream raw = Files.newInputStream(file);
                DigestInputStream digest = new DigestInputStream(raw, sha);
                BufferedReader in = new BufferedReader(new InputStreamReader(digest, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16)) {
            String line;
            int number = 0;
            while ((line = readLine(in, file, number + 1)) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                out.add(parse(file, number, line));
            }
        } catch (IOException e) {
            throw new RoundExportException(file + ": cannot read the replay file: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new RoundExportException(file + ": the replay file holds no conversation");
        }
        return new ReplayFile(file, java.util.HexFormat.of().formatHex(sha.digest()), out);
    }

    private static String readLine(BufferedReader in, Path file, int number) throws IOException {
        try {
            return in.readLine();
        } catch (CharacterCodingException e) {
            throw new RoundExportException(file + ":" + number + ": not UTF-8 text");
        }
    }

    static Conversation parse(Path file, int number, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new RoundExportException(file + ":" + number + ": not JSON: " + e.getOriginalMessage());
        }
        String where = file + ":" + number + ": ";
        if (node == null || !node.isObject()) {
            throw new RoundExportException(where + "expected a JSON object {conversation_id, category, dataset, language, "
                    + "conversation}");
        }
        JsonNode turns = node.get("conversation");
        if (turns == null || !turns.isArray() || turns.isEmpty()) {
            throw new RoundExportException(where + "'conversation' must be a non-empty array of {human, assistant}");
        }
        List<ConversationTurn> list = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            JsonNode t = turns.get(i);
            JsonNode human = t.get("human");
            JsonNode assistant = t.get("assistant");
            if (!t.isObject() || human == null || !human.isTextual() || assistant == null || !assistant.isTextual()) {
                throw new RoundExportException(where + "turn " + (i + 1) + " of 'conversation' needs text 'human' and "
                        + "'assistant'");
            }
            list.add(new ConversationTurn(human.asText(), assistant.asText()));
        }
        return new Conversation(number, text(node, "category", where), text(node, "dataset", where),
                text(node, "language", where), list);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new RoundExportException(where + "'" + field + "' must be a string");
        }
        return v.asText();
    }
}
