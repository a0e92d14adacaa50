package taiyi.workbench.formats.bioc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
import taiyi.workbench.formats.FormatException;

class BiocJsonReaderTest {

    /** What the bioc Python package writes, bioctype and version included; the second annotation starts on line 8. */
    private static final String PYTHON_BIOC = """
            {"bioctype": "BioCCollection", "source": "PubTator", "date": "2024", "key": "k", "version": "1.0", "infons": {},
             "documents": [{"bioctype": "BioCDocument", "id": "5", "infons": {"journal": "J"},
              "passages": [
               {"bioctype": "BioCPassage", "offset": 0, "infons": {"type": "title"}, "text": "Lidocaine seizures.",
                "sentences": [], "relations": [],
                "annotations": [
                 {"id": "0", "infons": {"type": "Chemical", "MESH": "D008012"}, "text": "Lidocaine", "locations": [{"offset": 0, "length": 9}]},
                 {"id": "1", "infons": {"type": "Disease", "MESH": "D012640"}, "text": "seizures",
                  "locations": [{"offset": 10, "length": 8}]}]},
               {"bioctype": "BioCPassage", "offset": 20, "infons": {"type": "abstract"}, "text": "In rats.",
                "sentences": [], "annotations": [], "relations": []}],
              "annotations": [],
              "relations": [{"id": "R0", "infons": {"relation": "CID", "Chemical": "D008012", "Disease": "D012640"}, "nodes": []}]}]}
            """;

    @TempDir
    Path tmp;

    private final BiocJsonReader reader = new BiocJsonReader();

    @Test
    void readsWhatTheBiocPythonPackageWrites() throws Exception {
        Document d = reader.read(write(PYTHON_BIOC)).get(0);
        assertEquals("5", d.id());
        assertEquals("Lidocaine seizures. In rats.", d.text());
        assertEquals(List.of(new Passage("title", new Span(0, 19)), new Passage("abstract", new Span(20, 28))), d.passages());
        assertEquals(List.of(EntityMention.of("0", "Chemical", 0, 9, List.of(new Normalization("MESH", "D008012"))),
                EntityMention.of("1", "Disease", 10, 18, List.of(new Normalization("MESH", "D012640")))), d.mentions());
        assertEquals(List.of(new Relation("R0", "CID", "D008012", "D012640")), d.relations());
        assertEquals(Map.of("journal", "J", "collection.source", "PubTator", "collection.date", "2024", "collection.key", "k"),
                d.metadata());
        assertEquals(Language.ENGLISH, d.language());
    }

    @Test
    void mentionTextThatDisagreesWithTheDocumentIsAnErrorWithItsLine() throws Exception {
        Path f = write(PYTHON_BIOC.replace("\"text\": \"seizures\"", "\"text\": \"seizure\""));
        FormatException e = assertThrows(FormatException.class, () -> reader.read(f));
        assertEquals(8, e.line());
        assertTrue(e.getMessage().startsWith(f + ":8:"), e.getMessage());
        assertTrue(e.column() > 0, e.getMessage());
    }

    @Test
    void aTruncatedFileNamesItsLastLine() throws Exception {
        Path f = write(PYTHON_BIOC.substring(0, PYTHON_BIOC.indexOf("In rats.")));
        FormatException e = assertThrows(FormatException.class, () -> reader.read(f));
        assertEquals(10, e.line(), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"offset\": 99999999999", "\"offset\": 1.5", "\"offset\": \"10\"", "\"offset\": -10",
            "\"offset\": 10, \"offset\": 10", "\"offset\": null" })
    void badOffsetsNameTheirLine(String offset) throws Exception {
        Path f = write(PYTHON_BIOC.replace("\"offset\": 10, \"length\": 8", offset + ", \"length\": 8"));
        assertEquals(9, assertThrows(FormatException.class, () -> reader.read(f)).line(), offset);
    }

    @Test
    void wrongShapesAreErrors() throws Exception {
        assertEquals(1, assertThrows(FormatException.class, () -> reader.read(write("[]"))).line());
        assertEquals(1, assertThrows(FormatException.class, () -> reader.read(write("{\"documents\": {}}"))).line());
        assertEquals(2, assertThrows(FormatException.class,
                () -> reader.read(write("{\"documents\": [\n{\"id\": 5, \"passages\": []}]}"))).line());
        assertEquals(2, assertThrows(FormatException.class,
                () -> reader.read(write("{\"documents\": [\n{\"passages\": []}]}"))).line());
        assertEquals(1, assertThrows(FormatException.class, () -> reader.read(write("{} {}"))).line());
        assertTrue(assertThrows(FormatException.class, () -> reader.read(write(""))).reason().contains("not a JSON object"));
        assertEquals(4, assertThrows(FormatException.class,
                () -> reader.read(write(PYTHON_BIOC.replace("\"infons\": {\"type\": \"title\"}", "\"infons\": {\"type\": [\"title\"]}")))).line());
    }

    @Test
    void invalidUtf8IsRefused() throws Exception {
        Path f = tmp.resolve("latin1.json");
        Files.write(f, PYTHON_BIOC.replace("In rats.", "Caf\u00e9 rats").getBytes(StandardCharsets.ISO_8859_1));
        FormatException e = assertThrows(FormatException.class, () -> reader.read(f));
        assertEquals(10, e.line());
        assertTrue(e.reason().contains("UTF-8"), e.getMessage());
    }

    @Test
    void byteOrderMarkAndWindowsLineEndingsAreAccepted() throws Exception {
        Path f = write("\uFEFF" + PYTHON_BIOC.replace("\n", "\r\n"));
        assertEquals(reader.read(write(PYTHON_BIOC)), reader.read(f));
    }

    @Test
    void documentLevelAnnotationsAndSentencesAreRead() throws Exception {
        Path f = write("""
                {"source": "", "date": "", "key": "", "infons": {}, "documents": [{"id": "1", "infons": {},
                 "passages": [{"offset": 0, "infons": {"type": "abstract"},
                   "sentences": [{"offset": 0, "infons": {}, "text": "胃癌。", "annotations": [], "relations": []},
                                 {"offset": 4, "infons": {}, "text": "𠮷肺炎。", "annotations": [], "relations": []}],
                   "annotations": [], "relations": []}],
                 "annotations": [{"id": "T1", "infons": {"type": "dis"}, "text": "肺炎", "locations": [{"offset": 5, "length": 2}]}],
                 "relations": []}]}
                """);
        Document d = reader.read(f).get(0);
        assertEquals("胃癌。 𠮷肺炎。", d.text());
        assertEquals(Language.CHINESE, d.language());
        assertEquals(List.of(new Span(6, 8)), d.mentions().get(0).spans());
        assertEquals(List.of(new Passage("abstract", new Span(0, 9))), d.passages());
        assertEquals(Map.of(), d.metadata());
    }

    private Path write(String content) throws IOException {
        Path f = Files.createTempFile(tmp, "bioc", ".json");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }
}
