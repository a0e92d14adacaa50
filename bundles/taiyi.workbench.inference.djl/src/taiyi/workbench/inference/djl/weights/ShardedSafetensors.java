package taiyi.workbench.inference.djl.weights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A checkpoint split over several safetensors files, as Hugging Face saves large models: the
 * index {@code model.safetensors.index.json} maps each tensor name ({@code weight_map}) to the
 * shard file holding it. Every shard is opened and validated up front, and every mapped tensor is
 * checked to be in its shard, so a missing shard or a stale index fails at open, not mid-load.
 */
public final class ShardedSafetensors implements WeightSource {

    public static final String INDEX_FILE = "model.safetensors.index.json";

    private final Path index;
    private final Map<String, SafetensorsFile> byTensor;
    private final Map<String, SafetensorsFile> shards;

    private ShardedSafetensors(Path index, Map<String, SafetensorsFile> byTensor, Map<String, SafetensorsFile> shards) {
        this.index = index;
        this.byTensor = byTensor;
        this.shards = shards;
    }

    /** Opens the index and all the shards it names (paths relative to the index's folder). */
    public static ShardedSafetensors open(Path index) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(index.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(index + ": not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode map = root == null ? null : root.get("weight_map");
        if (map == null || !map.isObject() || map.isEmpty()) {
            throw new IOException(index + ": no weight_map object naming tensors and their shard files");
        }
        Path folder = index.toAbsolutePath().getParent();
        Map<String, SafetensorsFile> shards = new LinkedHashMap<>();
        Map<String, SafetensorsFile> byTensor = new LinkedHashMap<>();
        try {
            for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String tensor = e.getKey();
                if (!e.getValue().isTextual()) {
                    throw new IOException(index + ": weight_map entry " + tensor + " is not a file name");
                }
                String shardName = e.getValue().asText();
                Path shardPath = folder.resolve(shardName).normalize();
                if (!shardPath.startsWith(folder)) {
                    throw new IOException(index + ": weight_map entry " + tensor + " points outside the folder: " + shardName);
                }
                SafetensorsFile shard = shards.get(shardName);
                if (shard == null) {
                    if (!Files.isRegularFile(shardPath)) {
                        throw new IOException(index + ": shard " + shardName + " (for tensor " + tensor + ") does not exist");
                    }
                    shard = SafetensorsFile.open(shardPath);
                    shards.put(shardName, shard);
                }
                if (!shard.names().contains(tensor)) {
                    throw new IOException(index + ": tensor " + tensor + " is mapped to " + shardName + ", which does not hold it");
                }
                byTensor.put(tensor, shard);
            }
        } catch (IOException | RuntimeException e) {
            for (SafetensorsFile s : shards.values()) {
                s.close();
            }
            throw e;
        }
        return new ShardedSafetensors(index, byTensor, shards);
    }

    /** The shard files, by their name in the index. */
    public Set<String> shardNames() {
        return Collections.unmodifiableSet(shards.keySet());
    }

    @Override
    public Set<String> names() {
        return Collections.unmodifiableSet(byTensor.keySet());
    }

    @Override
    public Optional<WeightTensor> find(String name) {
        SafetensorsFile shard = byTensor.get(name);
        return shard == null ? Optional.empty() : shard.find(name);
    }

    @Override
    public String describe() {
        return index.toString();
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (SafetensorsFile s : shards.values()) {
            try {
                s.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
