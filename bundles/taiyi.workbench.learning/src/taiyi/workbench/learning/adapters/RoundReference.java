package taiyi.workbench.learning.adapters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import taiyi.workbench.learning.export.RoundExport;

/**
 * An exported round as an adapter refers to it: its number, the corpora it was exported from and the
 * SHA-256 of its {@code manifest.json}, which identifies the training data.
 */
public record RoundReference(Path folder, int round, List<String> corpora, String manifestSha256) {

    public RoundReference {
        corpora = List.copyOf(corpora);
    }

    /**
     * Reads a round folder's manifest.
     *
     * @throws IOException naming the manifest and the field when it is missing or malformed
     */
    public static RoundReference read(Path roundFolder) throws IOException {
        Path manifest = roundFolder.resolve(RoundExport.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new IOException(roundFolder + ": no " + RoundExport.MANIFEST + " (give the folder 'taiyi round export' wrote)");
        }
        JsonNode json = JsonObjectFile.read(manifest);
        JsonNode round = json.path("round");
        if (!round.isIntegralNumber() || round.asInt() < 0) {
            throw new IOException(manifest + ": field round must be a non-negative integer, is " + round);
        }
        JsonNode corpora = json.path("request").path("corpora");
        if (!corpora.isArray() || corpora.isEmpty()) {
            throw new IOException(manifest + ": field request.corpora must be a non-empty list, is " + corpora);
        }
        List<String> names = new ArrayList<>();
        corpora.forEach(c -> names.add(c.asText()));
        return new RoundReference(roundFolder.toAbsolutePath().normalize(), round.asInt(), names, FileSha256.of(manifest));
    }
}
