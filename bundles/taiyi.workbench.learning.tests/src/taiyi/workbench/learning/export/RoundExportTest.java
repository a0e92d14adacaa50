package taiyi.workbench.learning.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.inference.task.TextWindows;
import taiyi.workbench.inference.task.WindowBudget;
import taiyi.workbench.learning.DocumentSelection;
import taiyi.workbench.learning.learner.TrainingProgress;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.testing.TestCorpora;

/** Rounds exported from real corpora in a store: counts, exclusion, determinism, replay, bad input. */
class RoundExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void bc5cdrTrainingGivesFiveConversationsPerAbstractWithItsMentionsAndRelations() throws Exception {
        List<Document> training = ExportFixtures.bc5cdrTraining();
        try (CorpusStore store = CorpusStore.open(dir.resolve("db"))) {
            store.documents().importDocuments("cdr-train", training, "CDR_TrainingSet.PubTator.txt");
            store.documents().setLicence("cdr-train", "BioCreative V CDR: research use");
            RoundRequest request = RoundRequest.of(List.of("cdr-train"), 1).withDocuments(DocumentSelection.ALL);
            RoundSummary summary = new RoundExport(store, ExportFixtures.length()).write(request, dir.resolve("round-1"),
                    TrainingProgress.NONE);

            JsonNode manifest = JSON.readTree(dir.resolve("round-1/manifest.json").toFile());
            assertEquals(500, summary.documents());
            assertEquals(500, manifest.at("/sources/0/documents").size());
            assertEquals("BioCreative V CDR: research use", manifest.at("/sources/0/licence").asText());
            // per window: NER over both types, Chemical, Disease, RE pairs, RE triples (a few abstracts take two windows)
            int windows = training.stream().mapToInt(d -> TextWindows.split(d, WindowBudget.forLanguage(d.language())).size())
                    .sum();
            assertTrue(windows > 500 && windows < 520, windows + " windows");
            int dropped = manifest.at("/dropped").size();
            assertEquals(5 * windows, summary.train() + summary.validation() + dropped, summary.drops() + " "
                    + manifest.get("dropped").toString().substring(0, Math.min(2000, manifest.get("dropped").toString().length())));
            assertEquals(summary.train(), lines(dir.resolve("round-1/train.jsonl")).size());
            assertEquals(summary.validation(), lines(dir.resolve("round-1/validation.jsonl")).size());

            // the joint NER answers name each document's distinct mention strings per type
            Map<String, Integer> expected = new java.util.TreeMap<>();
            for (Document d : training) {
                Set<List<String>> distinct = new HashSet<>();
                for (var w : TextWindows.split(d, WindowBudget.forLanguage(d.language()))) {
                    d.mentions().stream().filter(m -> m.start() >= w.start() && m.end() <= w.end())
                            .forEach(m -> distinct.add(List.of(m.type(), d.text().substring(m.start(), m.end()),
                                    Integer.toString(w.index()))));
                }
                distinct.forEach(k -> expected.merge(k.get(0), 1, Integer::sum));
            }
            JsonNode ner = manifest.at("/counts/NER/en");
            assertEquals(3 * windows - droppedOf(manifest, "ner"), ner.get("conversations").asInt());
            assertEquals(2 * expected.get("Chemical"), ner.at("/items_by_type/Chemical").asInt(),
                    "Chemical strings, once in the joint task and once in its sub-task");
            assertEquals(2 * expected.get("Disease"), ner.at("/items_by_type/Disease").asInt());
            // each CID relation is one pair and one triple, but for those two relations read the same (composite
            // mentions) or whose arguments never share a window
            int samePair = manifest.at("/inexpressible").path(DocumentConversations.SAME_PAIR).asInt();
            int apart = manifest.at("/inexpressible").path(DocumentConversations.ARGUMENTS_APART).asInt();
            assertTrue(samePair + apart < 1038 / 20, samePair + " + " + apart);
            // (a relation of an abstract cut in two windows can be said in both)
            int cid = manifest.at("/counts/RE/en/items_by_type/CID").asInt();
            int expressed = 1038 - samePair - apart;
            assertTrue(cid >= 2 * expressed && cid <= 2 * expressed + 2 * 10 * (windows - 500), cid + " for " + expressed);

            // the files are the owner's only, and the manifest's hashes are theirs
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("round-1"))));
            for (String f : List.of(RoundExport.TRAIN, RoundExport.VALIDATION, RoundExport.RECIPE)) {
                Path file = dir.resolve("round-1").resolve(f);
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
                assertEquals(sha256(file), manifest.get("files").get(f).asText());
            }
            assertEquals(64, manifest.at("/recipe/lora_rank").asInt());
            assertEquals(1024, manifest.at("/recipe/max_seq_length").asInt());
            // the lines have Taiyi's shape
            JsonNode first = JSON.readTree(lines(dir.resolve("round-1/train.jsonl")).get(0));
            assertEquals(List.of("conversation_id", "category", "dataset", "language", "conversation"), fieldNames(first));
            assertEquals(1, first.get("conversation_id").asInt());
            assertEquals("cdr-train", first.get("dataset").asText());
        }
    }

    @Test
    void withoutPerTypeQuestionsNerAsksEachWindowOnceForAllTypes() throws Exception {
        List<Document> twenty = ExportFixtures.bc5cdrTraining().subList(0, 20);
        try (CorpusStore store = CorpusStore.open(dir.resolve("db"))) {
            store.documents().importDocuments("cdr-train", twenty, "CDR_TrainingSet.PubTator.txt");
            RoundRequest request = RoundRequest.of(List.of("cdr-train"), 1).withDocuments(DocumentSelection.ALL)
                    .withTasks(java.util.EnumSet.of(taiyi.workbench.inference.task.TaskKind.NER)).withValidationFraction(0)
                    .withNerPerType(false);
            RoundSummary summary = new RoundExport(store, ExportFixtures.length()).write(request, dir.resolve("round"),
                    TrainingProgress.NONE);

            int windows = twenty.stream().mapToInt(d -> TextWindows.split(d, WindowBudget.forLanguage(d.language())).size()).sum();
            JsonNode manifest = JSON.readTree(dir.resolve("round/manifest.json").toFile());
            assertEquals(windows, summary.train() + manifest.at("/dropped").size());
            for (String line : lines(dir.resolve("round/train.jsonl"))) {
                String human = JSON.readTree(line).at("/conversation/0/human").asText();
                assertTrue(human.contains("Chemical") && human.contains("Disease"), human);
            }
            assertEquals("[\"ner-all\"]", manifest.at("/request/tasks").toString());
        }
    }

    @Test
    void excludingTheDevelopmentSetLeavesNoneOfItsDocumentsNorNearDuplicates() throws Exception {
        List<Document> devel = TestCorpora.bc5cdrDevel();
        Document copied = devel.get(7);
        // a training-side copy of a development abstract, lightly edited: a near-duplicate to catch
        String edited = copied.text().replaceFirst("\\.", ";").replace("patients", "Patients");
        Document nearCopy = new Document("copy-of-" + copied.id(), copied.language(), edited, List.of(), Map.of(), List.of(),
                List.of());
        try (CorpusStore store = CorpusStore.open(dir.resolve("db"))) {
            store.documents().importDocuments("cdr-train", ExportFixtures.bc5cdrTraining().subList(0, 100), "train");
            store.documents().importDocuments("cdr-train", List.of(nearCopy), "edited copy");
            store.documents().importDocuments("cdr-devel", devel, "devel");
            RoundRequest request = RoundRequest.of(List.of("cdr-train", "cdr-devel"), 2).withDocuments(DocumentSelection.ALL)
                    .withTasks(java.util.EnumSet.of(taiyi.workbench.inference.task.TaskKind.NER))
                    .withExcluded(List.of("cdr-devel"));
            RoundSummary summary = new RoundExport(store, ExportFixtures.length()).write(request, dir.resolve("round"),
                    TrainingProgress.NONE);
            assertEquals(100, summary.documents());
            JsonNode manifest = JSON.readTree(dir.resolve("round/manifest.json").toFile());
            assertEquals(500, summary.drops().get(Drop.EXCLUDED_CORPUS));
            assertEquals(1, summary.drops().get(Drop.NEAR_DUPLICATE));
            boolean named = false;
            for (JsonNode d : manifest.get("dropped")) {
                if (d.get("reason").asText().equals(Drop.NEAR_DUPLICATE)) {
                    assertEquals("copy-of-" + copied.id(), d.get("document").asText());
                    assertTrue(d.get("detail").asText().startsWith("cdr-devel/" + copied.id()));
                    named = true;
                }
            }
            assertTrue(named);
            // no development text reached the round, and nothing that did resembles a development abstract
            List<Set<Long>> develShingles = devel.stream().map(d -> NearDuplicates.shingles(d.text())).toList();
            for (Path f : List.of(dir.resolve("round/train.jsonl"), dir.resolve("round/validation.jsonl"))) {
                for (String line : lines(f)) {
                    String human = JSON.readTree(line).at("/conversation/0/human").asText();
                    for (int i = 0; i < devel.size(); i++) {
                        assertFalse(human.contains(devel.get(i).text().strip().substring(0, 60)), devel.get(i).id());
                    }
                }
            }
            for (JsonNode src : manifest.get("sources")) {
                for (JsonNode d : src.get("documents")) {
                    Document doc = store.documents().document(src.get("corpus").asText(), d.get("id").asText()).orElseThrow();
                    Set<Long> s = NearDuplicates.shingles(doc.text());
                    for (Set<Long> dv : develShingles) {
                        assertTrue(NearDuplicates.jaccard(s, dv) < NearDuplicates.THRESHOLD, doc.id());
                    }
                }
            }
        }
    }

    @Test
    void theSameInputsAndSeedGiveAByteIdenticalRound() throws Exception {
        try (CorpusStore store = CorpusStore.open(dir.resolve("db"))) {
            store.documents().importDocuments("cdr", ExportFixtures.bc5cdrTraining().subList(0, 120), "train");
            RoundRequest request = RoundRequest.of(List.of("cdr"), 3).withDocuments(DocumentSelection.ALL)
                    .withReplay(TestCorpora.taiyiInstructions(), 0.05).withValidationFraction(0.2).withSeed(11);
            RoundExport export = new RoundExport(store, ExportFixtures.length());
            export.write(request, dir.resolve("a"), TrainingProgress.NONE);
            export.write(request, dir.resolve("b"), TrainingProgress.NONE);
            List<String> names = List.of(RoundExport.TRAIN, RoundExport.VALIDATION, RoundExport.RECIPE, RoundExport.MANIFEST,
                    DistributedTrainer.CONFIG, DistributedTrainer.SCRIPT, DistributedTrainer.DEEPSPEED, DistributedTrainer.LAUNCHER,
                    DistributedTrainer.REQUIREMENTS);
            try (Stream<Path> files = Files.walk(dir.resolve("a"))) {
                assertEquals(new HashSet<>(names), files.filter(Files::isRegularFile).map(p -> dir.resolve("a").relativize(p).toString())
                        .collect(java.util.stream.Collectors.toSet()));
            }
            for (String f : names) {
                assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
            }
            // another seed is another round
            export.write(request.withSeed(12), dir.resolve("c"), TrainingProgress.NONE);
            assertFalse(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("a/train.jsonl")),
                    Files.readAllBytes(dir.resolve("c/train.jsonl"))));
        }
    }

    @Test
    void replayMixesInASeededSampleAtTheGivenRatio() throws Exception {
        try (CorpusStore store = CorpusStore.open(dir.resolve("db"))) {
            store.documents().importDocuments("round1", TestCorpora.bc5cdrDevel().subList(0, 100), "devel");
            store.documents().importDocuments("round2", ExportFixtures.bc5cdrTraining().subList(0, 40), "train");
            RoundExport export = new RoundExport(store, ExportFixtures.length());
            export.write(RoundRequest.of(List.of("round1"), 1).withDocuments(DocumentSelection.ALL), dir.resolve("r1"),
                    TrainingProgress.NONE);
            Path earlier = dir.resolve("r1/train.jsonl");
            Set<String> earlierContent = new HashSet<>();
            for (String line : lines(earlier)) {
                earlierContent.add(JSON.readTree(line).get("conversation").toString());
            }

            RoundSummary s = export.write(RoundRequest.of(List.of("round2"), 2).withDocuments(DocumentSelection.ALL)
                    .withReplay(earlier, 0.5).withValidationFraction(0), dir.resolve("r2"), TrainingProgress.NONE);
            JsonNode manifest = JSON.readTree(dir.resolve("r2/manifest.json").toFile());
            int fresh = manifest.at("/conversations/train_new").asInt();
            assertEquals(Math.round(0.5 * fresh), s.replayed());
            assertEquals(fresh + s.replayed(), s.train());
            assertEquals(sha256(earlier), manifest.at("/replay/sha256").asText());
            int replayedFound = 0;
            for (String line : lines(dir.resolve("r2/train.jsonl"))) {
                if (earlierContent.contains(JSON.readTree(line).get("conversation").toString())) {
                    replayedFound++;
                }
            }
            assertEquals(s.replayed(), replayedFound);
        }
    }

    @Test
    void aConversationOverTheMaximumLengthIsDroppedAndCounted() throws Exception {
        try (CorpusStore store = CorpusStore.open(dir.resolve("db"))) {
            store.documents().importDocuments("cdr", ExportFixtures.bc5cdrTraining().subList(0, 50), "train");
            RoundSummary s = new RoundExport(store, ExportFixtures.length()).write(RoundRequest.of(List.of("cdr"), 1)
                    .withDocuments(DocumentSelection.ALL).withMaxTokens(330), dir.resolve("r"), TrainingProgress.NONE);
            assertTrue(s.drops().getOrDefault(Drop.TOO_LONG, 0) > 0);
            for (Path f : List.of(dir.resolve("r/train.jsonl"), dir.resolve("r/validation.jsonl"))) {
                for (String line : lines(f)) {
                    JsonNode turn = JSON.readTree(line).at("/conversation/0");
                    int tokens = 3 + ExportFixtures.length().tokenizer().encodeText(turn.get("human").asText()).length
                            + ExportFixtures.length().tokenizer().encodeText(turn.get("assistant").asText()).length;
                    assertTrue(tokens <= 330, tokens + " tokens");
                }
            }
        }
    }

    @Test
    void badInputIsRefusedByNameAndNothingIsWritten() throws Exception {
        Path replay = dir.resolve("replay.jsonl");
        List<String> good = lines(TestCorpora.taiyiInstructions());
        Files.writeString(replay, good.get(0) + "\n" + good.get(1) + "\n{\"conversation_id\": 3, \"category\": \"NER\"}\n",
                StandardCharsets.UTF_8);
        try (CorpusStore store = CorpusStore.open(dir.resolve("db"))) {
            store.documents().importDocuments("cdr", ExportFixtures.bc5cdrTraining().subList(0, 5), "train");
            RoundExport export = new RoundExport(store, ExportFixtures.length());
            Path out = dir.resolve("round");

            RoundExportException unknown = assertThrows(RoundExportException.class,
                    () -> export.write(RoundRequest.of(List.of("cdr", "nope"), 1), out, TrainingProgress.NONE));
            assertTrue(unknown.getMessage().startsWith("unknown corpus 'nope' (the database has cdr)"), unknown.getMessage());

            RoundExportException empty = assertThrows(RoundExportException.class,
                    () -> export.write(RoundRequest.of(List.of("cdr"), 1), out, TrainingProgress.NONE));
            assertTrue(empty.getMessage().startsWith("empty selection: no document marked done in cdr"), empty.getMessage());

            RoundExportException bad = assertThrows(RoundExportException.class, () -> export.write(RoundRequest.of(
                    List.of("cdr"), 1).withDocuments(DocumentSelection.ALL).withReplay(replay, 1), out, TrainingProgress.NONE));
            assertEquals(replay + ":3: 'conversation' must be a non-empty array of {human, assistant}", bad.getMessage());

            assertFalse(Files.exists(out));
            try (Stream<Path> left = Files.list(dir)) {
                assertEquals(List.of("db", "replay.jsonl"), left.map(p -> p.getFileName().toString()).sorted().toList());
            }
        }
    }

    @Test
    void relationsTheLabelSchemaLacksAreReportedByDocumentAndTheRestExported() throws Exception {
        List<Document> docs = ExportFixtures.bc5cdrTraining().subList(0, 10);
        try (CorpusStore store = CorpusStore.open(dir.resolve("db"))) {
            store.documents().importDocuments("cdr", docs, "train");
            LabelSchema schema = store.documents().schema("cdr");
            // a schema whose only relation type is another one leaves every CID relation breaking it
            store.documents().setSchema("cdr", new LabelSchema(schema.entityTypes(),
                    List.of(new taiyi.workbench.core.model.EntityType("treats", "treats", "治疗")), schema.documentLabels()));
            RoundSummary s = new RoundExport(store, ExportFixtures.length()).write(RoundRequest.of(List.of("cdr"), 1)
                    .withDocuments(DocumentSelection.ALL), dir.resolve("r"), TrainingProgress.NONE);
            int relations = docs.stream().mapToInt(d -> d.relations().size()).sum();
            assertEquals(relations, s.drops().get(Drop.BROKEN));
            JsonNode manifest = JSON.readTree(dir.resolve("r/manifest.json").toFile());
            List<String> named = new ArrayList<>();
            manifest.get("dropped").forEach(d -> {
                if (d.get("reason").asText().equals(Drop.BROKEN)) {
                    named.add(d.get("document").asText());
                }
            });
            assertTrue(named.contains(docs.get(0).id()));
            assertEquals(10 * 3, manifest.at("/counts/NER/en/conversations").asInt() + droppedOf(manifest, "ner"));
        }
    }

    private static int droppedOf(JsonNode manifest, String task) {
        int n = 0;
        for (JsonNode d : manifest.get("dropped")) {
            if (d.get("detail").asText().contains(" " + task + "/")) {
                n++;
            }
        }
        return n;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
