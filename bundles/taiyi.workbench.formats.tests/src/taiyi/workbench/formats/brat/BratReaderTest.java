package taiyi.workbench.formats.brat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

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
import taiyi.workbench.formats.pubtator.PubTatorReader;

class BratReaderTest {

    @TempDir
    Path tmp;

    private final BratReader reader = new BratReader();

    @Test
    void readsTheNcbiDiseaseDevelopmentSetWithTheDocumentedCounts() throws Exception {
        Path folder = TestCorpora.file("ncbi-disease/brat-devel");
        List<Document> docs = reader.read(folder);
        // SOURCES.md: 100 .txt + 100 .ann, the devel set of 787 mentions; the N lines are counted here
        assertEquals(100, docs.size());
        assertEquals(787, docs.stream().mapToInt(d -> d.mentions().size()).sum());
        assertEquals(countLinesStartingWith(folder, "N"),
                docs.stream().flatMap(d -> d.mentions().stream()).mapToInt(m -> m.normalizations().size()).sum());
        assertEquals(811, countLinesStartingWith(folder, "N"));
        Map<String, Integer> byType = new TreeMap<>();
        docs.forEach(d -> d.mentions().forEach(m -> byType.merge(m.type(), 1, Integer::sum)));
        assertEquals(Map.of("CompositeMention", 35, "DiseaseClass", 126, "Modifier", 214, "SpecificDisease", 412), byType);
        assertEquals(docs.stream().map(Document::id).sorted().toList(), docs.stream().map(Document::id).toList());
        Document first = docs.get(0);
        assertEquals("8589722", first.id());
        EntityMention m = first.mentions().get(0);
        assertEquals("inherited breast and ovarian cancer", m.coveredText(first.text()));
        assertEquals(List.of(new Normalization("MeSH", "D061325")), m.normalizations());
    }

    @Test
    void agreesWithThePubTatorVersionOfTheSameCorpus() throws Exception {
        Map<String, Document> brat = new TreeMap<>();
        reader.read(TestCorpora.file("ncbi-disease/brat-devel")).forEach(d -> brat.put(d.id(), d));
        List<Document> pubtator = new PubTatorReader().read(TestCorpora.ncbiDevelFile());
        assertEquals(pubtator.size(), brat.size());
        for (Document p : pubtator) {
            Document b = brat.get(p.id());
            // PubTator joins title and abstract with a space; the brat files put each on its own line
            // at the same offsets. Passages, metadata and the db prefix (brat's MeSH:, PubTator's bare
            // MeSH ids) are what only one of the two holds.
            Passage title = p.passages().get(0);
            Passage abstractText = p.passages().get(1);
            String expected = p.text().substring(0, title.span().end()) + "\n"
                    + p.text().substring(abstractText.span().start()) + "\n";
            assertEquals(expected, b.text(), p.id());
            assertEquals(p.mentions().size(), b.mentions().size(), p.id());
            for (int i = 0; i < p.mentions().size(); i++) {
                EntityMention pm = p.mentions().get(i);
                EntityMention bm = b.mentions().get(i);
                assertEquals(pm.spans(), bm.spans(), p.id() + " " + pm.id());
                assertEquals(pm.type(), bm.type(), p.id() + " " + pm.id());
                assertEquals(pm.normalizations().stream().map(Normalization::id).toList(),
                        bm.normalizations().stream().map(Normalization::id).toList(), p.id() + " " + pm.id());
            }
        }
    }

    @Test
    void codePointOffsetsBecomeUtf16Offsets() throws Exception {
        // 𠮷 is one code point (brat's unit) but two UTF-16 chars (the model's)
        Path txt = pair("x", "𠮷野家の発熱。fever", "T1\tDisease 4 6\t発熱\nT2\tDisease 7 12\tfever\n");
        Document d = reader.read(txt).get(0);
        assertEquals(new Span(5, 7), d.mentions().get(0).spans().get(0));
        assertEquals("発熱", d.mentions().get(0).coveredText(d.text()));
        assertEquals("fever", d.mentions().get(1).coveredText(d.text()));
        assertEquals(Language.CHINESE, d.language());
    }

    @Test
    void discontinuousMentionsJoinTheirSpanTextsWithASpace() throws Exception {
        Path txt = pair("d", "breast and ovarian cancer", "T1\tDisease 0 6;19 25\tbreast cancer\n");
        EntityMention m = reader.read(txt).get(0).mentions().get(0);
        assertEquals(List.of(new Span(0, 6), new Span(19, 25)), m.spans());
    }

    @Test
    void readsRelationsNormalisationsAttributesAndNotes() throws Exception {
        Path ann = pair("r", "Lidocaine causes seizures.",
                "T1\tChemical 0 9\tLidocaine\n"
                        + "T2\tDisease 17 25\tseizures\n"
                        + "R1\tCID Arg2:T2 Arg1:T1\t\n"
                        + "N1\tReference T1 MeSH:D008012\tLidocaine\n"
                        + "N2\tReference T2 MeSH:D012640\n"
                        + "A1\tNegated T2\n"
                        + "M2\tConfidence T1 High\n"
                        + "#1\tAnnotatorNotes T2\tcheck this\n").resolveSibling("r.ann");
        Document d = reader.read(ann).get(0);
        assertEquals(List.of(new Relation("R1", "CID", "T1", "T2")), d.relations());
        EntityMention lidocaine = d.mention("T1").orElseThrow();
        assertEquals(List.of(new Normalization("MeSH", "D008012")), lidocaine.normalizations());
        assertEquals(Map.of("norm_text:MeSH:D008012", "Lidocaine", "Confidence", "High"), lidocaine.attributes());
        assertEquals(Map.of("Negated", "true", "AnnotatorNotes", "check this"), d.mention("T2").orElseThrow().attributes());
    }

    @Test
    void laterLinesMayReferToEarlierOrLaterTextBoundAnnotations() throws Exception {
        Path txt = pair("f", "a b", "R1\tRel Arg1:T1 Arg2:T2\nN1\tReference T2 X:1\nT1\tA 0 1\ta\nT2\tB 2 3\tb\n");
        Document d = reader.read(txt).get(0);
        assertEquals(2, d.mentions().size());
        assertEquals("T1", d.relations().get(0).head());
    }

    @Test
    void aTextWithoutAnnotationsIsADocumentWithoutMentions() throws Exception {
        Path txt = tmp.resolve("plain.txt");
        Files.writeString(txt, "Nothing annotated.");
        Document d = reader.read(txt).get(0);
        assertEquals("plain", d.id());
        assertTrue(d.mentions().isEmpty());
        assertEquals(1, reader.read(tmp).size());
    }

    @Test
    void byteOrderMarkCountsAsBratCharacterZeroAndCrlfKeepsItsCarriageReturn() throws Exception {
        // brat decodes .txt as UTF-8 without dropping the BOM and counts \r, so offsets include both
        Path txt = tmp.resolve("bom.txt");
        Files.write(txt, "\uFEFFTitle.\r\nFever here.\r\n".getBytes(StandardCharsets.UTF_8));
        Files.write(tmp.resolve("bom.ann"), "\uFEFFT1\tDisease 9 14\tFever\r\n".getBytes(StandardCharsets.UTF_8));
        Document d = reader.read(txt).get(0);
        assertEquals("Title.\r\nFever here.\r\n", d.text());
        assertEquals(new Span(8, 13), d.mentions().get(0).spans().get(0));
        assertEquals("Fever", d.mentions().get(0).coveredText(d.text()));
    }

    @Test
    void anOffsetOnTheByteOrderMarkIsAnError() throws Exception {
        Path txt = tmp.resolve("bom.txt");
        Files.write(txt, "\uFEFFFever".getBytes(StandardCharsets.UTF_8));
        Files.writeString(tmp.resolve("bom.ann"), "T1\tDisease 0 5\tFever\n");
        assertEquals(1, assertThrows(FormatException.class, () -> reader.read(txt)).line());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "event line|T1\\tDisease 0 5\\tFever\\nE1\\tOnset:T1\\n|2|events",
        "equivalence line|T1\\tDisease 0 5\\tFever\\n*\\tEquiv T1 T1\\n|2|equivalences",
        "unknown kind|T1\\tDisease 0 5\\tFever\\nX1\\tFoo T1\\n|2|unknown annotation kind",
        "no tab|T1 Disease 0 5 Fever\\n|1|expected an id",
        "text mismatch|T1\\tDisease 0 5\\tFever\\nT2\\tDisease 6 10\\tHIGH\\n|2|does not match",
        "truncated text-bound line|T1\\tDisease 0 5\\n|1|lacks its text",
        "truncated span|T1\\tDisease 0\\tFever\\n|1|not 'start end'",
        "huge offset|T1\\tDisease 0 99999999999999999999\\tFever\\n|1|not a number",
        "offset past the end|T1\\tDisease 0 9999\\tFever\\n|1|past the end",
        "negative offset|T1\\tDisease -1 5\\tFever\\n|1|not a number",
        "empty span|T1\\tDisease 3 3\\t\\n|1|not after its start",
        "unsorted spans|T1\\tDisease 6 10;0 5\\thigh Fever\\n|1|not in order",
        "duplicate id|T1\\tDisease 0 5\\tFever\\nT1\\tDisease 0 5\\tFever\\n|2|already used",
        "relation to unknown id|T1\\tDisease 0 5\\tFever\\nR1\\tRel Arg1:T1 Arg2:T9\\n|2|unknown annotation id T9",
        "relation to relation|T1\\tDisease 0 5\\tFever\\nR1\\tRel Arg1:T1 Arg2:T1\\nR2\\tRel Arg1:T1 Arg2:R1\\n|3|not a text-bound",
        "relation roles|T1\\tDisease 0 5\\tFever\\nR1\\tRel From:T1 To:T1\\n|2|Arg1 and Arg2",
        "normalisation of unknown id|N1\\tReference T3 MeSH:D1\\n|1|unknown annotation id T3",
        "normalisation type|T1\\tDisease 0 5\\tFever\\nN1\\tSee T1 MeSH:D1\\n|2|not Reference",
        "attribute of unknown id|A1\\tNegated T7\\n|1|unknown annotation id T7",
        "attribute twice|T1\\tDisease 0 5\\tFever\\nA1\\tNegated T1\\nA2\\tNegated T1\\n|3|already has the attribute",
        "reserved attribute name|T1\\tDisease 0 5\\tFever\\nA1\\tAnnotatorNotes T1\\n|2|reserved",
        "note on unknown id|#1\\tAnnotatorNotes T4\\tx\\n|1|unknown annotation id T4",
    })
    void malformedAnnotationsNameTheirLine(String what, String ann, int line, String reason) throws Exception {
        Path txt = pair("bad", "Fever high", ann.replace("\\t", "\t").replace("\\n", "\n"));
        FormatException e = assertThrows(FormatException.class, () -> reader.read(txt), what);
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.reason().contains(reason), e.getMessage());
        assertTrue(e.getMessage().startsWith(tmp.resolve("bad.ann") + ":" + line + ": "), e.getMessage());
    }

    @Test
    void invalidUtf8InTheTextIsRefusedWithItsLine() throws Exception {
        Path txt = tmp.resolve("latin1.txt");
        Files.write(txt, "Title\nCaf\u00e9 fever.\n".getBytes(StandardCharsets.ISO_8859_1));
        FormatException e = assertThrows(FormatException.class, () -> reader.read(txt));
        assertEquals(2, e.line());
        assertTrue(e.reason().contains("UTF-8"), e.getMessage());
    }

    @Test
    void annotationsWithoutTheirTextAreRefused() throws Exception {
        Files.writeString(tmp.resolve("a.txt"), "x");
        Files.writeString(tmp.resolve("b.ann"), "");
        FormatException e = assertThrows(FormatException.class, () -> reader.read(tmp));
        assertEquals(tmp.resolve("b.ann"), e.file());
        assertThrows(FormatException.class, () -> reader.read(tmp.resolve("b.ann")));
        assertThrows(FormatException.class, () -> reader.read(tmp.resolve("missing.csv")));
    }

    private static long countLinesStartingWith(Path folder, String prefix) throws IOException {
        long n = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ann")).toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (line.startsWith(prefix)) {
                        n++;
                    }
                }
            }
        }
        assertFalse(n == 0, "no " + prefix + " lines in " + folder);
        return n;
    }

    /** Writes NAME.txt and NAME.ann and returns the .txt. */
    private Path pair(String name, String text, String ann) throws IOException {
        Path txt = tmp.resolve(name + ".txt");
        Files.writeString(txt, text, StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve(name + ".ann"), ann, StandardCharsets.UTF_8);
        return txt;
    }
}
