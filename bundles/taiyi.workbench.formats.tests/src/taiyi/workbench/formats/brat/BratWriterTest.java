package taiyi.workbench.formats.brat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.testing.TestCorpora;
import taiyi.workbench.formats.pubtator.PubTatorReader;

class BratWriterTest {

    @TempDir
    Path tmp;

    private final BratReader reader = new BratReader();
    private final BratWriter writer = new BratWriter();

    @Test
    void theNcbiDiseaseFolderRoundTripsToEqualDocumentsAndIdenticalFiles() throws Exception {
        Path source = TestCorpora.file("ncbi-disease/brat-devel");
        List<Document> docs = reader.read(source);
        Path out = tmp.resolve("out");
        writer.write(docs, out);
        assertEquals(docs, reader.read(out));
        // the writer's line order (T, then its N lines) is the corpus's own, so even the bytes agree
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ann") || p.toString().endsWith(".txt")).toList()) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(out.resolve(f.getFileName().toString())),
                        f.getFileName().toString());
            }
        }
    }

    @Test
    void generatedDocumentsWithOverlapsDiscontinuitiesAndSurrogatePairsRoundTrip() throws Exception {
        Random random = new Random(20240611L);
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            docs.add(randomDocument(random, String.format("gen-%02d", i)));
        }
        assertTrue(docs.stream().anyMatch(d -> d.text().contains("𠮷")));
        assertTrue(docs.stream().flatMap(d -> d.mentions().stream()).anyMatch(EntityMention::isDiscontinuous));
        Path out = tmp.resolve("generated");
        writer.write(docs, out);
        assertEquals(docs, reader.read(out));
    }

    @Test
    void offsetsAreWrittenAsCodePoints() throws Exception {
        Document d = new Document("cp", Language.CHINESE, "𠮷野家的发热，fever", List.of(), Map.of(),
                List.of(EntityMention.of("T1", "sym", 5, 7, List.of())), List.of());
        Path out = tmp.resolve("cp");
        writer.write(List.of(d), out);
        assertEquals("T1\tsym 4 6\t发热\n", Files.readString(out.resolve("cp.ann")));
        assertEquals(List.of(d), reader.read(out));
    }

    @Test
    void idsThatAreNotBratIdsAreRenumberedTogetherWithTheirRelations() throws Exception {
        Document d = new Document("ids", Language.ENGLISH, "aspirin stops pain", List.of(), Map.of(),
                List.of(EntityMention.of("T2", "Chemical", 0, 7, List.of()), EntityMention.of("m-pain", "Disease", 14, 18,
                        List.of())),
                List.of(new Relation("treats", "Treats", "T2", "m-pain")));
        Path out = tmp.resolve("ids");
        writer.write(List.of(d), out);
        assertEquals("T2\tChemical 0 7\taspirin\nT3\tDisease 14 18\tpain\nR1\tTreats Arg1:T2 Arg2:T3\n",
                Files.readString(out.resolve("ids.ann")));
        Document back = reader.read(out).get(0);
        assertEquals(new Relation("R1", "Treats", "T2", "T3"), back.relations().get(0));
    }

    @Test
    void conceptRelationsCannotBeWrittenAndNothingAppears() throws Exception {
        // PubTator's CID relations join concepts, which brat cannot express
        List<Document> cdr = new PubTatorReader().read(TestCorpora.file("bc5cdr/CDR_DevelopmentSet.PubTator.txt"));
        Document withRelation = cdr.stream().filter(d -> !d.relations().isEmpty()).findFirst().orElseThrow();
        Path out = tmp.resolve("cdr");
        FormatException e = assertThrows(FormatException.class, () -> writer.write(cdr, out));
        assertTrue(e.reason().contains("document " + withRelation.id()), e.getMessage());
        assertTrue(e.reason().contains("relation " + withRelation.relations().get(0).id()), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void pubTatorMentionsWithoutRelationsConvertToBrat() throws Exception {
        // the composite_parts attribute carries spaces and '|': brat's A lines hold it as a value
        List<Document> cdr = new PubTatorReader().read(TestCorpora.file("bc5cdr/CDR_DevelopmentSet.PubTator.txt"))
                .stream().map(d -> new Document(d.id(), d.language(), d.text(), List.of(), Map.of(), d.mentions(),
                        List.of()))
                .toList();
        Path out = tmp.resolve("cdr");
        writer.write(cdr, out);
        List<Document> back = reader.read(out);
        assertEquals(500, back.size());
        assertEquals(9591, back.stream().mapToInt(d -> d.mentions().size()).sum());
        assertEquals(cdr.stream().sorted(java.util.Comparator.comparing(Document::id)).toList(), back);
    }

    @Test
    void whatBratCannotHoldIsRefusedNamingTheDocument() throws Exception {
        String text = "High fever\nand cough";
        List<Document> bad = List.of(
                doc("../escape", text, List.of()),
                doc("line", text, List.of(EntityMention.of("T1", "Disease", 5, 14, List.of()))),
                doc("type", text, List.of(EntityMention.of("T1", "Sign or symptom", 5, 10, List.of()))),
                doc("pair", "𠮷 cough", List.of(EntityMention.of("T1", "Disease", 1, 2, List.of()))),
                doc("value", text, List.of(new EntityMention("T1", "Disease", List.of(new Span(5, 10)), List.of(),
                        Map.of("Note", "a\tb")))),
                doc("concept", text, List.of(EntityMention.of("T1", "Disease", 5, 10,
                        List.of(new Normalization("", "MeSH:D1"))))),
                doc("bom", "\uFEFFfever", List.of()));
        for (Document d : bad) {
            Path out = tmp.resolve("bad-" + bad.indexOf(d));
            FormatException e = assertThrows(FormatException.class, () -> writer.write(List.of(d), out), d.id());
            assertTrue(e.reason().contains(d.id()), e.getMessage());
            assertFalse(Files.exists(out));
        }
        FormatException twice = assertThrows(FormatException.class,
                () -> writer.write(List.of(doc("Same", "x", List.of()), doc("same", "y", List.of())), tmp.resolve("t")));
        assertTrue(twice.reason().contains("case-insensitive"), twice.getMessage());
    }

    private static Document doc(String id, String text, List<EntityMention> mentions) {
        return new Document(id, Language.detect(text), text, List.of(), Map.of(), mentions, List.of());
    }

    private static final String[] WORDS = {"fever", "cough", "BRCA1", "breast", "cancer", "𠮷", "发热", "咳嗽", "肺实变",
        "，", "。", "（", "）", "：", "2.5mg", "Ⅱ型", "\n", "\t", "é", "🙂"};

    /** A document with random text and mentions that overlap, nest and skip text, all on code point boundaries. */
    static Document randomDocument(Random random, String id) {
        StringBuilder sb = new StringBuilder();
        int words = random.nextInt(30);
        for (int i = 0; i < words; i++) {
            sb.append(WORDS[random.nextInt(WORDS.length)]);
            if (random.nextInt(3) > 0) {
                sb.append(random.nextBoolean() ? " " : "\u3000");
            }
        }
        String text = sb.toString();
        List<Integer> boundaries = new ArrayList<>();
        for (int i = 0; i <= text.length(); i = i < text.length() ? text.offsetByCodePoints(i, 1) : i + 1) {
            boundaries.add(i);
        }
        List<EntityMention> mentions = new ArrayList<>();
        int attempts = text.isEmpty() ? 0 : random.nextInt(12);
        for (int a = 0; a < attempts; a++) {
            int pieces = 1 + random.nextInt(random.nextInt(4) == 0 ? 3 : 1);
            List<Integer> cuts = new ArrayList<>();
            for (int p = 0; p < pieces * 2; p++) {
                cuts.add(boundaries.get(random.nextInt(boundaries.size())));
            }
            cuts.sort(null);
            List<Span> spans = new ArrayList<>();
            for (int p = 0; p < cuts.size(); p += 2) {
                int start = cuts.get(p);
                int end = cuts.get(p + 1);
                boolean fits = end > start && (spans.isEmpty() || start >= spans.get(spans.size() - 1).end());
                if (fits && text.substring(start, end).indexOf('\n') < 0) {
                    spans.add(new Span(start, end));
                }
            }
            if (spans.isEmpty()) {
                continue;
            }
            String mid = "T" + (mentions.size() + 1);
            List<Normalization> concepts = new ArrayList<>();
            Map<String, String> attributes = new LinkedHashMap<>();
            if (random.nextBoolean()) {
                concepts.add(new Normalization("MeSH", "D00" + random.nextInt(9999)));
            }
            if (random.nextInt(4) == 0) {
                concepts.add(Normalization.parse("C" + random.nextInt(99)));
                attributes.put(BratReader.NORMALIZATION_NAME + concepts.get(concepts.size() - 1), "名称 name\twith tab");
            }
            if (random.nextInt(3) == 0) {
                attributes.put("Negated", "true");
            }
            if (random.nextInt(3) == 0) {
                attributes.put("Confidence", random.nextBoolean() ? "高 high" : "Low");
            }
            if (random.nextInt(4) == 0) {
                attributes.put(BratReader.ANNOTATOR_NOTES, "检查，check");
            }
            mentions.add(new EntityMention(mid, random.nextBoolean() ? "Disease" : "症状", spans, concepts, attributes));
        }
        List<Relation> relations = new ArrayList<>();
        for (int r = 0; mentions.size() > 1 && r < random.nextInt(4); r++) {
            relations.add(new Relation("R" + (r + 1), random.nextBoolean() ? "CID" : "导致",
                    mentions.get(random.nextInt(mentions.size())).id(), mentions.get(random.nextInt(mentions.size())).id()));
        }
        return new Document(id, Language.detect(text), text, List.of(), Map.of(), mentions, relations);
    }
}
