package taiyi.workbench.inference.djl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import taiyi.workbench.bench.qwen.RandomQwenCheckpoint;
import taiyi.workbench.core.runtime.WorkbenchDataFolder;
import taiyi.workbench.inference.djl.PyTorchEngineLoader;
import taiyi.workbench.inference.djl.qwen.QwenConfig;
import taiyi.workbench.inference.djl.weights.SafetensorsFolder;
import taiyi.workbench.inference.djl.weights.TensorType;
import taiyi.workbench.inference.djl.weights.WeightSource;
import taiyi.workbench.testing.OneTorchThread;

/**
 * LoRA training in float32 against the hand-written torch reference
 * ({@code releng/python/lora_reference.py fixture}): same seeded tiny model, LoRA init, data,
 * order, accumulation, clipping, warm-up and AdamW; the first 20 step losses within 1e-4 and
 * every LoRA B gradient of step 1 within 1e-5.
 */
class LoraReferenceTest {

    static JsonNode reference;
    static QwenConfig config;
    static Path model;

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() throws IOException {
        PyTorchEngineLoader.load(WorkbenchDataFolder.resolve().engineCache());
        reference = new ObjectMapper().readTree(
                Path.of(System.getProperty("taiyi.djl.fixtures"), "train", "train-reference.json").toFile());
        Path configFile = dir.resolve("config.json");
        Files.writeString(configFile, reference.get("config").toString());
        config = QwenConfig.read(configFile);
        model = dir.resolve("model");
        RandomQwenCheckpoint.writeModel(model, config, reference.get("model_seed").asLong(), TensorType.F32, 1);
    }

    static LoraSettings settings() {
        JsonNode s = reference.get("settings");
        List<String> targets = new ArrayList<>();
        s.get("targets").forEach(t -> targets.add(t.asText()));
        return new LoraSettings(s.get("rank").asInt(), s.get("alpha").asDouble(), s.get("dropout").asDouble(), targets);
    }

    static List<TrainingExample> examples() {
        List<TrainingExample> out = new ArrayList<>();
        for (JsonNode e : reference.get("examples")) {
            int[] ids = new int[e.get("ids").size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = e.get("ids").get(i).asInt();
            }
            out.add(TrainingExample.withPrompt(ids, e.get("prompt").asInt()));
        }
        return out;
    }

    static LoraQwen load(boolean nf4) throws IOException {
        try (WeightSource source = SafetensorsFolder.open(model)) {
            return LoraQwen.load(source, config, settings(), nf4, null, reference.get("lora_seed").asLong(), Device.cpu());
        }
    }

    @Test
    void theSeededOrderIsTheReferences() {
        JsonNode s = reference.get("settings");
        JsonNode orders = reference.get("orders");
        for (int e = 0; e < orders.size(); e++) {
            int[] order = SplitMix64.permutation(examples().size(), s.get("seed").asLong() + e);
            for (int i = 0; i < order.length; i++) {
                assertEquals(orders.get(e).get(i).asInt(), order[i], "epoch " + e + " position " + i);
            }
        }
    }

    @Test
    void lossesAndFirstGradientsMatchTheReference() throws IOException {
        // one thread: a threaded reduction may add in another order from run to run, and twenty steps of
        // training amplify a last-bit difference past 1e-4 (seen once in CI at step 17); one order is one result
        OneTorchThread.run(this::trainTwentyStepsAsTheReferenceDid);
    }

    private void trainTwentyStepsAsTheReferenceDid() throws IOException {
        JsonNode s = reference.get("settings");
        List<TrainingExample> data = examples();
        StepPlan plan = new StepPlan(data.size(), s.get("batch").asInt(), s.get("grad_accum").asInt(), s.get("epochs").asInt(),
                s.get("max_steps").asInt(), s.get("warmup_ratio").asDouble(), s.get("seed").asLong());
        JsonNode expected = reference.get("losses");
        assertEquals(expected.size(), plan.totalSteps());
        try (LoraQwen qwen = load(false)) {
            AdamW adam = new AdamW(qwen, s.get("weight_decay").asDouble());
            for (int step = 0; step < plan.totalSteps(); step++) {
                List<int[]> micro = plan.microBatches(step);
                double loss = 0;
                for (int m = 0; m < micro.size(); m++) {
                    List<TrainingExample> rows = new ArrayList<>();
                    for (int i : micro.get(m)) {
                        rows.add(data.get(i));
                    }
                    loss += qwen.accumulate(TrainingBatch.of(rows), 1.0 / micro.size(), plan.dropoutSeed(step, m)) / micro.size();
                }
                if (step == 0) {
                    JsonNode gradients = reference.get("first_lora_b_gradients");
                    for (LoraPair p : qwen.pairs()) {
                        NDArray g = p.b().getGradient();
                        float[] actual = g.toFloatArray();
                        g.close();
                        JsonNode want = gradients.get(p.bKey());
                        assertEquals(want.size(), actual.length, p.bKey());
                        for (int i = 0; i < actual.length; i++) {
                            assertEquals(want.get(i).asDouble(), actual[i], 1e-5, p.bKey() + "[" + i + "]");
                        }
                    }
                }
                double norm = adam.step(plan.learningRate(step, s.get("lr").asDouble()), s.get("max_grad_norm").asDouble());
                qwen.zeroGradients();
                assertEquals(expected.get(step).asDouble(), loss, 1e-4, "loss of step " + (step + 1));
                assertEquals(reference.get("gradient_norms").get(step).asDouble(), norm, 1e-4 * Math.max(1, norm),
                        "gradient norm of step " + (step + 1));
            }
            assertTrue(expected.get(19).asDouble() < expected.get(0).asDouble() - 1, "the reference itself learns");
        }
    }
}
