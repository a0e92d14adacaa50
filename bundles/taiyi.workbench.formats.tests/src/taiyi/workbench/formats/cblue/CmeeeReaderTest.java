package taiyi.workbench.formats.cblue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
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
import taiyi.workbench.core.model.Span;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.testing.TestCorpora;

class CmeeeReaderTest {

    @TempDir
    Path tmp;

    private final CmeeeReader reader = new CmeeeReader();

    static Path devSubset() {
        return TestCorpora.file("cmeee/CMeEE_dev_subset.json");
    }

    @Test
    void readsTheDevelopmentSubsetWithTheDocumentedCounts() throws Exception {
        List<Document> docs = reader.read(devSubset());
        // testdata/SOURCES.md: 500 sentences, 2192 entities, and the count of each type
        assertEquals(500, docs.size());
        assertEquals(2192, docs.stream().mapToInt(d -> d.mentions().size()).sum());
        Map<String, Integer> byType = new TreeMap<>();
        docs.forEach(d -> d.mentions().forEach(m -> byType.merge(m.type(), 1, Integer::sum)));
        assertEquals(Map.of("bod", 648, "dis", 529, "sym", 484, "pro", 206, "dru", 140, "ite", 94, "mic", 65, "equ", 16,
                "dep", 10), byType);
        assertEquals("CMeEE_dev_subset-1", docs.get(0).id());
        assertEquals("CMeEE_dev_subset-500", docs.get(499).id());
        assertTrue(docs.stream().allMatch(d -> d.language() == Language.CHINESE));
    }

    @Test
    void everyDocumentIsChineseEvenWhereLatinNamesWouldMisleadDetection() throws Exception {
        List<Document> docs = reader.read(devSubset());
        // a reference list of the subset is mostly Latin author names: detection alone would call it English
        List<Document> misleading = docs.stream().filter(d -> Language.detect(d.text()) == Language.ENGLISH).toList();
        assertEquals(1, misleading.size());
        assertTrue(misleading.get(0).text().startsWith("参考文献"), misleading.get(0).text());
        assertEquals(Language.CHINESE, misleading.get(0).language());
    }

    @Test
    void inclusiveEndsBecomeHalfOpenSpansAndNestedEntitiesAreKept() throws Exception {
        List<Document> docs = reader.read(devSubset());
        Document first = docs.get(0);
        assertEquals(List.of(EntityMention.of("T1", "bod", 3, 10, List.of()), EntityMention.of("T2", "dis", 19, 25, List.of())),
                first.mentions());
        assertEquals("SARST细胞", first.mentions().get(0).coveredText(first.text()));
        Document second = docs.get(1);
        // 肺部 (18..19) lies inside 肺部可闻及啰音 (18..24): both are kept
        assertEquals("肺部", second.mentions().get(1).coveredText(second.text()));
        assertEquals(new Span(18, 20), second.mentions().get(1).spans().get(0));
        assertEquals("肺部可闻及啰音", second.mentions().get(2).coveredText(second.text()));
        assertEquals(new Span(18, 25), second.mentions().get(2).spans().get(0));
        long nestedOrOverlapping = docs.stream().mapToLong(d -> d.mentions().stream()
                .filter(a -> d.mentions().stream().anyMatch(b -> a != b && a.spans().get(0).overlaps(b.spans().get(0))))
                .count()).sum();
        assertTrue(nestedOrOverlapping > 100, "nested or overlapping mentions: " + nestedOrOverlapping);
    }

    @Test
    void codePointOffsetsAreConvertedAcrossSurrogatePairs() throws Exception {
        // 𠮷 is one character for CBLUE (Python) and two UTF-16 chars for the model
        Path f = write("""
                [{"text": "𠮷野家：胃炎（慢性），𠮷", "entities": [
                  {"start_idx": 0, "end_idx": 0, "type": "bod", "entity": "𠮷"},
                  {"start_idx": 4, "end_idx": 5, "type": "dis", "entity": "胃炎"},
                  {"start_idx": 4, "end_idx": 9, "type": "dis", "entity": "胃炎（慢性）"},
                  {"start_idx": 11, "end_idx": 11, "type": "bod", "entity": "𠮷"}]}]
                """);
        Document d = reader.read(f).get(0);
        assertEquals(List.of(new Span(0, 2), new Span(5, 7), new Span(5, 11), new Span(12, 14)),
                d.mentions().stream().map(m -> m.spans().get(0)).toList());
        assertEquals(List.of("𠮷", "胃炎", "胃炎（慢性）", "𠮷"), d.mentions().stream().map(m -> m.coveredText(d.text())).toList());
        assertEquals(List.of("T1", "T2", "T3", "T4"), d.mentions().stream().map(EntityMention::id).toList());
    }

    @Test
    void anIdFieldIsKeptAndMissingEntitiesReadAsNone() throws Exception {
        Path f = write("""
                [{"id": "s17", "text": "咳嗽。", "entities": []},
                 {"id": 42, "text": "发热。"},
                 {"text": "无。", "label": "ignored"}]
                """);
        List<Document> docs = reader.read(f);
        assertEquals(List.of("s17", "42", stem(f) + "-3"), docs.stream().map(Document::id).toList());
        assertTrue(docs.stream().allMatch(d -> d.mentions().isEmpty()));
    }

    @Test
    void anEntityThatDisagreesWithTheTextFailsAtItsLineAndColumn() throws Exception {
        Path f = write("""
                [
                  {"text": "患者发热。",
                   "entities": [
                     {"start_idx": 2, "end_idx": 3, "type": "sym", "entity": "发热"},
                     {"start_idx": 1, "end_idx": 2, "type": "sym", "entity": "发热"}
                   ]}
                ]
                """);
        FormatException e = assertThrows(FormatException.class, () -> reader.read(f));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().startsWith(f + ":5:6: "), e.getMessage());
        assertEquals(6, e.column());
        assertTrue(e.reason().contains("者发"), e.getMessage());
    }

    @Test
    void badOffsetsFailAtTheirEntity() throws Exception {
        String template = "[\n{\"text\": \"患者发热。\", \"entities\": [\n{\"start_idx\": %s, \"end_idx\": %s, \"type\": \"sym\", \"entity\": \"发热\"}]}]";
        for (String[] offsets : new String[][] {{"99999999999", "3"}, {"2", "99999999999999999999999"}, {"-2", "3"},
                {"2.0", "3"}, {"\"2\"", "3"}, {"3", "2"}, {"4", "5"}, {"2", "null"}}) {
            Path f = write(String.format(template, offsets[0], offsets[1]));
            FormatException e = assertThrows(FormatException.class, () -> reader.read(f), String.join(",", offsets));
            assertEquals(3, e.line(), e.getMessage());
        }
    }

    @Test
    void malformedFilesFailWithTheirLine() throws Exception {
        assertEquals(2, lineOfError("[\n{\"text\": \"发热\", \"entities\": ["));
        assertEquals(1, lineOfError("{\"text\": \"发热\"}"));
        assertEquals(2, lineOfError("[\n{\"entities\": []}]"));
        assertEquals(2, lineOfError("[\n{\"text\": \"发热\", \"text\": \"咳嗽\"}]"));
        assertEquals(2, lineOfError("[{\"text\": \"发热\"}]\n[]"));
        assertEquals(3, lineOfError("[{\"text\": \"发热\", \"entities\": [\n\n{\"start_idx\": 0, \"end_idx\": 1, \"entity\": \"发热\"}]}]"));
        assertEquals(1, lineOfError("[{\"text\": \"发热\", \"entities\": [{\"start_idx\": 0, \"end_idx\": 1, \"type\": \" \", \"entity\": \"发热\"}]}]"));
        assertEquals(1, lineOfError("[{\"text\": \"发热\", \"entities\": null}]"));
        assertEquals(1, lineOfError("[{\"text\": 5}]"));
        assertEquals(1, lineOfError("[{\"id\": \" \", \"text\": \"发热\"}]"));
        assertEquals(1, lineOfError("[3]"));
        assertEquals(1, lineOfError(""));
    }

    @Test
    void invalidUtf8FailsAtItsLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("[\n{\"text\": \"发热\"},\n{\"text\": \"".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes("\"}]".getBytes(StandardCharsets.UTF_8));
        Path f = tmp.resolve("latin1.json");
        Files.write(f, bytes.toByteArray());
        FormatException e = assertThrows(FormatException.class, () -> reader.read(f));
        assertEquals(3, e.line());
        assertTrue(e.reason().contains("UTF-8"), e.getMessage());
    }

    @Test
    void byteOrderMarkAndWindowsLineEndingsAreAccepted() throws Exception {
        Path f = write("\uFEFF[\r\n{\"text\": \"患者发热。\",\r\n\"entities\": [{\"start_idx\": 2, \"end_idx\": 3, \"type\": \"sym\", \"entity\": \"发热\"}]}\r\n]\r\n");
        Document d = reader.read(f).get(0);
        assertEquals("患者发热。", d.text());
        assertEquals("发热", d.mentions().get(0).coveredText(d.text()));
        // CRLF still counts one line per break
        Path bad = write("[\r\n{\"text\": \"患者\",\r\n\"entities\": [{\"start_idx\": 0, \"end_idx\": 1, \"type\": \"sym\", \"entity\": \"发热\"}]}\r\n]\r\n");
        assertEquals(3, assertThrows(FormatException.class, () -> reader.read(bad)).line());
    }

    private int lineOfError(String content) throws IOException {
        Path f = write(content);
        return assertThrows(FormatException.class, () -> reader.read(f), content).line();
    }

    private Path write(String content) throws IOException {
        Path f = Files.createTempFile(tmp, "cmeee", ".json");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    private static String stem(Path f) {
        String name = f.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }
}
