package taiyi.workbench.formats.pubtator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.core.model.Passage;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.testing.TestCorpora;

class PubTatorWriterTest {

    @TempDir
    Path tmp;

    private final PubTatorReader reader = new PubTatorReader();
    private final PubTatorWriter writer = new PubTatorWriter();

    @ParameterizedTest
    @CsvSource({
        // testdata/SOURCES.md: documents (distinct PMIDs), mention lines, CID relation lines; the NCBI training set
        // holds PMID 8528200 twice, so 593 documents are read and 592 are distinct
        "ncbi-disease/pubtator/NCBItrainset_corpus.txt, 593, 592, 5145, 0",
        "ncbi-disease/pubtator/NCBIdevelopset_corpus.txt, 100, 100, 787, 0",
        "ncbi-disease/pubtator/NCBItestset_corpus.txt, 100, 100, 960, 0",
        "bc5cdr/CDR_TrainingSet.PubTator.txt, 500, 500, 9385, 1038",
        "bc5cdr/CDR_DevelopmentSet.PubTator.txt, 500, 500, 9591, 1012"})
    void everyRealFileSurvivesARoundTrip(String file, int documents, int distinctPmids, int mentions, int relations)
            throws Exception {
        List<Document> docs = reader.read(TestCorpora.file(file));
        assertEquals(documents, docs.size());
        assertEquals(distinctPmids, docs.stream().map(Document::id).distinct().count());
        assertEquals(mentions, docs.stream().mapToInt(d -> d.mentions().size()).sum());
        assertEquals(relations, docs.stream().mapToInt(d -> d.relations().size()).sum());
        Path out = tmp.resolve("out.txt");
        writer.write(docs, out);
        List<Document> back = reader.read(out);
        assertEquals(docs, back);
    }

    @Test
    void theRepeatedPmidOfTheNcbiTrainingSetStaysTwoDocuments() throws Exception {
        List<Document> docs = reader.read(TestCorpora.file("ncbi-disease/pubtator/NCBItrainset_corpus.txt"));
        assertEquals(2, docs.stream().filter(d -> d.id().equals("8528200")).count());
        Path out = tmp.resolve("train.txt");
        writer.write(docs, out);
        assertEquals(2, reader.read(out).stream().filter(d -> d.id().equals("8528200")).count());
    }

    @ParameterizedTest
    @CsvSource({ "bc5cdr/CDR_DevelopmentSet.PubTator.txt", "bc5cdr/CDR_TrainingSet.PubTator.txt" })
    void theBc5cdrFilesAreWrittenBackByteForByte(String file) throws Exception {
        // "D002544|-1" in the development set included: the column as written is kept
        Path original = TestCorpora.file(file);
        Path out = tmp.resolve("again.txt");
        writer.write(reader.read(original), out);
        assertEquals(Files.readString(original), Files.readString(out));
    }

    @Test
    void compositeMentionsKeepTheirSeventhColumn() throws Exception {
        Path original = TestCorpora.file("bc5cdr/CDR_DevelopmentSet.PubTator.txt");
        Path out = tmp.resolve("cdr.txt");
        writer.write(reader.read(original), out);
        assertEquals(seventhColumns(original), seventhColumns(out));
        assertEquals(89, seventhColumns(out).size());
        // 59 mentions have no concept; one composite's "D002544|-1" comes back as written
        assertEquals(59, Files.readAllLines(out).stream().filter(l -> l.split("\t", -1).length >= 6)
                .filter(l -> l.split("\t", -1)[5].equals("-1")).count());
    }

    @Test
    void aCorpusReadFromBiocGetsTheSeventhColumnFromItsIndividualMentions() throws Exception {
        Path out = tmp.resolve("from-bioc.txt");
        List<Document> bioc = new taiyi.workbench.formats.bioc.BiocXmlReader()
                .read(TestCorpora.file("bc5cdr/CDR_DevelopmentSet.BioC.xml"));
        writer.write(bioc, out);
        Path original = TestCorpora.file("bc5cdr/CDR_DevelopmentSet.PubTator.txt");
        assertEquals(seventhColumns(original), seventhColumns(out));
        // the parts are no lines of their own: as many mention lines as the PubTator file has
        assertEquals(mentionLines(original), mentionLines(out));
    }

    private static long mentionLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> l.split("\t", -1).length >= 6).count();
    }

    private static List<String> seventhColumns(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(l -> l.split("\t", -1)).filter(c -> c.length == 7).map(c -> c[6]).toList();
    }

    @Test
    void theLinesFollowPubTatorsLayout() throws Exception {
        Document d = new Document("42", Language.ENGLISH, "Fever. High fever.", List.of(
                new Passage("title", new Span(0, 6)), new Passage("abstract", new Span(7, 18))), Map.of("pmid", "42"),
                List.of(EntityMention.of("T1", "Disease", 0, 5, List.of(new Normalization("", "D005334"),
                        new Normalization("MESH", "D1"))), EntityMention.of("T2", "Disease", 12, 17, List.of())),
                List.of(new Relation("R1", "CID", "D005334", "MESH:D1")));
        Path out = tmp.resolve("one.txt");
        writer.write(List.of(d), out);
        assertEquals("42|t|Fever.\n42|a|High fever.\n42\t0\t5\tFever\tDisease\tD005334|MESH:D1\n42\t12\t17\tfever\tDisease\t-1\n"
                + "42\tCID\tD005334\tMESH:D1\n\n", Files.readString(out));
        assertEquals(List.of(d), reader.read(out));
    }

    @Test
    void missingPassagesAreWrittenSoTheTextComesBackTheSame() throws Exception {
        List<Document> docs = List.of(
                doc("1", "Title only", new Passage("title", new Span(0, 10))),
                doc("2", "Title and empty abstract ", new Passage("title", new Span(0, 24))),
                doc("3", "Abstract only", new Passage("abstract", new Span(0, 13))),
                doc("4", "Abstract first. Title", new Passage("abstract", new Span(0, 15)), new Passage("title", new Span(16, 21))),
                doc("5", ""));
        Path out = tmp.resolve("layouts.txt");
        writer.write(docs, out);
        assertEquals(docs, reader.read(out));
        String written = Files.readString(out);
        assertTrue(written.contains("1|t|Title only\n1\t") || written.contains("1|t|Title only\n\n"), written);
        assertTrue(written.contains("2|t|Title and empty abstract\n2|a|\n"), written);
        assertTrue(written.contains("3|t|\n3|a|Abstract only\n"), written);
        assertTrue(written.contains("4|a|Abstract first.\n4|t|Title\n"), written);
        assertTrue(written.contains("5|t|\n5|a|\n"), written);
    }

    @Test
    void aDocumentWithoutPassagesIsWrittenWholeAsItsTitle() throws Exception {
        Document plain = new Document("7", Language.ENGLISH, "Aspirin and fever.", List.of(), Map.of(),
                List.of(EntityMention.of("T1", "Chemical", 0, 7, List.of())), List.of());
        Path out = tmp.resolve("plain.txt");
        writer.write(List.of(plain), out);
        assertEquals("7|t|Aspirin and fever.\n7\t0\t7\tAspirin\tChemical\t-1\n\n", Files.readString(out));
        Document back = reader.read(out).get(0);
        assertEquals(plain.text(), back.text());
        assertEquals(plain.mentions(), back.mentions());
        // what PubTator adds: the title passage, and the PMID as metadata
        assertEquals(List.of(new Passage("title", new Span(0, 18))), back.passages());
    }

    @Test
    void whatPubTatorCannotExpressIsRefusedAndNothingIsWritten() throws Exception {
        Path out = tmp.resolve("refused.txt");
        Files.writeString(out, "previous content");
        String text = "Aspirin and fever.";
        EntityMention aspirin = EntityMention.of("T1", "Chemical", 0, 7, List.of(new Normalization("MESH", "D001241")));
        EntityMention fever = EntityMention.of("T2", "Disease", 12, 17, List.of());
        assertRefused(out, "T9", new Document("9", Language.ENGLISH, text, List.of(), Map.of(),
                List.of(new EntityMention("T9", "Disease", List.of(new Span(0, 7), new Span(12, 17)), List.of())), List.of()));
        assertRefused(out, "R1", new Document("9", Language.ENGLISH, text, List.of(), Map.of(), List.of(aspirin, fever),
                List.of(new Relation("R1", "treats", "T1", "T2"))));
        assertRefused(out, "T1", new Document("9", Language.ENGLISH, "Aspirin\tx", List.of(), Map.of(),
                List.of(EntityMention.of("T1", "Chemical", 0, 9, List.of())), List.of()));
        assertRefused(out, "line break", Document.ofText("9", "Title\nAbstract"));
        assertRefused(out, "section", new Document("9", Language.ENGLISH, text, List.of(new Passage("section", new Span(0, 7))),
                Map.of(), List.of(), List.of()));
        assertRefused(out, "lay out", new Document("9", Language.ENGLISH, text, List.of(new Passage("title", new Span(0, 7)),
                new Passage("abstract", new Span(12, 18))), Map.of(), List.of(), List.of()));
        assertRefused(out, "-1", new Document("9", Language.ENGLISH, text, List.of(), Map.of(),
                List.of(EntityMention.of("T1", "Chemical", 0, 7, List.of(new Normalization("", "-1")))), List.of()));
        assertRefused(out, "OMIM", new Document("9", Language.ENGLISH, text, List.of(), Map.of(),
                List.of(EntityMention.of("T1", "Chemical", 0, 7, List.of(new Normalization("", "OMIM:1")))), List.of()));
        assertRefused(out, "a|b", Document.ofText("a|b", text));
        assertRefused(out, "surrogate", Document.ofText("9", "fever \uD842"));
        assertEquals("previous content", Files.readString(out));
    }

    private void assertRefused(Path out, String named, Document d) {
        FormatException e = assertThrows(FormatException.class, () -> writer.write(List.of(Document.ofText("1", "fine"), d), out),
                named);
        assertTrue(e.reason().contains(named), e.getMessage());
    }

    @Test
    void generatedDocumentsWithOverlappingMentionsAndChineseTextSurviveARoundTrip() throws Exception {
        Random random = new Random(5);
        String[] pieces = {"fever", "aspirin", " ", ", ", "肺炎", "𠮷", "，", "（", "）", "：", "|", "-", "1"};
        String[] types = {"Disease", "Chemical", "SpecificDisease"};
        String[] concepts = {"D005334", "MESH:D001241", "OMIM:601462", "C535509"};
        List<Document> docs = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            String title = words(random, pieces, random.nextInt(6));
            String abstractText = words(random, pieces, random.nextInt(20));
            // the layout PubTatorReader builds: title, one space, abstract; empty parts have no passage
            String text = title.isEmpty() ? abstractText : title + " " + abstractText;
            List<Passage> passages = new ArrayList<>();
            if (!title.isEmpty()) {
                passages.add(new Passage("title", new Span(0, title.length())));
            }
            if (!abstractText.isEmpty()) {
                int start = title.isEmpty() ? 0 : title.length() + 1;
                passages.add(new Passage("abstract", new Span(start, text.length())));
            }
            List<EntityMention> mentions = new ArrayList<>();
            int codePoints = text.codePointCount(0, text.length());
            int mentionCount = codePoints == 0 ? 0 : random.nextInt(8);
            for (int i = 0; i < mentionCount; i++) {
                int start = text.offsetByCodePoints(0, random.nextInt(codePoints));
                int end = text.offsetByCodePoints(start, 1 + random.nextInt(text.codePointCount(start, text.length())));
                List<Normalization> normalizations = new ArrayList<>();
                for (int c = random.nextInt(3); c > 0; c--) {
                    normalizations.add(Normalization.parse(concepts[random.nextInt(concepts.length)]));
                }
                Map<String, String> attributes = random.nextInt(4) == 0
                        ? Map.of(PubTatorReader.COMPOSITE_PARTS, "part one|part two") : Map.of();
                mentions.add(new EntityMention("T" + (i + 1), types[random.nextInt(types.length)],
                        List.of(new Span(start, end)), normalizations, attributes));
            }
            List<Relation> relations = new ArrayList<>();
            List<String> usable = mentions.stream().flatMap(m -> m.normalizations().stream()).map(Normalization::toString).toList();
            int relationCount = usable.isEmpty() ? 0 : random.nextInt(3);
            for (int r = 0; r < relationCount; r++) {
                relations.add(new Relation("R" + (r + 1), "CID", usable.get(random.nextInt(usable.size())),
                        usable.get(random.nextInt(usable.size()))));
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("pmid", String.valueOf(1000 + n));
            docs.add(new Document(String.valueOf(1000 + n), Language.detect(text), text, passages, metadata, mentions, relations));
        }
        Path out = tmp.resolve("generated.txt");
        writer.write(docs, out);
        assertEquals(docs, reader.read(out));
        assertTrue(Files.readString(out, StandardCharsets.UTF_8).contains("𠮷"));
    }

    private static String words(Random random, String[] pieces, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append(pieces[random.nextInt(pieces.length)]);
        }
        return b.toString();
    }

    private static Document doc(String pmid, String text, Passage... passages) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("pmid", pmid);
        List<EntityMention> mentions = text.isEmpty() ? List.of() : List.of(EntityMention.of("T1", "Disease", 0, 1, List.of()));
        return new Document(pmid, Language.detect(text), text, List.of(passages), metadata, mentions, List.of());
    }
}
