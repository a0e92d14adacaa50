package taiyi.workbench.formats.bioc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.core.model.Passage;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.formats.CompositeMentions;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.formats.FormatWarning;
import taiyi.workbench.testing.TestCorpora;
import taiyi.workbench.formats.pubtator.PubTatorReader;

class BiocXmlReaderTest {

    static final String BC5CDR_DEVEL_BIOC = "bc5cdr/CDR_DevelopmentSet.BioC.xml";
    static final String BC5CDR_DEVEL_PUBTATOR = "bc5cdr/CDR_DevelopmentSet.PubTator.txt";

    private static List<Document> devel;
    private static List<FormatWarning> develWarnings = new ArrayList<>();

    @TempDir
    Path tmp;

    private final BiocXmlReader reader = new BiocXmlReader();

    @BeforeAll
    static void readTheDevelopmentSet() throws FormatException {
        devel = new BiocXmlReader().read(TestCorpora.file(BC5CDR_DEVEL_BIOC), develWarnings::add);
    }

    @Test
    void readsTheBc5cdrDevelopmentSetWithTheDocumentedCounts() {
        // SOURCES.md: 500 documents, 9591 mentions, 1012 CID relations (counted on the PubTator file);
        // the BioC file adds 182 IndividualMention annotations, the parts of its 89 composite mentions
        assertEquals(500, devel.size());
        assertEquals(9591 + 182, devel.stream().mapToInt(d -> d.mentions().size()).sum());
        assertEquals(182, devel.stream().flatMap(d -> d.mentions().stream()).filter(CompositeMentions::isIndividual).count());
        assertEquals(1012, devel.stream().mapToLong(d -> d.relations().stream().filter(r -> r.type().equals("CID")).count()).sum());
        assertEquals(1012, devel.stream().mapToInt(d -> d.relations().size()).sum());
        Map<String, Integer> byType = new TreeMap<>();
        devel.forEach(d -> d.mentions().forEach(m -> byType.merge(m.type(), 1, Integer::sum)));
        assertEquals(java.util.Set.of("Chemical", "Disease"), byType.keySet());
        assertEquals(89, devel.stream().flatMap(d -> d.mentions().stream())
                .filter(CompositeMentions::isComposite).count());
        assertTrue(devel.stream().allMatch(d -> d.language() == Language.ENGLISH));

        Document first = devel.get(0);
        assertEquals("6794356", first.id());
        assertEquals(List.of(new Passage("title", new Span(0, 81)), new Passage("abstract", new Span(82, first.text().length()))),
                first.passages());
        EntityMention m = first.mentions().get(0);
        assertEquals("0", m.id());
        assertEquals("Tricuspid valve regurgitation", m.coveredText(first.text()));
        assertEquals(List.of(new Normalization("MESH", "D014262")), m.normalizations());
        assertEquals(new Relation("R0", "CID", "D016651", "D003490"), first.relations().get(0));
        assertEquals(Map.of("collection.source", "PubTator", "collection.date", "0/0/0", "collection.key", "PubTator.key"),
                first.metadata());
    }

    @Test
    void individualMentionsKeepTheirOwnSpansConceptsAndTextsAndNoConceptStaysAnAttribute() {
        Document d = document("3115150");
        EntityMention composite = d.mention("23").orElseThrow();
        assertEquals("cardiovascular, and respiratory depression", composite.coveredText(d.text()));
        assertEquals(List.of(new Normalization("MESH", "D002318"), new Normalization("MESH", "D012131")), composite.normalizations());
        assertEquals(Map.of("CompositeRole", "CompositeMention"), composite.attributes());
        // the file: annotation 24 "cardiovascular depression" at 1584+14 and 1616+10, MESH D002318
        EntityMention part = d.mention("24").orElseThrow();
        assertEquals(List.of(new Span(1584, 1598), new Span(1616, 1626)), part.spans());
        assertEquals("cardiovascular depression", part.coveredText(d.text()));
        assertEquals(List.of(new Normalization("MESH", "D002318")), part.normalizations());
        assertEquals(Map.of("CompositeRole", "IndividualMention"), part.attributes());
        // a part's text is the document's at its locations, joined by a space, but for the misplaced one
        assertEquals(1, devel.stream().flatMap(x -> x.mentions().stream())
                .filter(x -> x.attributes().containsKey(CompositeMentions.ANNOTATION_TEXT)).count());
        assertEquals(List.of(part, d.mention("25").orElseThrow()), CompositeMentions.partsByComposite(d).get("23"));
        EntityMention unnormalised = devel.stream().flatMap(x -> x.mentions().stream())
                .filter(m -> "-1".equals(m.attributes().get("MESH"))).findFirst().orElseThrow();
        assertEquals(List.of(), unnormalised.normalizations());
    }

    @Test
    void agreesWithThePubTatorFileOfTheSameSet() throws FormatException {
        List<Document> pubtator = new PubTatorReader().read(TestCorpora.file(BC5CDR_DEVEL_PUBTATOR));
        assertEquals(pubtator.size(), devel.size());
        for (int i = 0; i < devel.size(); i++) {
            Document b = devel.get(i);
            Document p = pubtator.get(i);
            assertEquals(p.id(), b.id());
            assertEquals(p.text(), b.text(), b.id());
            assertEquals(p.passages(), b.passages(), b.id());
            // ids differ (PubTator's are generated) and BioC names the knowledge base; PubTator's
            // seventh column holds the texts of BioC's individual mentions
            assertEquals(comparable(p), comparable(b), b.id());
            assertEquals(p.relations().stream().map(r -> List.of(r.type(), r.head(), r.tail())).toList(),
                    b.relations().stream().map(r -> List.of(r.type(), r.head(), r.tail())).toList(), b.id());
        }
    }

    private static List<List<Object>> comparable(Document d) {
        List<List<Object>> out = new ArrayList<>();
        Map<String, List<EntityMention>> parts = CompositeMentions.partsByComposite(d);
        for (EntityMention m : d.mentions()) {
            if (CompositeMentions.isIndividual(m)) {
                continue;
            }
            String seventh = m.attributes().getOrDefault(PubTatorReader.COMPOSITE_PARTS, String.join("|",
                    parts.getOrDefault(m.id(), List.of()).stream().map(x -> CompositeMentions.partText(x, d.text())).toList()));
            out.add(List.of(m.spans(), m.type(), m.normalizations().stream().map(Normalization::id).toList(), seventh));
        }
        return out;
    }

    @Test
    void theOneMisplacedIndividualMentionIsImportedWhereTheFileSaysWithAWarning() {
        // annotation 8 of 6415512 (line 9919) says 'atypical absence seizures' at 247+16, which is
        // ' atypical absenc': an off-by-one in the corpus, kept as the file has it
        Document d = document("6415512");
        EntityMention part = d.mention("8").orElseThrow();
        assertEquals(List.of(new Span(247, 263), new Span(293, 301)), part.spans());
        assertEquals("atypical absence seizures", part.attributes().get(CompositeMentions.ANNOTATION_TEXT));
        assertEquals(1, develWarnings.size(), develWarnings.toString());
        FormatWarning w = develWarnings.get(0);
        assertEquals(TestCorpora.file(BC5CDR_DEVEL_BIOC), w.file());
        assertEquals(9919, w.line());
        assertTrue(w.column() > 0, w.toString());
        assertEquals("6415512", w.documentId());
        assertTrue(w.toString().startsWith(w.file() + ":9919:" + w.column() + ": warning: document 6415512: IndividualMention annotation 8"),
                w.toString());
        assertTrue(w.message().contains("' atypical absenc seizures'"), w.message());
    }

    @Test
    void theDoctypeIsNeverFetched() throws Exception {
        for (String systemId : List.of("http://127.0.0.1:9/BioC.dtd", "file:///nonexistent/BioC.dtd", "BioC.dtd")) {
            Path f = write("<?xml version='1.0' encoding='UTF-8'?><!DOCTYPE collection SYSTEM '" + systemId + "'>\n"
                    + "<collection><source>s</source><date>d</date><key>k</key><document><id>1</id><passage>"
                    + "<infon key=\"type\">title</infon><offset>0</offset><text>Fever.</text></passage></document></collection>\n");
            assertEquals("Fever.", reader.read(f).get(0).text());
        }
    }

    @Test
    void anExternalEntityIsRefusedWithoutReadingIt() throws Exception {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        Path f = write("<?xml version=\"1.0\"?>\n<!DOCTYPE collection [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<collection><source>&e;</source><date/><key/></collection>\n");
        FormatException e = assertThrows(FormatException.class, () -> reader.read(f));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith(f + ":2:"), e.getMessage());
        assertTrue(e.column() > 0, e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<!DOCTYPE collection [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p.dtd\"> %p;]>",
            "<!DOCTYPE collection [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>" })
    void entityDeclarationsOfAnyKindAreRefused(String doctype) throws Exception {
        Path f = write("<?xml version=\"1.0\"?>\n" + doctype + "\n<collection><source>x</source></collection>\n");
        assertEquals(2, assertThrows(FormatException.class, () -> reader.read(f)).line());
    }

    @Test
    void aReferenceToAnUndeclaredEntityIsRefused() throws Exception {
        Path f = write("<?xml version=\"1.0\"?>\n<collection><source>x</source>\n<document><id>1</id><passage>"
                + "<offset>0</offset><text>a &e; b</text></passage></document></collection>\n");
        assertEquals(3, assertThrows(FormatException.class, () -> reader.read(f)).line());
    }

    @Test
    void aTruncatedFileNamesTheLineWhereItEnds() throws Exception {
        byte[] whole = Files.readAllBytes(TestCorpora.file(BC5CDR_DEVEL_BIOC));
        Path f = tmp.resolve("truncated.xml");
        Files.write(f, java.util.Arrays.copyOf(whole, whole.length / 2));
        FormatException e = assertThrows(FormatException.class, () -> reader.read(f));
        long lines = new String(whole, 0, whole.length / 2, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count() + 1;
        assertEquals(lines, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(f + ":" + lines + ":"), e.getMessage());
    }

    @Test
    void mentionTextThatDisagreesWithTheDocumentIsAnErrorWithItsLine() throws Exception {
        Path f = write(collection("<passage><infon key=\"type\">title</infon><offset>0</offset><text>Cancer of the breast.</text>\n"
                + "<annotation id=\"1\"><infon key=\"type\">Disease</infon><location offset=\"0\" length=\"6\"/><text>Cancer</text></annotation>\n"
                + "<annotation id=\"2\"><infon key=\"type\">Disease</infon><location offset=\"14\" length=\"6\"/><text>breast.</text></annotation>\n"
                + "</passage>"));
        FormatException e = assertThrows(FormatException.class, () -> reader.read(f));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().startsWith(f + ":5:"), e.getMessage());
        assertTrue(e.column() > 0, e.getMessage());
        assertTrue(e.reason().contains("'breast.'") && e.reason().contains("'breast'"), e.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = { "<location offset=\"x\" length=\"6\"/>", "<location offset=\"99999999999\" length=\"6\"/>",
            "<location offset=\"-3\" length=\"6\"/>", "<location offset=\"0\" length=\"0\"/>", "<location offset=\"0\" length=\"60\"/>",
            "<location length=\"6\"/>", "", "<location offset=\"0\" length=\"3\"/><location offset=\"1\" length=\"3\"/>" })
    void badLocationsNameTheirLine(String location) throws Exception {
        Path f = write(collection("<passage><infon key=\"type\">title</infon><offset>0</offset><text>Cancer of the breast.</text>\n"
                + "<annotation id=\"1\"><infon key=\"type\">Disease</infon>" + location + "</annotation>\n</passage>"));
        assertEquals(4, assertThrows(FormatException.class, () -> reader.read(f)).line());
    }

    @Test
    void hugeOrOverlappingPassageOffsetsAreErrors() throws Exception {
        Path huge = write(collection("<passage><offset>0</offset><text>a</text></passage>\n<passage><offset>2000000000</offset><text>b</text></passage>"));
        assertEquals(4, assertThrows(FormatException.class, () -> reader.read(huge)).line());
        Path overlap = write(collection("<passage><offset>0</offset><text>abc</text></passage>\n<passage><offset>2</offset><text>b</text></passage>"));
        assertEquals(4, assertThrows(FormatException.class, () -> reader.read(overlap)).line());
    }

    @Test
    void unknownElementsAndStrayTextAreErrors() throws Exception {
        Path f = write(collection("<passage><offset>0</offset>\n<txt>abc</txt></passage>"));
        assertEquals(4, assertThrows(FormatException.class, () -> reader.read(f)).line());
        Path g = write(collection("<passage><offset>0</offset>\nstray<text>abc</text></passage>"));
        assertEquals(4, assertThrows(FormatException.class, () -> reader.read(g)).line());
    }

    @Test
    void invalidUtf8IsRefused() throws Exception {
        Path f = tmp.resolve("latin1.xml");
        Files.write(f, collection("<passage><offset>0</offset>\n<text>Caf\u00e9 fever.</text></passage>").getBytes(StandardCharsets.ISO_8859_1));
        FormatException e = assertThrows(FormatException.class, () -> reader.read(f));
        assertEquals(4, e.line());
        assertTrue(e.reason().contains("UTF-8"), e.getMessage());
    }

    @Test
    void byteOrderMarkAndWindowsLineEndingsAreAccepted() throws Exception {
        Path f = write(("\uFEFF" + collection("<passage><infon key=\"type\">title</infon><offset>0</offset><text>Caf\u00e9 fever.</text>"
                + "<annotation id=\"1\"><infon key=\"type\">Disease</infon><location offset=\"5\" length=\"5\"/><text>fever</text></annotation>"
                + "</passage>")).replace("\n", "\r\n"));
        Document d = reader.read(f).get(0);
        assertEquals("Caf\u00e9 fever.", d.text());
        assertEquals("fever", d.mentions().get(0).coveredText(d.text()));
    }

    @Test
    void offsetsCountCodePointsAndBecomeUtf16Indices() throws Exception {
        // 𠮷 is one code point but two UTF-16 chars: BioC's offset 5 is the model's 6
        Path f = write(collection("<passage><infon key=\"type\">abstract</infon><offset>0</offset><text>𠮷野家，胃癌（早期）。</text>"
                + "<annotation id=\"T1\"><infon key=\"type\">dis</infon><location offset=\"4\" length=\"2\"/><text>胃癌</text></annotation>"
                + "</passage><passage><infon key=\"type\">x</infon><offset>12</offset><text>𠮷</text></passage>"));
        Document d = reader.read(f).get(0);
        assertEquals(Language.CHINESE, d.language());
        assertEquals(List.of(new Span(5, 7)), d.mentions().get(0).spans());
        assertEquals("𠮷野家，胃癌（早期）。 𠮷", d.text());
        assertEquals(new Span(13, 15), d.passages().get(1).span());
    }

    @Test
    void discontinuousLocationsAreSortedAndTheirTextsJoinedBySpaces() throws Exception {
        Path f = write(collection("<passage><infon key=\"type\">t</infon><offset>0</offset><text>sagittal and left transverse sinus thrombosis</text>"
                + "<annotation id=\"3\"><infon key=\"type\">Disease</infon><infon key=\"MESH\">D020225</infon>"
                + "<location offset=\"29\" length=\"16\"/><location offset=\"0\" length=\"8\"/><text>sagittal sinus thrombosis</text></annotation>"
                + "</passage>"));
        EntityMention m = reader.read(f).get(0).mentions().get(0);
        assertEquals(List.of(new Span(0, 8), new Span(29, 45)), m.spans());
        assertTrue(m.isDiscontinuous());
    }

    @Test
    void infonsOfEveryLevelBecomeMetadataAndConceptsOfAnyKnowledgeBase() throws Exception {
        Path f = write("<collection><source>PMC</source><date>20240101</date><key>pmc.key</key><infon key=\"license\">CC BY</infon>\n"
                + "<document><id>PMC1</id><infon key=\"journal\">J</infon>"
                + "<passage><infon key=\"type\">front</infon><infon key=\"section_type\">TITLE</infon><offset>0</offset><text>BRCA1 and tumours</text>"
                + "<annotation id=\"a\"><infon key=\"type\">Gene</infon><infon key=\"NCBI Gene\">672</infon><infon key=\"score\">0.9</infon>"
                + "<location offset=\"0\" length=\"5\"/><text>BRCA1</text></annotation>"
                + "<annotation id=\"b\"><infon key=\"identifier\">MESH:D009369|OMIM:1</infon><infon key=\"type\">Disease</infon>"
                + "<location offset=\"10\" length=\"7\"/><text>tumours</text></annotation></passage>"
                + "<relation id=\"r\"><infon key=\"type\">Association</infon><node refid=\"a\" role=\"Gene\"/><node refid=\"b\" role=\"Disease\"/></relation>"
                + "</document></collection>");
        Document d = reader.read(f).get(0);
        assertEquals(Map.of("journal", "J", "passage.0.section_type", "TITLE", "collection.source", "PMC", "collection.date", "20240101",
                "collection.key", "pmc.key", "collection.infon.license", "CC BY"), d.metadata());
        EntityMention gene = d.mention("a").orElseThrow();
        assertEquals(List.of(new Normalization("NCBI Gene", "672")), gene.normalizations());
        assertEquals(Map.of("score", "0.9"), gene.attributes());
        assertEquals(List.of(new Normalization("MESH", "D009369"), new Normalization("OMIM", "1")),
                d.mention("b").orElseThrow().normalizations());
        assertEquals(List.of(new Relation("r", "Association", "a", "b")), d.relations());
    }

    @Test
    void passagesHeldInSentencesAreAssembled() throws Exception {
        Path f = write(collection("<passage><infon key=\"type\">abstract</infon><offset>0</offset>"
                + "<sentence><offset>0</offset><text>Fever.</text></sentence>"
                + "<sentence><offset>7</offset><text>Cough.</text><annotation id=\"1\"><infon key=\"type\">Sym</infon>"
                + "<location offset=\"7\" length=\"5\"/><text>Cough</text></annotation></sentence></passage>"));
        Document d = reader.read(f).get(0);
        assertEquals("Fever. Cough.", d.text());
        assertEquals(List.of(new Passage("abstract", new Span(0, 13))), d.passages());
        assertEquals("Cough", d.mentions().get(0).coveredText(d.text()));
    }

    @Test
    void relationsThatCannotBeResolvedOrHeldNameTheirLine() throws Exception {
        String passage = "<passage><infon key=\"type\">t</infon><offset>0</offset><text>Lidocaine seizures</text>"
                + "<annotation id=\"1\"><infon key=\"type\">Chemical</infon><infon key=\"MESH\">D008012</infon><location offset=\"0\" length=\"9\"/></annotation>"
                + "<annotation id=\"2\"><infon key=\"type\">Disease</infon><infon key=\"MESH\">D012640</infon><location offset=\"10\" length=\"8\"/></annotation>"
                + "</passage>\n";
        for (String relation : List.of(
                "<relation id=\"R0\"><infon key=\"relation\">CID</infon><infon key=\"Chemical\">D008012</infon><infon key=\"Disease\">D0</infon></relation>",
                "<relation id=\"R0\"><infon key=\"relation\">CID</infon><infon key=\"Chemical\">D008012</infon></relation>",
                "<relation id=\"R0\"><infon key=\"type\">x</infon><node refid=\"1\"/><node refid=\"2\"/><node refid=\"1\"/></relation>",
                "<relation id=\"R0\"><infon key=\"type\">x</infon><node refid=\"1\"/><node refid=\"9\"/></relation>",
                "<relation id=\"R0\"><node refid=\"1\"/><node refid=\"2\"/></relation>")) {
            Path f = write(collection(passage + relation));
            assertEquals(4, assertThrows(FormatException.class, () -> reader.read(f)).line(), relation);
        }
        Path ok = write(collection(passage
                + "<relation id=\"R0\"><infon key=\"relation\">CID</infon><infon key=\"Chemical\">D008012</infon><infon key=\"Disease\">D012640</infon></relation>"));
        assertEquals(List.of(new Relation("R0", "CID", "D008012", "D012640")), reader.read(ok).get(0).relations());
    }

    @Test
    void individualMentionsMustFollowAndLieInsideTheirComposite() throws Exception {
        String composite = "<annotation id=\"1\"><infon key=\"type\">Disease</infon><infon key=\"CompositeRole\">CompositeMention</infon>"
                + "<infon key=\"MESH\">D1|D2</infon><location offset=\"0\" length=\"20\"/><text>Hemorrhagic cystitis</text></annotation>\n";
        String outside = "<annotation id=\"2\"><infon key=\"type\">Disease</infon><infon key=\"CompositeRole\">IndividualMention</infon>"
                + "<infon key=\"MESH\">D1</infon><location offset=\"21\" length=\"4\"/><text>with</text></annotation>\n";
        String foreign = "<annotation id=\"2\"><infon key=\"type\">Disease</infon><infon key=\"CompositeRole\">IndividualMention</infon>"
                + "<infon key=\"MESH\">D3</infon><location offset=\"0\" length=\"11\"/><text>Hemorrhagic</text></annotation>\n";
        for (String first : List.of(composite + outside, composite + foreign, outside.replace("\n", "") + composite)) {
            Path f = write(collection("<passage><infon key=\"type\">t</infon><offset>0</offset><text>Hemorrhagic cystitis with fever</text>\n"
                    + first + "</passage>"));
            assertEquals(first.startsWith("<annotation id=\"1\"") ? 5 : 4,
                    assertThrows(FormatException.class, () -> reader.read(f)).line(), first);
        }
    }

    @Test
    void anUnreadableFileIsAFormatException() {
        Path missing = tmp.resolve("missing.xml");
        assertEquals(0, assertThrows(FormatException.class, () -> reader.read(missing)).line());
    }

    private static Document document(String id) {
        return devel.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    /** A collection of one document whose passages start on line 3. */
    static String collection(String passages) {
        return "<?xml version='1.0' encoding='UTF-8'?>\n<collection><source>s</source><date>d</date><key>k</key>\n"
                + "<document><id>1</id>" + passages + "</document></collection>\n";
    }

    private Path write(String content) throws IOException {
        Path f = Files.createTempFile(tmp, "bioc", ".xml");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }
}
