package taiyi.workbench.learning.adapters;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A JSON file that must hold one object (a report, a manifest, a trainer's state), read with errors naming the file and line. */
final class JsonObjectFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonObjectFile() {
    }

    static JsonNode read(Path file) throws IOException {
        JsonNode n;
        try {
            n = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + (e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr()) + ": not JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new IOException(file + ": not a JSON object");
        }
        return n;
    }
}
