package taiyi.workbench.formats.bioc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.core.model.Passage;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.testing.TestCorpora;

class BiocXmlWriterTest {

    @TempDir
    Path tmp;

    private final BiocXmlReader reader = new BiocXmlReader();
    private final BiocXmlWriter writer = new BiocXmlWriter();

    @Test
    void theDevelopmentSetRoundTripsToEqualDocuments() throws Exception {
        List<Document> read = reader.read(TestCorpora.file(BiocXmlReaderTest.BC5CDR_DEVEL_BIOC));
        Path out = tmp.resolve("devel.xml");
        writer.write(read, out);
        assertEquals(read, reader.read(out));
    }

    @Test
    void theWrittenFileIsLaidOutAsTheSource() throws Exception {
        Path source = TestCorpora.file(BiocXmlReaderTest.BC5CDR_DEVEL_BIOC);
        Path out = tmp.resolve("devel.xml");
        writer.write(reader.read(source), out);
        // all but the source's second trailing newline: individual mentions and "D002544|-1" included
        String expected = Files.readString(source).strip();
        String written = Files.readString(out).strip();
        assertTrue(written.startsWith(BiocXmlWriter.PROLOGUE + "\n<collection>\n<source>PubTator</source>\n"), written.substring(0, 200));
        assertEquals(expected, written);
    }

    @Test
    void markupQuotesCarriageReturnsAndTabsSurvive() throws Exception {
        String text = "a<b & \"c\" 'd'\r\n\te ]]> f";
        Document d = new Document("x'\"\t<1>", Language.ENGLISH, text, List.of(new Passage("t\"'", new Span(0, text.length()))),
                Map.of("k\"ey'\t", "v&<>\r\n"),
                List.of(new EntityMention("m'\"\n", "T<>", List.of(new Span(0, 3), new Span(4, 5)), List.of(Normalization.parse("MESH:D1")),
                        Map.of("n\"o\te", "\r"))),
                List.of());
        Path out = tmp.resolve("escaped.xml");
        writer.write(List.of(d), out);
        assertEquals(List.of(d), reader.read(out));
    }

    @Test
    void textOutsidePassagesAndDocumentsWithoutPassagesSurvive() throws Exception {
        String text = "Title\n\nAbstract text.\n";
        Document withGaps = new Document("1", Language.ENGLISH, text,
                List.of(new Passage("title", new Span(0, 5)), new Passage("abstract", new Span(7, 21))), Map.of(),
                List.of(EntityMention.of("T1", "X", 3, 9, List.of())), List.of());
        Document plain = Document.ofText("2", "  leading spaces, trailing spaces  ");
        Document empty = Document.ofText("3", "");
        Path out = tmp.resolve("gaps.xml");
        writer.write(List.of(withGaps, plain, empty), out);
        assertEquals(List.of(withGaps, plain, empty), reader.read(out));
    }

    @Test
    void documentsFromDifferentCollectionsKeepTheirOwnCollectionFields() throws Exception {
        Document a = new Document("a", Language.ENGLISH, "x", List.of(), Map.of("collection.source", "PubTator", "collection.key", "k"),
                List.of(), List.of());
        Document b = new Document("b", Language.ENGLISH, "y", List.of(), Map.of("collection.source", "PMC", "collection.key", "k"),
                List.of(), List.of());
        Path out = tmp.resolve("mixed.xml");
        writer.write(List.of(a, b), out);
        assertEquals(List.of(a, b), reader.read(out));
        assertTrue(Files.readString(out).contains("<key>k</key>"));
    }

    @Test
    void whatBiocCannotHoldIsRefusedNamingTheDocument() throws Exception {
        String text = "Lidocaine seizures";
        EntityMention lidocaine = EntityMention.of("1", "Chemical", 0, 9, List.of(Normalization.parse("D008012")));
        EntityMention seizures = EntityMention.of("2", "Disease", 10, 18, List.of(Normalization.parse("D012640")));
        List<Document> inexpressible = List.of(
                new Document("labelled", Language.ENGLISH, text, List.of(), Map.of(), List.of("positive"), List.of(), List.of()),
                new Document("evidence", Language.ENGLISH, text, List.of(), Map.of(), List.of(lidocaine, seizures),
                        List.of(new Relation("R1", "CID", "1", "2", List.of(new Span(0, 18))))),
                new Document("control", Language.ENGLISH, "a\u0001b", List.of(), Map.of(), List.of(), List.of()),
                new Document("surrogate", Language.ENGLISH, "a\uD800b", List.of(), Map.of(), List.of(), List.of()),
                new Document("overlap", Language.ENGLISH, text, List.of(new Passage("a", new Span(0, 9)), new Passage("b", new Span(5, 18))),
                        Map.of(), List.of(), List.of()),
                new Document("typeAttribute", Language.ENGLISH, text, List.of(), Map.of(),
                        List.of(new EntityMention("1", "Chemical", List.of(new Span(0, 9)), List.of(), Map.of("type", "x"))), List.of()),
                new Document("barInConcept", Language.ENGLISH, text, List.of(), Map.of(),
                        List.of(EntityMention.of("1", "Chemical", 0, 9, List.of(new Normalization("MESH", "D1|D2")))), List.of()),
                new Document("splitPair", Language.CHINESE, "𠮷野家", List.of(), Map.of(),
                        List.of(EntityMention.of("1", "X", 1, 3, List.of())), List.of()));
        Path out = tmp.resolve("refused.xml");
        for (Document d : inexpressible) {
            FormatException e = assertThrows(FormatException.class, () -> writer.write(List.of(d), out), d.id());
            assertTrue(e.reason().contains("document " + d.id()), e.getMessage());
            assertTrue(Files.notExists(out), "nothing is written for " + d.id());
        }
    }

    @Test
    void aLanguageDetectionWouldMissTravelsAsADocumentInfon() throws Exception {
        // a Chinese reference list can be mostly Latin script; its language must survive BioC anyway
        Document references = new Document("refs", Language.CHINESE, "参考文献 Smith J, Jones K. Lancet 2001; 357: 1-9.", List.of(),
                Map.of(), List.of(), List.of());
        Document english = Document.ofText("en", "Fever and cough.");
        Path out = tmp.resolve("languages.xml");
        writer.write(List.of(references, english), out);
        assertEquals(List.of(references, english), new BiocXmlReader().read(out));
        String xml = Files.readString(out);
        assertEquals(1, xml.split("key=\"language\"", -1).length - 1, xml);
    }

    @Test
    void aFailedWriteLeavesTheExistingFileAlone() throws Exception {
        Path out = tmp.resolve("kept.xml");
        Files.writeString(out, "previous content");
        // fails half-way through writing: a character XML cannot hold, in the second document
        Document bad = new Document("control", Language.ENGLISH, "a\u0001b", List.of(), Map.of(), List.of(), List.of());
        assertThrows(FormatException.class, () -> writer.write(List.of(Document.ofText("ok", "fine"), bad), out));
        assertEquals("previous content", Files.readString(out));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(out), files.toList());
        }
    }
}
