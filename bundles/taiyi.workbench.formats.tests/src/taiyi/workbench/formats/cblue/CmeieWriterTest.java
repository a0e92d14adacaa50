package taiyi.workbench.formats.cblue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.formats.FormatException;

class CmeieWriterTest {

    @TempDir
    Path tmp;

    private final CmeieReader reader = new CmeieReader();
    private final CmeieWriter writer = new CmeieWriter();

    @Test
    void theSampleSurvivesARoundTripAndIsWrittenAsPythonWroteIt() throws Exception {
        Path in = tmp.resolve("CMeIE_sample.jsonl");
        Files.writeString(in, String.join("\n", CmeieReaderTest.SAMPLE) + "\n", StandardCharsets.UTF_8);
        List<Document> docs = reader.read(in);
        Path sameName = Files.createDirectory(tmp.resolve("out")).resolve("CMeIE_sample.jsonl");
        writer.write(docs, sameName);
        assertEquals(docs, reader.read(sameName));
        assertEquals(Files.readString(in), Files.readString(sameName));
        Path otherName = tmp.resolve("renamed.jsonl");
        writer.write(docs, otherName);
        assertTrue(Files.readString(otherName).startsWith("{\"id\": \"CMeIE_sample-1\", \"text\": \"13-三体综合征@"));
        assertEquals(docs, reader.read(otherName));
    }

    @Test
    void generatedDocumentsSurviveARoundTrip() throws Exception {
        Random random = new Random(11);
        String[] types = {"疾病", "症状", "药物", "检查"};
        String[] predicates = {"并发症", "临床表现", "药物治疗", "实验室检查"};
        List<Document> docs = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            // each surface is bracketed and numbered, so it occurs once and its first occurrence is where it was put
            int surfaces = 1 + random.nextInt(5);
            StringBuilder text = new StringBuilder();
            List<EntityMention> candidates = new ArrayList<>();
            for (int i = 0; i < surfaces; i++) {
                text.append(RandomChineseText.text(random, random.nextInt(6)).replace("【", ""));
                String surface = "【" + RandomChineseText.text(random, 1 + random.nextInt(4)) + i + "】";
                int start = text.length();
                text.append(surface);
                candidates.add(EntityMention.of("c" + i, types[random.nextInt(types.length)], start, text.length(), List.of()));
            }
            // the reader numbers mentions by first use in the triples and knows only used ones
            Map<String, EntityMention> used = new LinkedHashMap<>();
            List<Relation> relations = new ArrayList<>();
            List<String> combined = new ArrayList<>();
            int triples = random.nextInt(6);
            for (int r = 0; r < triples; r++) {
                String head = use(used, candidates.get(random.nextInt(surfaces)));
                String tail = use(used, candidates.get(random.nextInt(surfaces)));
                relations.add(new Relation("R" + (r + 1), predicates[random.nextInt(predicates.length)], head, tail));
                if (random.nextInt(4) == 0) {
                    combined.add("R" + (r + 1));
                }
            }
            Map<String, String> metadata = combined.isEmpty() ? Map.of()
                    : Map.of(CmeieReader.COMBINED_RELATIONS, String.join(" ", combined));
            docs.add(new Document("s" + n, Language.CHINESE, text.toString(), List.of(), metadata,
                    new ArrayList<>(used.values()), relations));
        }
        Path out = tmp.resolve("generated.jsonl");
        writer.write(docs, out);
        assertEquals(docs.size(), Files.readAllLines(out).size());
        assertEquals(docs, reader.read(out));
    }

    private static String use(Map<String, EntityMention> used, EntityMention candidate) {
        return used.computeIfAbsent(candidate.id(), k -> new EntityMention("T" + (used.size() + 1), candidate.type(),
                candidate.spans(), List.of())).id();
    }

    @Test
    void aRelationBetweenConceptsIsRefused() throws Exception {
        EntityMention drug = EntityMention.of("T1", "药物", 0, 3, List.of(new Normalization("MESH", "D008012")));
        EntityMention disease = EntityMention.of("T2", "疾病", 4, 6, List.of(new Normalization("MESH", "D012640")));
        Document d = new Document("cid-1", Language.CHINESE, "利多卡因致癫痫", List.of(), Map.of(), List.of(drug, disease),
                List.of(new Relation("R1", "CID", "MESH:D008012", "MESH:D012640")));
        Path out = tmp.resolve("out.jsonl");
        FormatException e = assertThrows(FormatException.class, () -> writer.write(List.of(d), out));
        assertTrue(e.reason().contains("cid-1") && e.reason().contains("R1") && e.reason().contains("concept"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void aDiscontinuousArgumentIsRefused() {
        EntityMention broken = new EntityMention("T1", "症状", List.of(new Span(0, 1), new Span(2, 3)), List.of());
        EntityMention disease = EntityMention.of("T2", "疾病", 3, 5, List.of());
        Document d = new Document("d", Language.CHINESE, "肺部啰音肺炎", List.of(), Map.of(), List.of(broken, disease),
                List.of(new Relation("R1", "临床表现", "T2", "T1")));
        FormatException e = assertThrows(FormatException.class, () -> writer.write(List.of(d), tmp.resolve("x.jsonl")));
        assertTrue(e.reason().contains("T1") && e.reason().contains("discontinuous"), e.getMessage());
    }

    @Test
    void mentionsNoRelationUsesAreNotWritten() throws Exception {
        Document d = new Document("d", Language.CHINESE, "肺炎伴发热，无咳嗽。", List.of(), Map.of(),
                List.of(EntityMention.of("T1", "疾病", 0, 2, List.of()), EntityMention.of("T2", "症状", 3, 5, List.of()),
                        EntityMention.of("T3", "症状", 7, 9, List.of())),
                List.of(new Relation("R1", "临床表现", "T1", "T2")));
        Path out = tmp.resolve("x.jsonl");
        writer.write(List.of(d), out);
        Document back = reader.read(out).get(0);
        assertEquals(d.mentions().subList(0, 2), back.mentions());
        assertEquals(d.relations(), back.relations());
    }
}
