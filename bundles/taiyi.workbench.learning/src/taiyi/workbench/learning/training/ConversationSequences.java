package taiyi.workbench.learning.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import taiyi.workbench.inference.PromptTemplate;
import taiyi.workbench.inference.djl.tokenizer.QwenTokenizer;
import taiyi.workbench.inference.djl.train.TrainingExample;

/**
 * Turns a conversation JSON Lines file (Taiyi's instruction data, as a round exports it) into
 * training sequences in the very layout the pre-annotator prompts with: for each turn, the prompt
 * {@link PromptTemplate#render} makes of the conversation so far (context, no loss), then the
 * assistant's answer and the template's stop token (the loss). With Taiyi 1's template that is
 * {@code <eod>human<eod>answer<eod>human<eod>answer<eod>}, the tokens Firefly trained Taiyi on.
 *
 * <p>Refused, naming file and line: a line that is not JSON, a record without a
 * {@code conversation} list of {@code {human, assistant}} strings, a sequence longer than the max
 * length, and a file with no conversation at all. Nothing is trained until the whole file has
 * been read.
 */
public final class ConversationSequences {

    private ConversationSequences() {
    }

    public static List<TrainingExample> read(Path file, QwenTokenizer tokenizer, PromptTemplate template, int maxLength)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new TrainingDataException(file + ": no such file (a round folder holds train.jsonl)");
        }
        ObjectMapper json = new ObjectMapper();
        List<TrainingExample> out = new ArrayList<>();
        int lineNumber = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String where = file + ":" + lineNumber + ": ";
                JsonNode record;
                try {
                    record = json.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new TrainingDataException(where + "not JSON: " + e.getOriginalMessage());
                }
                List<String> turns = turns(record, where);
                out.add(sequence(turns, tokenizer, template, maxLength, where));
            }
        } catch (CharacterCodingException e) {
            throw new TrainingDataException(file + ":" + (lineNumber + 1) + ": not UTF-8 text");
        }
        if (out.isEmpty()) {
            throw new TrainingDataException(file + ": holds no conversation; nothing to train on");
        }
        return out;
    }

    private static List<String> turns(JsonNode record, String where) throws TrainingDataException {
        if (record == null || !record.isObject()) {
            throw new TrainingDataException(where + "not a JSON object (expected {\"conversation\": [{\"human\", \"assistant\"}]})");
        }
        JsonNode conversation = record.get("conversation");
        if (conversation == null || !conversation.isArray() || conversation.isEmpty()) {
            throw new TrainingDataException(where + "field conversation must be a non-empty list of {human, assistant} turns");
        }
        List<String> turns = new ArrayList<>();
        for (int i = 0; i < conversation.size(); i++) {
            JsonNode turn = conversation.get(i);
            JsonNode human = turn.get("human");
            JsonNode assistant = turn.get("assistant");
            if (human == null || !human.isTextual() || assistant == null || !assistant.isTextual()) {
                throw new TrainingDataException(where + "turn " + (i + 1) + " needs string fields human and assistant");
            }
            turns.add(human.asText());
            turns.add(assistant.asText());
        }
        return turns;
    }

    /** The sequence of one conversation (alternating human and assistant texts). */
    static TrainingExample sequence(List<String> turns, QwenTokenizer tokenizer, PromptTemplate template, int maxLength,
            String where) throws TrainingDataException {
        List<Integer> ids = new ArrayList<>();
        List<Boolean> trained = new ArrayList<>();
        for (int t = 0; t < turns.size(); t += 2) {
            var prompt = template.render(turns.subList(0, t + 1));
            int[] promptIds = tokenizer.encode(prompt.pieces());
            // the rendered prompt of turn t repeats turns before it; append only what is new
            for (int i = 0; i < ids.size(); i++) {
                if (i >= promptIds.length || promptIds[i] != ids.get(i)) {
                    throw new IllegalStateException("template " + template.id() + " does not render a conversation as a "
                            + "prefix of its continuation; it cannot be trained on turn by turn");
                }
            }
            for (int i = ids.size(); i < promptIds.length; i++) {
                ids.add(promptIds[i]);
                trained.add(false);
            }
            for (int id : tokenizer.encodeText(turns.get(t + 1))) {
                ids.add(id);
                trained.add(true);
            }
            // the answer ends where the pre-annotator stops reading: the template's first stop token
            if (!prompt.stopTokens().isEmpty()) {
                ids.add(tokenizer.specialId(prompt.stopTokens().get(0)));
                trained.add(true);
            }
        }
        if (ids.size() > maxLength) {
            throw new TrainingDataException(where + "the conversation is " + ids.size() + " tokens, longer than the max length "
                    + maxLength + " (raise --max-length or export the round with a lower max_tokens)");
        }
        int[] a = new int[ids.size()];
        boolean[] f = new boolean[ids.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = ids.get(i);
            f[i] = trained.get(i);
        }
        return new TrainingExample(a, f);
    }
}
