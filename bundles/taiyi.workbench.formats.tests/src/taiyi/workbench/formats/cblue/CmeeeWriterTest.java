package taiyi.workbench.formats.cblue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import taiyi.workbench.formats.CodePointOffsets;
import taiyi.workbench.formats.FormatException;

class CmeeeWriterTest {

    @TempDir
    Path tmp;

    private final CmeeeReader reader = new CmeeeReader();
    private final CmeeeWriter writer = new CmeeeWriter();

    @Test
    void theDevelopmentSubsetSurvivesARoundTripUnderItsOwnName() throws Exception {
        List<Document> docs = reader.read(CmeeeReaderTest.devSubset());
        Path out = tmp.resolve("CMeEE_dev_subset.json");
        writer.write(docs, out);
        List<Document> back = reader.read(out);
        assertEquals(500, back.size());
        assertEquals(2192, back.stream().mapToInt(d -> d.mentions().size()).sum());
        assertEquals(docs, back);
        // same name, so the generated ids are not written and the file is the published one (which has CRLF and no final newline)
        String published = Files.readString(CmeeeReaderTest.devSubset(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertEquals(published.strip(), Files.readString(out, StandardCharsets.UTF_8).strip());
    }

    @Test
    void underAnotherNameTheIdsAreWrittenAndKept() throws Exception {
        List<Document> docs = reader.read(CmeeeReaderTest.devSubset());
        Path out = tmp.resolve("renamed.json");
        writer.write(docs, out);
        assertTrue(Files.readString(out).contains("\"id\": \"CMeEE_dev_subset-1\""));
        assertEquals(docs, reader.read(out));
    }

    @Test
    void generatedDocumentsWithSupplementaryCharactersAndNestedMentionsSurviveARoundTrip() throws Exception {
        Random random = new Random(7);
        String[] types = {"dis", "sym", "bod", "dru", "pro"};
        List<Document> docs = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            String text = RandomChineseText.text(random, random.nextInt(40));
            CodePointOffsets offsets = new CodePointOffsets(text);
            List<EntityMention> mentions = new ArrayList<>();
            int count = offsets.codePointCount() == 0 ? 0 : random.nextInt(8);
            for (int i = 0; i < count; i++) {
                // code point boundaries, so that mentions nest, overlap and repeat but never split 𠮷
                int start = random.nextInt(offsets.codePointCount());
                int end = start + 1 + random.nextInt(offsets.codePointCount() - start);
                mentions.add(EntityMention.of("T" + (i + 1), types[random.nextInt(types.length)], offsets.toUtf16(start),
                        offsets.toUtf16(end), List.of()));
            }
            String id = random.nextBoolean() ? "generated-" + (n + 1) : "句子" + n;
            docs.add(new Document(id, Language.CHINESE, text, List.of(), Map.of(), mentions, List.of()));
        }
        Path out = tmp.resolve("generated.json");
        writer.write(docs, out);
        assertEquals(docs, reader.read(out));
    }

    @Test
    void whatCmeeeCannotHoldIsLeftOut() throws Exception {
        // concepts, relations and metadata have no place in CMeEE; the ranges and types survive
        String text = "糖尿病肾病。";
        EntityMention disease = EntityMention.of("D1", "dis", 0, 5, List.of(new Normalization("ICD10", "E11.2")));
        EntityMention organ = EntityMention.of("O1", "bod", 3, 4, List.of());
        Document d = new Document("x", Language.CHINESE, text, List.of(), Map.of("source", "test"), List.of(disease, organ),
                List.of(new Relation("R1", "位置", "D1", "O1")));
        Path out = tmp.resolve("lossy.json");
        writer.write(List.of(d), out);
        Document back = reader.read(out).get(0);
        assertEquals(List.of(EntityMention.of("T1", "dis", 0, 5, List.of()), EntityMention.of("T2", "bod", 3, 4, List.of())),
                back.mentions());
        assertTrue(back.relations().isEmpty());
    }

    @Test
    void aDiscontinuousMentionIsRefusedWithDocumentAndMentionNamedAndNothingIsWritten() throws Exception {
        EntityMention broken = new EntityMention("T7", "sym", List.of(new Span(0, 1), new Span(2, 3)), List.of());
        Document d = new Document("doc-3", Language.CHINESE, "肺部啰音", List.of(), Map.of(), List.of(broken), List.of());
        Path out = tmp.resolve("out.json");
        Files.writeString(out, "previous content");
        FormatException e = assertThrows(FormatException.class, () -> writer.write(List.of(d), out));
        assertTrue(e.reason().contains("doc-3") && e.reason().contains("T7") && e.reason().contains("discontinuous"),
                e.getMessage());
        assertEquals("previous content", Files.readString(out));
        Path fresh = tmp.resolve("fresh.json");
        assertThrows(FormatException.class, () -> writer.write(List.of(d), fresh));
        assertFalse(Files.exists(fresh));
    }

    @Test
    void aSpanThatSplitsASurrogatePairHasNoCharacterOffsets() {
        Document d = new Document("d", Language.CHINESE, "𠮷野家", List.of(), Map.of(),
                List.of(EntityMention.of("T1", "bod", 1, 3, List.of())), List.of());
        FormatException e = assertThrows(FormatException.class, () -> writer.write(List.of(d), tmp.resolve("x.json")));
        assertTrue(e.reason().contains("T1") && e.reason().contains("surrogate"), e.getMessage());
    }

    @Test
    void textUtf8CannotEncodeIsRefusedRatherThanWrittenAsQuestionMarks() {
        Document d = Document.ofText("d", "肺\uD842炎");
        FormatException e = assertThrows(FormatException.class, () -> writer.write(List.of(d), tmp.resolve("x.json")));
        assertTrue(e.reason().contains("unpaired surrogate"), e.getMessage());
    }
}
