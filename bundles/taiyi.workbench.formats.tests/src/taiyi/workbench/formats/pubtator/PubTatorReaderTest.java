package taiyi.workbench.formats.pubtator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.testing.TestCorpora;

class PubTatorReaderTest {

    @TempDir
    Path tmp;

    private final PubTatorReader reader = new PubTatorReader();

    @Test
    void readsTheNcbiDiseaseDevelopmentSetWithTheDocumentedCounts() throws Exception {
        List<Document> docs = reader.read(TestCorpora.ncbiDevelFile());
        // SOURCES.md of the corpus: 100 documents, 787 mentions; types counted by the corpus authors
        assertEquals(100, docs.size());
        assertEquals(787, docs.stream().mapToInt(d -> d.mentions().size()).sum());
        Map<String, Integer> byType = new TreeMap<>();
        docs.forEach(d -> d.mentions().forEach(m -> byType.merge(m.type(), 1, Integer::sum)));
        assertEquals(Map.of("CompositeMention", 35, "DiseaseClass", 126, "Modifier", 214, "SpecificDisease", 412), byType);
        assertTrue(docs.stream().allMatch(d -> d.language() == Language.ENGLISH));
        Document first = docs.get(0);
        assertEquals("8808605", first.id());
        assertEquals(List.of("title", "abstract"), first.passages().stream().map(p -> p.type()).toList());
        EntityMention m = first.mentions().get(0);
        assertEquals("enzyme deficiency", m.coveredText(first.text()));
        assertEquals(List.of(new Normalization("", "D008661")), m.normalizations());
    }

    @Test
    void compositeConceptsAreSplit() throws Exception {
        Path f = write("1|t|Breast and ovarian cancer.\n1|a|Rare.\n1\t0\t25\tBreast and ovarian cancer\tCompositeMention\tD001943|D010051\n\n");
        Document d = reader.read(f).get(0);
        assertEquals(List.of(Normalization.parse("D001943"), Normalization.parse("D010051")), d.mentions().get(0).normalizations());
        assertEquals("Breast and ovarian cancer. Rare.", d.text());
    }

    @Test
    void relationLinesRelateConceptsOfTheDocument() throws Exception {
        Path f = write("5|t|Lidocaine seizures.\n5|a|x\n5\t0\t9\tLidocaine\tChemical\tD008012\n"
                + "5\t10\t18\tseizures\tDisease\tD012640\n5\tCID\tD008012\tD012640\n");
        Document d = reader.read(f).get(0);
        assertEquals(1, d.relations().size());
        assertEquals("CID", d.relations().get(0).type());
    }

    @Test
    void mentionTextThatDisagreesWithTheDocumentIsAnErrorWithItsLine() throws Exception {
        Path f = write("1|t|Cancer of the breast.\n1|a|Rare.\n1\t0\t6\tCancer\tDisease\tD1\n1\t14\t20\tbreast.\tDisease\tD2\n");
        FormatException e = assertThrows(FormatException.class, () -> reader.read(f));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().startsWith(f + ":4: "), e.getMessage());
    }

    @Test
    void whiteSpaceAfterAMentionsTextIsPaddingButOtherTextIsADisagreement() throws Exception {
        // NCBI-disease's training set pads the text of one mention (PMID 10923035) with two spaces
        Document d = reader.read(write("1|t|Fever now.\n1|a|x\n1\t0\t5\tFever  \tDisease\tD1\n")).get(0);
        assertEquals("Fever", d.mentions().get(0).coveredText(d.text()));
        assertEquals(3, assertThrows(FormatException.class,
                () -> reader.read(write("1|t|Fever now.\n1|a|x\n1\t0\t5\tFever n\tDisease\tD1\n"))).line());
        assertEquals(3, assertThrows(FormatException.class,
                () -> reader.read(write("1|t|Fever now.\n1|a|x\n1\t0\t5\t Fever\tDisease\tD1\n"))).line());
    }

    @Test
    void malformedLinesNameFileAndLine() throws Exception {
        assertEquals(3, assertThrows(FormatException.class,
                () -> reader.read(write("1|t|A b.\n1|a|c\n1\tx\t3\tA b\tD\tD1\n"))).line());
        assertEquals(2, assertThrows(FormatException.class, () -> reader.read(write("1|t|A b.\ngarbage\n"))).line());
        assertEquals(3, assertThrows(FormatException.class,
                () -> reader.read(write("1|t|A b.\n1|a|c\n1\t0\t99999999999\tA b\tD\tD1\n"))).line());
        assertEquals(3, assertThrows(FormatException.class,
                () -> reader.read(write("1|t|A b.\n1|a|c\n1\tCID\tD1\tD2\n"))).line());
        assertEquals(2, assertThrows(FormatException.class, () -> reader.read(write("1|t|A b.\n1|x|c\n"))).line());
        assertEquals(4, assertThrows(FormatException.class,
                () -> reader.read(write("1|t|A b.\n1|a|c\n1\t0\t3\tA b\tD\tD1\n1\t\tD1\tD1\n"))).line());
    }

    @Test
    void byteOrderMarkAndWindowsLineEndingsAreAccepted() throws Exception {
        Path f = write("\uFEFF1|t|Fever.\r\n1|a|High.\r\n1\t0\t5\tFever\tDisease\tD005334\r\n\r\n");
        Document d = reader.read(f).get(0);
        assertEquals("Fever. High.", d.text());
        assertEquals("Fever", d.mentions().get(0).coveredText(d.text()));
    }

    @Test
    void invalidUtf8IsRefused() throws Exception {
        Path f = tmp.resolve("latin1.txt");
        Files.write(f, "1|t|Caf\u00e9 fever.\n".getBytes(StandardCharsets.ISO_8859_1));
        FormatException e = assertThrows(FormatException.class, () -> reader.read(f));
        assertTrue(e.reason().contains("UTF-8"), e.getMessage());
    }

    private Path write(String content) throws IOException {
        Path f = Files.createTempFile(tmp, "doc", ".pubtator");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }
}
