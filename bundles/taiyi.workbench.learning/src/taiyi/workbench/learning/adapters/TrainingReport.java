package taiyi.workbench.learning.adapters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the in-process trainer ({@code taiyi train}) writes beside an adapter, {@value #FILE}: the
 * hashes of the base model and of the round's manifest, the round, the hyperparameters (named as the
 * round recipe names them), the final loss, steps and tokens, and when it started and finished.
 *
 * @param round the round, or empty when the trainer did not know it
 * @param dataManifestSha256 the round manifest's SHA-256, or empty when the data was not a round
 */
public record TrainingReport(String baseModelSha256, Optional<String> dataManifestSha256, OptionalInt round,
        ObjectNode hyperparameters, double finalLoss, long steps, long tokens, Instant startedAt, Instant finishedAt) {

    public static final String FILE = "taiyi-training.json";

    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * Reads the report of an adapter folder.
     *
     * @throws IOException naming the file and the field when it is missing or malformed
     */
    public static TrainingReport read(Path adapterFolder) throws IOException {
        Path file = adapterFolder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(adapterFolder + ": no " + FILE + " (an adapter trained elsewhere is registered with "
                    + "'taiyi adapter import --round N')");
        }
        JsonNode json = JsonObjectFile.read(file);
        String base = sha256(file, json, "baseModelSha256", false);
        String manifest = sha256(file, json, "dataManifestSha256", true);
        JsonNode round = json.get("round");
        OptionalInt r;
        if (round == null || round.isNull()) {
            r = OptionalInt.empty();
        } else if (round.canConvertToInt() && round.isIntegralNumber() && round.asInt() >= 0) {
            r = OptionalInt.of(round.asInt());
        } else {
            throw new IOException(file + ": field round must be a non-negative integer or null, is " + round);
        }
        JsonNode hyper = json.get("hyperparameters");
        if (hyper == null || !hyper.isObject()) {
            throw new IOException(file + ": field hyperparameters must be an object, is " + hyper);
        }
        JsonNode loss = json.get("finalLoss");
        if (loss == null || !loss.isNumber() || !Double.isFinite(loss.asDouble())) {
            throw new IOException(file + ": field finalLoss must be a finite number, is " + loss);
        }
        return new TrainingReport(base, Optional.ofNullable(manifest), r, (ObjectNode) hyper, loss.asDouble(),
                count(file, json, "steps"), count(file, json, "tokens"), instant(file, json, "startedAt"),
                instant(file, json, "finishedAt"));
    }

    private static String sha256(Path file, JsonNode json, String field, boolean nullable) throws IOException {
        JsonNode n = json.get(field);
        if (nullable && (n == null || n.isNull())) {
            return null;
        }
        if (n == null || !n.isTextual() || !SHA256.matcher(n.asText()).matches()) {
            throw new IOException(file + ": field " + field + " must be a SHA-256 in lowercase hex" + (nullable ? " or null" : "")
                    + ", is " + n);
        }
        return n.asText();
    }

    private static long count(Path file, JsonNode json, String field) throws IOException {
        JsonNode n = json.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0) {
            throw new IOException(file + ": field " + field + " must be a non-negative integer, is " + n);
        }
        return n.asLong();
    }

    private static Instant instant(Path file, JsonNode json, String field) throws IOException {
        JsonNode n = json.get(field);
        if (n == null || !n.isTextual()) {
            throw new IOException(file + ": field " + field + " must be an ISO-8601 time, is " + n);
        }
        try {
            return java.time.OffsetDateTime.parse(n.asText()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(n.asText());
            } catch (DateTimeParseException again) {
                throw new IOException(file + ": field " + field + " must be an ISO-8601 time, is " + n, again);
            }
        }
    }
}
