package taiyi.workbench.inference.djl.weights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A checkpoint split into {@code pytorch_model-0000X-of-0000N.bin} shards, as transformers saves
 * large models, read through its {@code pytorch_model.bin.index.json} ({@code weight_map}: tensor
 * name to shard file). Every shard is opened and checked against the index up front, so a missing
 * shard or a tensor in the wrong shard is reported before any weight is used.
 */
public final class PyTorchShards implements WeightSource {

    /** The index file's name in a model folder. */
    public static final String INDEX_FILE = "pytorch_model.bin.index.json";

    private final Path index;
    private final Map<String, PyTorchCheckpoint> shardOfTensor;
    private final List<PyTorchCheckpoint> shards;

    private PyTorchShards(Path index, Map<String, PyTorchCheckpoint> shardOfTensor, List<PyTorchCheckpoint> shards) {
        this.index = index;
        this.shardOfTensor = shardOfTensor;
        this.shards = shards;
    }

    /** Opens the shards of an index file, or of the index in a model folder. */
    public static PyTorchShards open(Path indexOrModelFolder) throws IOException {
        Path index = Files.isDirectory(indexOrModelFolder) ? indexOrModelFolder.resolve(INDEX_FILE) : indexOrModelFolder;
        if (!Files.isRegularFile(index)) {
            throw new IOException(index + ": no such shard index");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(index.toFile());
        } catch (IOException e) {
            throw new PyTorchFormatException(index + ": not valid JSON: " + e.getMessage());
        }
        JsonNode map = root == null ? null : root.get("weight_map");
        if (map == null || !map.isObject() || map.isEmpty()) {
            throw new PyTorchFormatException(index + ": no weight_map object (tensor name -> shard file)");
        }
        Map<String, PyTorchCheckpoint> byFile = new LinkedHashMap<>();
        Map<String, PyTorchCheckpoint> shardOfTensor = new LinkedHashMap<>();
        try {
            Iterator<Map.Entry<String, JsonNode>> fields = map.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (!f.getValue().isTextual()) {
                    throw new PyTorchFormatException(index + ": weight_map." + f.getKey() + " is not a file name");
                }
                String shardName = f.getValue().asText();
                // transformers writes bare file names; anything else could point outside the model
                if (shardName.isEmpty() || shardName.contains("/") || shardName.contains("\\")
                        || shardName.equals("..")) {
                    throw new PyTorchFormatException(index + ": weight_map." + f.getKey() + " names '" + shardName
                            + "', not a file beside the index");
                }
                Path shardFile = index.resolveSibling(shardName);
                PyTorchCheckpoint shard = byFile.get(shardName);
                if (shard == null) {
                    if (!Files.isRegularFile(shardFile)) {
                        throw new PyTorchFormatException(index + ": shard " + shardName + " (for " + f.getKey()
                                + ") is missing");
                    }
                    shard = PyTorchCheckpoint.open(shardFile);
                    byFile.put(shardName, shard);
                }
                if (!shard.names().contains(f.getKey())) {
                    throw new PyTorchFormatException(index + ": weight_map puts " + f.getKey() + " in " + shardName
                            + ", which does not hold it");
                }
                shardOfTensor.put(f.getKey(), shard);
            }
        } catch (IOException | RuntimeException e) {
            for (PyTorchCheckpoint open : byFile.values()) {
                open.close();
            }
            throw e;
        }
        return new PyTorchShards(index, Collections.unmodifiableMap(shardOfTensor), new ArrayList<>(byFile.values()));
    }

    @Override
    public Set<String> names() {
        return shardOfTensor.keySet();
    }

    @Override
    public Optional<WeightTensor> find(String name) {
        PyTorchCheckpoint shard = shardOfTensor.get(name);
        return shard == null ? Optional.empty() : shard.find(name);
    }

    @Override
    public String describe() {
        return index.toString();
    }

    /** How many shard files the index names. */
    public int shardCount() {
        return shards.size();
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (PyTorchCheckpoint shard : shards) {
            try {
                shard.close();
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
