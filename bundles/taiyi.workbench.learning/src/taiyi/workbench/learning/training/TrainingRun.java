package taiyi.workbench.learning.training;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import ai.djl.Device;
import taiyi.workbench.core.runtime.PrivateOutput;
import taiyi.workbench.core.runtime.WorkbenchDataFolder;
import taiyi.workbench.inference.GeneratorSettings.DeviceChoice;
import taiyi.workbench.inference.djl.PyTorchEngineLoader;
import taiyi.workbench.inference.djl.qwen.QwenModel;
import taiyi.workbench.inference.djl.QwenModelFolder;
import taiyi.workbench.inference.djl.tokenizer.QwenTokenizer;
import taiyi.workbench.inference.djl.train.AdamW;
import taiyi.workbench.inference.djl.train.LoraQwen;
import taiyi.workbench.inference.djl.train.PeftAdapterWriter;
import taiyi.workbench.inference.djl.train.StepPlan;
import taiyi.workbench.inference.djl.train.TrainingBatch;
import taiyi.workbench.inference.djl.train.TrainingExample;
import taiyi.workbench.inference.djl.weights.LoraAdapter;
import taiyi.workbench.inference.djl.weights.WeightSource;
import taiyi.workbench.inference.prompt.PromptTemplates;
import taiyi.workbench.inference.prompt.Taiyi1Template;
import taiyi.workbench.learning.adapters.BaseModelHash;
import taiyi.workbench.learning.adapters.FileSha256;

/**
 * One LoRA/QLoRA training run, in process: a round folder's {@code train.jsonl} on a Qwen v1 model
 * folder, into a peft adapter folder. The settings come from the round's manifest recipe unless
 * overridden. Every {@code checkpointEvery} steps, and when cancelled, the state goes to a hidden
 * checkpoint folder beside the output; a run started again with the same settings, model and
 * data resumes from it. The adapter is written into a hidden temporary folder and renamed into
 * place when complete, so the output folder holds a whole adapter or nothing.
 */
public final class TrainingRun {

    /**
     * What to train.
     *
     * @param start an earlier round's adapter to continue, or null
     * @param overrides snake_case training arguments that take precedence over the round's recipe
     */
    public record Request(Path model, Path round, Path out, Path start, Map<String, ?> overrides, DeviceChoice device) {
    }

    private TrainingRun() {
    }

    /** The resolved settings of a request, without training (for a dialog or a dry run). */
    public static TrainingSettings settings(Request request) throws IOException {
        return TrainingSettings.resolve(recipe(manifest(request.round())), request.overrides());
    }

    public static TrainingResult run(Request request, TrainingProgress progress, BooleanSupplier cancelled) throws IOException {
        Path out = request.out().toAbsolutePath().normalize();
        if (!PrivateOutput.acceptsFolder(out)) {
            throw new TrainingDataException(out + ": already exists and is not an empty folder; an adapter is never overwritten");
        }
        Optional<JsonNode> manifest = manifest(request.round());
        TrainingSettings settings;
        try {
            settings = TrainingSettings.resolve(recipe(manifest), request.overrides());
        } catch (IllegalArgumentException e) {
            throw new TrainingDataException(request.round() + ": " + e.getMessage());
        }
        QwenModelFolder folder = QwenModelFolder.inspect(request.model());
        QwenTokenizer tokenizer = QwenTokenizer.load(folder.vocabulary());
        int maxLength = Math.min(settings.maxLength(), folder.config().seqLength());
        List<TrainingExample> examples = ConversationSequences.read(request.round().resolve("train.jsonl"), tokenizer,
                PromptTemplates.byId(Taiyi1Template.ID), maxLength);
        Path manifestFile = request.round().resolve("manifest.json");
        String manifestHash = Files.isRegularFile(manifestFile) ? FileSha256.of(manifestFile) : null;
        String dataHash = manifestHash != null ? manifestHash : FileSha256.of(request.round().resolve("train.jsonl"));
        String modelHash = BaseModelHash.of(request.model());
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("hyperparameters", settings.asArguments());
        identity.put("base_model_sha256", modelHash);
        identity.put("data_sha256", dataHash);
        identity.put("start_adapter", request.start() == null ? null : request.start().toAbsolutePath().normalize().toString());
        TrainingCheckpoint checkpoint = new TrainingCheckpoint(out, identity);
        Optional<TrainingCheckpoint.Saved> saved = checkpoint.load();

        PyTorchEngineLoader.load(WorkbenchDataFolder.resolve().engineCache());
        Device device = device(request.device() == null ? DeviceChoice.AUTO : request.device());
        StepPlan plan = new StepPlan(examples.size(), settings.batchSize(), settings.gradientAccumulation(), settings.epochs(),
                settings.maxSteps(), settings.warmupRatio(), settings.seed());
        LoraAdapter start = request.start() == null ? null : LoraAdapter.open(request.start());
        try (WeightSource source = folder.openWeights();
                LoraQwen model = LoraQwen.load(source, folder.config(), settings.lora(), settings.qlora(), start, settings.seed(),
                        device)) {
            if (start != null) {
                start.close();
                start = null;
            }
            AdamW adam = new AdamW(model, settings.weightDecay());
            int first = 0;
            long tokens = 0;
            List<Double> losses = new ArrayList<>();
            String startedAt = Instant.now().toString();
            if (saved.isPresent()) {
                TrainingCheckpoint.restore(saved.get(), model, adam);
                first = saved.get().step();
                tokens = saved.get().tokens();
                losses.addAll(saved.get().losses());
                startedAt = saved.get().startedAt();
            }
            progress.started(plan.totalSteps(), first, model.frozenParameters(), model.frozenBytes(), model.trainableParameters(),
                    examples.size());
            long runTokens = 0;
            long began = System.nanoTime();
            for (int step = first; step < plan.totalSteps(); step++) {
                if (cancelled.getAsBoolean()) {
                    checkpoint.save(step, tokens + runTokens, losses, startedAt, model, adam);
                    return new TrainingResult(null, step, plan.totalSteps(), losses.isEmpty() ? Double.NaN : losses.get(losses.size() - 1),
                            tokens + runTokens, true);
                }
                List<int[]> micro = plan.microBatches(step);
                double loss = 0;
                for (int m = 0; m < micro.size(); m++) {
                    List<TrainingExample> rows = new ArrayList<>();
                    for (int i : micro.get(m)) {
                        rows.add(examples.get(i));
                        runTokens += examples.get(i).length();
                    }
                    loss += model.accumulate(TrainingBatch.of(rows), 1.0 / micro.size(), plan.dropoutSeed(step, m)) / micro.size();
                }
                double lr = plan.learningRate(step, settings.learningRate());
                double norm = adam.step(lr, settings.maxGradNorm());
                model.zeroGradients();
                losses.add(loss);
                double seconds = (System.nanoTime() - began) / 1e9;
                double perStep = seconds / (step + 1 - first);
                progress.step(step + 1, plan.totalSteps(), loss, lr, norm, runTokens / seconds,
                        Duration.ofMillis((long) (perStep * (plan.totalSteps() - step - 1) * 1000)));
                if (settings.checkpointEvery() > 0 && (step + 1) % settings.checkpointEvery() == 0 && step + 1 < plan.totalSteps()) {
                    checkpoint.save(step + 1, tokens + runTokens, losses, startedAt, model, adam);
                }
            }
            tokens += runTokens;
            double finalLoss = losses.isEmpty() ? Double.NaN : losses.get(losses.size() - 1);
            writeAdapter(out, model, settings, request, manifest, modelHash, manifestHash, finalLoss, plan.totalSteps(), tokens, startedAt);
            checkpoint.delete();
            return new TrainingResult(out, plan.totalSteps(), plan.totalSteps(), finalLoss, tokens, false);
        } finally {
            if (start != null) {
                start.close();
            }
        }
    }

    private static void writeAdapter(Path out, LoraQwen model, TrainingSettings settings, Request request,
            Optional<JsonNode> manifest, String modelHash, String manifestHash, double finalLoss, int steps, long tokens, String startedAt)
            throws IOException {
        try {
            PrivateOutput.writeFolder(out, temp -> {
                PeftAdapterWriter.write(temp, settings.lora(), model.pairs(), request.model().toAbsolutePath().normalize().toString());
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("baseModelSha256", modelHash);
                record.put("dataManifestSha256", manifestHash);
                JsonNode round = manifest.map(m -> m.get("round")).orElse(null);
                record.put("round", round != null && round.canConvertToInt() ? round.asInt() : null);
                record.put("hyperparameters", settings.asArguments());
                record.put("finalLoss", finalLoss);
                record.put("steps", steps);
                record.put("tokens", tokens);
                record.put("startedAt", startedAt);
                record.put("finishedAt", Instant.now().toString());
                Files.write(temp.resolve(TrainingRecord.FILE),
                        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(record));
            });
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(out + ": cannot move the finished adapter into place (" + e.getMessage() + ")", e);
        }
    }

    private static Device device(DeviceChoice choice) throws IOException {
        Device preferred = QwenModel.preferredDevice();
        return switch (choice) {
            case AUTO -> preferred;
            case CPU -> Device.cpu();
            case GPU -> {
                if (!preferred.isGpu()) {
                    throw new IOException("GPU asked for, but DJL's PyTorch engine sees none; choose the CPU");
                }
                yield preferred;
            }
        };
    }

    private static Optional<JsonNode> manifest(Path round) throws IOException {
        if (!Files.isDirectory(round)) {
            throw new TrainingDataException(round + ": not a folder (give the round folder that round export wrote)");
        }
        Path file = round.resolve("manifest.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ObjectMapper().readTree(file.toFile()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new TrainingDataException(file + ": not JSON: " + e.getOriginalMessage());
        }
    }

    private static Map<String, Object> recipe(Optional<JsonNode> manifest) {
        JsonNode recipe = manifest.map(m -> m.get("recipe")).orElse(null);
        if (recipe == null || !recipe.isObject()) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        recipe.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isNumber()) {
                out.put(e.getKey(), v.numberValue());
            } else if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(x -> items.add(x.asText()));
                out.put(e.getKey(), items);
            } else if (v.isTextual() || v.isBoolean()) {
                out.put(e.getKey(), v.isTextual() ? v.asText() : v.asBoolean());
            }
        });
        return out;
    }
}
