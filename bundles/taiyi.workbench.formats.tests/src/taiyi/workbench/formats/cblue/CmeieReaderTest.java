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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.formats.FormatException;

class CmeieReaderTest {

    /**
     * Sentences in the published CMeIE shape, laid out as {@code json.dumps(ensure_ascii=False)}
     * writes them. testdata has no CMeIE file (SOURCES.md), so these stand in for one.
     */
    static final List<String> SAMPLE = List.of(
            "{\"text\": \"13-三体综合征@患儿常伴有泌尿系畸形，如多囊肾、肾积水等。\", \"spo_list\": ["
                    + triple(false, "并发症", "13-三体综合征", "疾病", "泌尿系畸形", "疾病") + ", "
                    + triple(false, "并发症", "13-三体综合征", "疾病", "多囊肾", "疾病") + ", "
                    + triple(false, "并发症", "13-三体综合征", "疾病", "肾积水", "疾病") + "]}",
            "{\"text\": \"慢性胰腺炎@ ### 低剂量放射 自1964年起，有几项病例系列报道称外照射 (5-50Gy) 可以有效改善慢性胰腺炎患者的疼痛症状。\", \"spo_list\": ["
                    + triple(true, "放射治疗", "慢性胰腺炎", "疾病", "外照射", "其他治疗") + ", "
                    + triple(false, "临床表现", "慢性胰腺炎", "疾病", "疼痛", "症状") + "]}",
            "{\"text\": \"𠮷性贫血@患者可出现乏力、头晕，严重者可出现心力衰竭。\", \"spo_list\": ["
                    + triple(false, "临床表现", "𠮷性贫血", "疾病", "乏力", "症状") + ", "
                    + triple(false, "并发症", "𠮷性贫血", "疾病", "心力衰竭", "疾病") + ", "
                    + triple(false, "临床表现", "𠮷性贫血", "疾病", "心力衰竭", "症状") + "]}",
            "{\"text\": \"无相关描述。\", \"spo_list\": []}");

    static String triple(boolean combined, String predicate, String subject, String subjectType, String object,
            String objectType) {
        return "{\"Combined\": " + combined + ", \"predicate\": \"" + predicate + "\", \"subject\": \"" + subject
                + "\", \"subject_type\": \"" + subjectType + "\", \"object\": {\"@value\": \"" + object
                + "\"}, \"object_type\": {\"@value\": \"" + objectType + "\"}}";
    }

    @TempDir
    Path tmp;

    private final CmeieReader reader = new CmeieReader();

    Path sampleFile() throws IOException {
        Path f = tmp.resolve("CMeIE_sample.jsonl");
        Files.writeString(f, String.join("\n", SAMPLE) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void triplesBecomeMentionsAndRelations() throws Exception {
        List<Document> docs = reader.read(sampleFile());
        assertEquals(4, docs.size());
        assertEquals(List.of("CMeIE_sample-1", "CMeIE_sample-2", "CMeIE_sample-3", "CMeIE_sample-4"),
                docs.stream().map(Document::id).toList());
        assertEquals(List.of(4, 3, 4, 0), docs.stream().map(d -> d.mentions().size()).toList());
        assertEquals(List.of(3, 2, 3, 0), docs.stream().map(d -> d.relations().size()).toList());
        assertTrue(docs.stream().allMatch(d -> d.language() == Language.CHINESE));
        Document first = docs.get(0);
        // one subject named by three triples is one mention
        assertEquals(EntityMention.of("T1", "疾病", 0, 8, List.of()), first.mentions().get(0));
        assertEquals(List.of(new Relation("R1", "并发症", "T1", "T2"), new Relation("R2", "并发症", "T1", "T3"),
                new Relation("R3", "并发症", "T1", "T4")), first.relations());
        assertEquals(List.of("13-三体综合征", "泌尿系畸形", "多囊肾", "肾积水"),
                first.mentions().stream().map(m -> m.coveredText(first.text())).toList());
    }

    @Test
    void argumentsArePlacedAtTheirFirstOccurrence() throws Exception {
        Document second = reader.read(sampleFile()).get(1);
        // 慢性胰腺炎 occurs twice; the mention is the first
        assertEquals(2, second.text().split("慢性胰腺炎", -1).length - 1);
        assertEquals(0, second.mentions().get(0).start());
        assertEquals(List.of("疾病", "其他治疗", "症状"), second.mentions().stream().map(EntityMention::type).toList());
        assertEquals(Map.of(CmeieReader.COMBINED_RELATIONS, "R1"), second.metadata());
    }

    @Test
    void oneSurfaceWithTwoTypesIsTwoMentionsOverTheSameTextAndOffsetsCountUtf16() throws Exception {
        Document third = reader.read(sampleFile()).get(2);
        // 𠮷 takes two UTF-16 chars, so 乏力 starts at 11, not 10
        assertEquals(EntityMention.of("T1", "疾病", 0, 5, List.of()), third.mentions().get(0));
        assertEquals(EntityMention.of("T2", "症状", 11, 13, List.of()), third.mentions().get(1));
        EntityMention failureAsDisease = third.mentions().get(2);
        EntityMention failureAsSymptom = third.mentions().get(3);
        assertEquals("疾病", failureAsDisease.type());
        assertEquals("症状", failureAsSymptom.type());
        assertEquals(failureAsDisease.spans(), failureAsSymptom.spans());
        assertEquals("心力衰竭", failureAsSymptom.coveredText(third.text()));
    }

    @Test
    void firstOccurrenceNeverSplitsASurrogatePair() {
        // the low half of 𠮷 followed by x is not "\uDFB7x" standing alone
        assertEquals(-1, CmeieReader.firstOccurrence("𠮷x", "\uDFB7x"));
        assertEquals(3, CmeieReader.firstOccurrence("𠮷x\uDFB7x", "\uDFB7x"));
        assertEquals(2, CmeieReader.firstOccurrence("𠮷x𠮷x", "x"));
    }

    @Test
    void anArgumentMissingFromTheTextFailsAtItsLineAndTriple() throws Exception {
        String bad = "{\"text\": \"患者发热。\", \"spo_list\": [" + triple(false, "临床表现", "感冒", "疾病", "发热", "症状") + "]}";
        Path f = tmp.resolve("bad.jsonl");
        Files.writeString(f, SAMPLE.get(0) + "\n\n" + bad + "\n", StandardCharsets.UTF_8);
        FormatException e = assertThrows(FormatException.class, () -> reader.read(f));
        assertEquals(3, e.line());
        int column = bad.indexOf("{\"Combined\"") + 1;
        assertTrue(e.getMessage().startsWith(f + ":3:" + column + ": "), e.getMessage());
        assertEquals(column, e.column());
        assertTrue(e.reason().contains("感冒"), e.getMessage());
    }

    @Test
    void malformedLinesFailWithTheirLine() throws Exception {
        String good = SAMPLE.get(3);
        assertEquals(2, lineOfError(good + "\n{\"text\": \"发热\", \"spo_list\": [\n" + good));
        assertEquals(2, lineOfError(good + "\n[]"));
        assertEquals(2, lineOfError(good + "\n{\"text\": \"发热\"} {\"text\": \"咳嗽\"}"));
        assertEquals(2, lineOfError(good + "\n{\"spo_list\": []}"));
        assertEquals(2, lineOfError(good + "\n{\"text\": \"发热\", \"text\": \"咳嗽\"}"));
        assertEquals(3, lineOfError(good + "\n" + good + "\n{\"text\": \"发热\", \"spo_list\": [{\"predicate\": \"p\", \"subject\": \"发热\", "
                + "\"subject_type\": \"症状\", \"object\": {\"@value\": \"发热\"}}]}"));
        assertEquals(1, lineOfError("{\"text\": \"发热\", \"spo_list\": [" + triple(false, "p", "发", "症状", "热", "症状")
                .replace("\"Combined\": false", "\"Combined\": \"no\"") + "]}"));
        assertEquals(1, lineOfError("{\"text\": \"发热\", \"spo_list\": [" + triple(false, "p", "发", "症状", "热", "症状")
                .replace("{\"@value\": \"热\"}", "{\"@value\": \"热\", \"inArea\": \"x\"}") + "]}"));
        assertEquals(1, lineOfError("{\"text\": \"发热\", \"spo_list\": [" + triple(false, " ", "发", "症状", "热", "症状") + "]}"));
        assertEquals(1, lineOfError("{\"text\": \"发热\", \"spo_list\": [" + triple(false, "p", "", "症状", "热", "症状") + "]}"));
        assertEquals(1, lineOfError("{\"id\": 1e3, \"text\": \"发热\"}"));
    }

    @Test
    void invalidUtf8FailsAtItsLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((SAMPLE.get(0) + "\n" + SAMPLE.get(3) + "\n{\"text\": \"").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xE6, (byte) 0x82});
        bytes.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
        Path f = tmp.resolve("broken.jsonl");
        Files.write(f, bytes.toByteArray());
        FormatException e = assertThrows(FormatException.class, () -> reader.read(f));
        assertEquals(3, e.line());
        assertTrue(e.reason().contains("UTF-8"), e.getMessage());
    }

    @Test
    void byteOrderMarkWindowsLineEndingsAndBlankLinesAreAccepted() throws Exception {
        Path f = tmp.resolve("crlf.jsonl");
        Files.writeString(f, "\uFEFF" + SAMPLE.get(0) + "\r\n\r\n" + SAMPLE.get(1) + "\r\n", StandardCharsets.UTF_8);
        List<Document> docs = reader.read(f);
        assertEquals(2, docs.size());
        assertEquals("crlf-2", docs.get(1).id());
        assertEquals(reader.read(sampleFile()).get(1).mentions(), docs.get(1).mentions());
    }

    @Test
    void anIdFieldIsKept() throws Exception {
        Path f = tmp.resolve("ids.jsonl");
        Files.writeString(f, "{\"id\": \"s9\", \"text\": \"发热\", \"spo_list\": []}\n{\"id\": 10, \"text\": \"咳嗽\"}\n");
        assertEquals(List.of("s9", "10"), reader.read(f).stream().map(Document::id).toList());
    }

    private int lineOfError(String content) throws IOException {
        Path f = Files.createTempFile(tmp, "cmeie", ".jsonl");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return assertThrows(FormatException.class, () -> reader.read(f), content).line();
    }
}
