package taiyi.workbench.formats.text;

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
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.formats.Utf8File;

class PlainTextTest {

    @TempDir
    Path tmp;

    private final PlainTextReader wholeFile = new PlainTextReader(TextLayout.WHOLE_FILE);
    private final PlainTextReader perLine = new PlainTextReader(TextLayout.ONE_PER_LINE);

    @Test
    void aWholeFileIsOneDocumentNamedByItsStem() throws Exception {
        Path f = write("note.txt", "Patient has fever.\nNo cough.\n");
        List<Document> docs = wholeFile.read(f);
        assertEquals(List.of(Document.ofText("note", "Patient has fever.\nNo cough.\n")), docs);
        assertEquals(Language.ENGLISH, docs.get(0).language());
    }

    @Test
    void chineseTextWithSurrogatePairsIsReadAsIs() throws Exception {
        Path f = write("病历.txt", "𠮷患者发热三天，咳嗽。");
        Document d = wholeFile.read(f).get(0);
        assertEquals("病历", d.id());
        assertEquals("𠮷患者发热三天，咳嗽。", d.text());
        assertEquals(Language.CHINESE, d.language());
    }

    @Test
    void eachNonBlankLineIsADocumentNumberedByItsLine() throws Exception {
        Path f = write("lines.txt", "发热三天。\n\n  \nFever for three days.\n");
        List<Document> docs = perLine.read(f);
        assertEquals(List.of(Document.ofText("lines-1", "发热三天。"), Document.ofText("lines-4", "Fever for three days.")),
                docs);
        assertEquals(List.of(Language.CHINESE, Language.ENGLISH), docs.stream().map(Document::language).toList());
    }

    @Test
    void byteOrderMarkIsDroppedAndWindowsLineEndsBecomeNewlines() throws Exception {
        Path f = write("win.txt", "\uFEFFFever.\r\nCough.\r\n");
        assertEquals("Fever.\nCough.\n", wholeFile.read(f).get(0).text());
        assertEquals(List.of("Fever.", "Cough."), perLine.read(f).stream().map(Document::text).toList());
    }

    @Test
    void invalidUtf8IsRefusedWithItsLine() throws Exception {
        Path f = tmp.resolve("gbk.txt");
        byte[] gbk = "第一行\n发热\n".getBytes("GBK");
        Files.write(f, gbk);
        FormatException e = assertThrows(FormatException.class, () -> wholeFile.read(f));
        assertEquals(1, e.line());
        assertTrue(e.reason().contains("UTF-8"), e.getMessage());
        Path g = tmp.resolve("latin1.txt");
        Files.write(g, "ok\nstill ok\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(3, assertThrows(FormatException.class, () -> perLine.read(g)).line());
        Path truncated = tmp.resolve("cut.txt");
        byte[] whole = "发".getBytes(StandardCharsets.UTF_8);
        Files.write(truncated, new byte[] {whole[0], whole[1]});
        assertThrows(FormatException.class, () -> wholeFile.read(truncated));
    }

    @Test
    void aFolderOfDocumentsRoundTripsInWholeFileLayout() throws Exception {
        List<Document> docs = randomDocuments(new Random(11L), true);
        Path out = tmp.resolve("folder");
        new PlainTextWriter(TextLayout.WHOLE_FILE).write(docs, out);
        assertEquals(docs, wholeFile.read(out));
    }

    @Test
    void linesRoundTripInOnePerLineLayout() throws Exception {
        List<Document> docs = randomDocuments(new Random(12L), false);
        Path out = tmp.resolve("out").resolve("corpus.txt");
        new PlainTextWriter(TextLayout.ONE_PER_LINE).write(docs, out);
        List<Document> back = perLine.read(out);
        assertEquals(docs.size(), back.size());
        for (int i = 0; i < docs.size(); i++) {
            // the line layout names documents by line, so only the texts carry over
            assertEquals("corpus-" + (i + 1), back.get(i).id());
            assertEquals(docs.get(i).text(), back.get(i).text());
        }
    }

    @Test
    void whatWouldNotReadBackIsRefusedNamingTheDocument() throws Exception {
        PlainTextWriter lines = new PlainTextWriter(TextLayout.ONE_PER_LINE);
        Path out = tmp.resolve("refused.txt");
        for (Document d : List.of(Document.ofText("multi", "line one\nline two"), Document.ofText("cr", "a\rb"),
                Document.ofText("blank", " \u3000"), Document.ofText("bom", "\uFEFFtext"))) {
            FormatException e = assertThrows(FormatException.class, () -> lines.write(List.of(d), out), d.id());
            assertTrue(e.reason().contains("document " + d.id()), e.getMessage());
            assertFalse(Files.exists(out));
        }
        PlainTextWriter files = new PlainTextWriter(TextLayout.WHOLE_FILE);
        for (Document d : List.of(Document.ofText("crlf", "a\r\nb"), Document.ofText("../up", "x"),
                Document.ofText("con", "x"))) {
            assertThrows(FormatException.class, () -> files.write(List.of(d), tmp.resolve("f")), d.id());
            assertFalse(Files.exists(tmp.resolve("f")));
        }
    }

    @Test
    void theStrictDecoderNamesTheLineOfTheBadByte() throws Exception {
        Path f = tmp.resolve("bad.bin");
        Files.write(f, new byte[] {'a', '\n', 'b', '\n', (byte) 0xC3, '(', '\n'});
        FormatException e = assertThrows(FormatException.class, () -> Utf8File.read(f));
        assertEquals(3, e.line());
        assertTrue(e.reason().contains("0xC3"), e.getMessage());
        assertTrue(assertThrows(FormatException.class, () -> Utf8File.read(tmp.resolve("missing"))).reason()
                .startsWith("cannot read"));
    }

    private static List<Document> randomDocuments(Random random, boolean multiLine) {
        String[] pieces = {"发热", "𠮷", "，", "。", "fever", "cough", " ", "\u3000", "（2.5mg）", "é", "🙂", "\t"};
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            StringBuilder sb = new StringBuilder(pieces[random.nextInt(5)]);
            for (int n = random.nextInt(20); n > 0; n--) {
                sb.append(multiLine && random.nextInt(6) == 0 ? "\n" : pieces[random.nextInt(pieces.length)]);
            }
            docs.add(Document.ofText(String.format("doc-%02d", i), sb.toString()));
        }
        return docs;
    }

    private Path write(String name, String content) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }
}
