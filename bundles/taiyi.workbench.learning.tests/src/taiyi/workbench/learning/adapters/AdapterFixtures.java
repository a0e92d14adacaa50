package taiyi.workbench.learning.adapters;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import taiyi.workbench.inference.djl.tokenizer.QwenTokenizer;
import taiyi.workbench.inference.task.TaskKind;
import taiyi.workbench.learning.DocumentSelection;
import taiyi.workbench.learning.export.ConversationLength;
import taiyi.workbench.learning.export.RoundExport;
import taiyi.workbench.learning.export.RoundRequest;
import taiyi.workbench.learning.learner.TrainingProgress;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.testing.TestCorpora;

/**
 * What the registry tests stand on: the tiny real-layout Qwen model of the decoder's fixtures, a
 * round exported from NCBI-disease, and peft adapter folders written byte by byte (safetensors
 * header and float32 data, as the format's specification lays them out).
 */
final class AdapterFixtures {

    static final String CORPUS = "ncbi";

    private AdapterFixtures() {
    }

    /** The decoder fixtures' tiny Qwen model (three pytorch_model shards). */
    static Path tinyModel() {
        Path model = Path.of(System.getProperty("taiyi.testdata")).resolveSibling(
                "bundles/taiyi.workbench.inference.djl.tests/fixtures/qwen-tiny-bin");
        if (!Files.isDirectory(model)) {
            throw new IllegalStateException("the tiny Qwen fixture is missing: " + model);
        }
        return model;
    }

    /** A copy of the tiny model with one weight byte changed: another base model. */
    static Path otherModel(Path into) throws IOException {
        Files.createDirectories(into);
        try (Stream<Path> files = Files.list(tinyModel())) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, into.resolve(f.getFileName()));
            }
        }
        Path shard = into.resolve("pytorch_model-00003-of-00003.bin");
        byte[] bytes = Files.readAllBytes(shard);
        bytes[bytes.length / 2] ^= 1;
        Files.write(shard, bytes);
        return into;
    }

    /** The first documents of NCBI-disease's development set, imported as corpus {@value #CORPUS}. */
    static void importNcbi(CorpusStore store, int documents) throws Exception {
        store.documents().importDocuments(CORPUS, TestCorpora.ncbiDevel().subList(0, documents), "NCBIdevelopset_corpus.txt");
    }

    /** Round {@code round} of the corpus, NER only, written to {@code folder}. */
    static Path exportRound(CorpusStore store, int round, Path folder) throws IOException {
        Path vocabulary = Path.of(System.getProperty("taiyi.testdata")).resolveSibling(
                "bundles/taiyi.workbench.inference.djl.tests/fixtures/tokenizer/qwen.tiktoken.gz");
        RoundRequest request = RoundRequest.of(List.of(CORPUS), round).withDocuments(DocumentSelection.ALL)
                .withTasks(EnumSet.of(TaskKind.NER));
        new RoundExport(store, new ConversationLength(QwenTokenizer.load(vocabulary))).write(request, folder, TrainingProgress.NONE);
        return folder;
    }

    /** A peft LoRA adapter of rank r over two Qwen modules, its A and B filled from {@code seed}. */
    static Path peftAdapter(Path folder, int rank, int seed) throws IOException {
        Files.createDirectories(folder);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("peft_type", "LORA");
        config.put("task_type", "CAUSAL_LM");
        config.put("r", rank);
        config.put("lora_alpha", 16);
        config.put("lora_dropout", 0.05);
        config.put("target_modules", List.of("c_attn", "w1"));
        config.put("bias", "none");
        config.put("fan_in_fan_out", false);
        config.put("inference_mode", true);
        config.put("base_model_name_or_path", tinyModel().toString());
        new ObjectMapper().writeValue(folder.resolve("adapter_config.json").toFile(), config);

        int hidden = 8;
        Map<String, long[]> tensors = new LinkedHashMap<>();
        tensors.put("base_model.model.transformer.h.0.attn.c_attn.lora_A.weight", new long[] {rank, hidden});
        tensors.put("base_model.model.transformer.h.0.attn.c_attn.lora_B.weight", new long[] {3 * hidden, rank});
        tensors.put("base_model.model.transformer.h.0.mlp.w1.lora_A.weight", new long[] {rank, hidden});
        tensors.put("base_model.model.transformer.h.0.mlp.w1.lora_B.weight", new long[] {2 * hidden, rank});
        StringBuilder header = new StringBuilder("{");
        long offset = 0;
        for (Map.Entry<String, long[]> t : tensors.entrySet()) {
            long bytes = 4 * t.getValue()[0] * t.getValue()[1];
            header.append(header.length() > 1 ? "," : "").append('"').append(t.getKey()).append("\":{\"dtype\":\"F32\",\"shape\":[")
                    .append(t.getValue()[0]).append(',').append(t.getValue()[1]).append("],\"data_offsets\":[").append(offset).append(',')
                    .append(offset + bytes).append("]}");
            offset += bytes;
        }
        header.append('}');
        byte[] h = header.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate((int) (8 + h.length + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(h.length).put(h);
        java.util.Random random = new java.util.Random(seed);
        while (out.hasRemaining()) {
            out.putFloat((float) random.nextGaussian() * 0.01f);
        }
        Files.write(folder.resolve("adapter_model.safetensors"), out.array());
        return folder;
    }

    /** What the in-process trainer writes beside its adapter (the contract of {@code taiyi-training.json}). */
    static void trainingReport(Path folder, String baseSha256, String manifestSha256, Integer round, double loss) throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("baseModelSha256", baseSha256);
        report.put("dataManifestSha256", manifestSha256);
        report.put("round", round);
        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("lora_rank", 4);
        hyper.put("lora_alpha", 16);
        hyper.put("learning_rate", 2e-4);
        hyper.put("num_train_epochs", 3);
        report.put("hyperparameters", hyper);
        report.put("finalLoss", loss);
        report.put("steps", 42);
        report.put("tokens", 123456L);
        report.put("startedAt", "2026-12-04T10:00:00Z");
        report.put("finishedAt", "2026-12-04T10:20:00+00:00");
        new ObjectMapper().writeValue(folder.resolve(TrainingReport.FILE).toFile(), report);
    }
}
