package taiyi.workbench.learning.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import ai.djl.ndarray.NDArray;
import taiyi.workbench.core.runtime.PrivateFolder;
import taiyi.workbench.core.runtime.PrivateOutput;
import taiyi.workbench.inference.djl.train.AdamW;
import taiyi.workbench.inference.djl.train.LoraPair;
import taiyi.workbench.inference.djl.train.LoraQwen;
import taiyi.workbench.inference.djl.weights.SafetensorsFile;
import taiyi.workbench.inference.djl.weights.SafetensorsWriter;
import taiyi.workbench.inference.djl.weights.WeightTensor;

/**
 * A run's state between steps, in a hidden folder beside the adapter's: the LoRA pairs and
 * AdamW's moments ({@code state-N.safetensors}) and {@code state.json} (the step done, the run's
 * identity — settings, model and data hashes —, tokens so far, losses, the start time). The data
 * order and dropout masks are functions of the step (see {@code StepPlan}), so the step is the
 * whole of the random state. {@code state.json} is replaced atomically after its tensors are
 * written, so a kill at any moment leaves the previous checkpoint or the new one, never half.
 */
final class TrainingCheckpoint {

    static final String STATE = "state.json";

    /** What a checkpoint restores. */
    record Saved(int step, long tokens, List<Double> losses, String startedAt, Map<String, float[]> tensors) {
    }

    private final Path folder;
    private final Map<String, Object> identity;

    TrainingCheckpoint(Path adapterFolder, Map<String, Object> identity) {
        Path target = adapterFolder.toAbsolutePath().normalize();
        this.folder = target.resolveSibling("." + target.getFileName() + ".checkpoint");
        this.identity = identity;
    }

    Path folder() {
        return folder;
    }

    /**
     * The last checkpoint of the same run, if any.
     *
     * @throws TrainingDataException when a checkpoint of a different run (other settings, model or data) is there
     */
    Optional<Saved> load() throws IOException {
        Path state = folder.resolve(STATE);
        if (!Files.isRegularFile(state)) {
            return Optional.empty();
        }
        JsonNode json = new ObjectMapper().readTree(state.toFile());
        // compared as text: a long read back from JSON is an int node, and nodes of different kinds are never equal
        String expected = new ObjectMapper().writeValueAsString(identity);
        if (!expected.equals(String.valueOf(json.get("identity")))) {
            throw new TrainingDataException(folder + ": holds a checkpoint of a different run (other settings, model or data); "
                    + "delete it to start afresh, or choose another output folder");
        }
        Map<String, float[]> tensors = new LinkedHashMap<>();
        try (SafetensorsFile file = SafetensorsFile.open(folder.resolve(json.get("tensors").asText()))) {
            for (String name : file.names()) {
                WeightTensor t = file.get(name);
                float[] v = new float[Math.toIntExact(t.elementCount())];
                t.data().duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
                tensors.put(name, v);
            }
        }
        List<Double> losses = new ArrayList<>();
        json.get("losses").forEach(l -> losses.add(l.asDouble()));
        return Optional.of(new Saved(json.get("step").asInt(), json.get("tokens").asLong(), losses, json.get("started_at").asText(),
                tensors));
    }

    void save(int step, long tokens, List<Double> losses, String startedAt, LoraQwen model, AdamW adam) throws IOException {
        // weights trained on clinical text: a folder no one else may enter, whatever the files' modes
        PrivateFolder.ensure(folder);
        String tensors = "state-" + step + ".safetensors";
        SafetensorsWriter writer = new SafetensorsWriter();
        List<NDArray> first = adam.firstMoments();
        List<NDArray> second = adam.secondMoments();
        int i = 0;
        for (LoraPair p : model.pairs()) {
            for (String key : List.of(p.aKey(), p.bKey())) {
                NDArray value = key.equals(p.aKey()) ? p.a() : p.b();
                long[] shape = value.getShape().getShape();
                writer.addFloats(key, shape, value.toFloatArray());
                writer.addFloats(key + ".exp_avg", shape, first.get(i).toFloatArray());
                writer.addFloats(key + ".exp_avg_sq", shape, second.get(i).toFloatArray());
                i++;
            }
        }
        writer.write(folder.resolve(tensors));
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("step", step);
        state.put("optimizer_steps", adam.steps());
        state.put("tokens", tokens);
        state.put("losses", losses);
        state.put("started_at", startedAt);
        state.put("tensors", tensors);
        state.put("identity", identity);
        byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(state);
        PrivateOutput.writeFile(folder.resolve(STATE), out -> out.write(json));
        try (Stream<Path> old = Files.list(folder)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith("state-") && !name.equals(tensors)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Restores pairs and moments from a saved checkpoint. */
    static void restore(Saved saved, LoraQwen model, AdamW adam) {
        model.restore(saved.tensors());
        List<float[]> first = new ArrayList<>();
        List<float[]> second = new ArrayList<>();
        for (LoraPair p : model.pairs()) {
            for (String key : List.of(p.aKey(), p.bKey())) {
                first.add(saved.tensors().get(key + ".exp_avg"));
                second.add(saved.tensors().get(key + ".exp_avg_sq"));
            }
        }
        adam.restore(saved.step(), first, second);
    }

    void delete() throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(folder);
    }
}
