package taiyi.workbench.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.testing.TestCorpora;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.conll.ConllReader;
import taiyi.workbench.formats.pubtator.PubTatorReader;
import taiyi.workbench.formats.text.PlainTextReader;
import taiyi.workbench.formats.text.TextLayout;

/**
 * A line-based file cut short (no line end after its last line) still imports, but the reader warns,
 * naming the file, the last line and the document that may be truncated; the real files, which end
 * with a line end, read without a warning.
 */
class UnterminatedLastLineTest {

    @TempDir
    Path tmp;

    private record Read(List<Document> documents, List<FormatWarning> warnings) {
    }

    private static Read read(DocumentReader reader, Path file) throws FormatException {
        List<FormatWarning> warnings = new ArrayList<>();
        List<Document> documents = reader.read(file, warnings::add);
        return new Read(documents, warnings);
    }

    private static int lineCount(Path file) throws Exception {
        return (int) Files.readString(file, StandardCharsets.UTF_8).lines().count();
    }

    @Test
    void aPubTatorFileCutInItsLastAbstractWarnsAndNamesTheDocument() throws Exception {
        Path real = TestCorpora.file("ncbi-disease/pubtator/NCBIdevelopset_corpus.txt");
        Read whole = read(new PubTatorReader(), real);
        assertEquals(List.of(), whole.warnings());

        // the last abstract without its annotation lines and cut mid-sentence
        String text = Files.readString(real, StandardCharsets.UTF_8);
        Document last = whole.documents().get(whole.documents().size() - 1);
        int abstractLine = text.indexOf(last.id() + "|a|");
        int lineEnd = text.indexOf('\n', abstractLine);
        Path cut = Files.writeString(tmp.resolve("cut.txt"), text.substring(0, (abstractLine + lineEnd) / 2), StandardCharsets.UTF_8);

        Read read = read(new PubTatorReader(), cut);
        assertEquals(whole.documents().size(), read.documents().size(), "the cut file still imports every document");
        assertEquals(1, read.warnings().size(), read.warnings().toString());
        FormatWarning warning = read.warnings().get(0);
        assertEquals(cut, warning.file());
        assertEquals(lineCount(cut), warning.line());
        assertTrue(warning.toString().startsWith(cut + ":" + lineCount(cut) + ":"), warning.toString());
        assertTrue(warning.message().contains("document " + last.id() + " may be truncated"), warning.message());
    }

    @Test
    void aCoNllFileCutInItsLastTokenLineWarns() throws Exception {
        Path real = TestCorpora.file("ncbi-disease/conll/devel.tsv");
        assertEquals(List.of(), read(new ConllReader(), real).warnings());
        // cut after the last token line's tag (a cut inside a line would be refused as a bad line)
        Path cut = Files.writeString(tmp.resolve("devel.tsv"), Files.readString(real, StandardCharsets.UTF_8).stripTrailing(),
                StandardCharsets.UTF_8);
        Read read = read(new ConllReader(), cut);
        assertEquals(1, read.warnings().size(), read.warnings().toString());
        assertEquals(lineCount(cut), read.warnings().get(0).line());
        String lastId = read.documents().get(read.documents().size() - 1).id();
        assertTrue(read.warnings().get(0).message().contains("document " + lastId), read.warnings().toString());
    }

    @Test
    void aTextLinesFileWithoutItsLastLineEndWarnsButAWholeTextFileDoesNot() throws Exception {
        Path lines = Files.writeString(tmp.resolve("sentences.txt"), "Cisplatin causes nephrotoxicity.\n顺铂可致肾毒性。\nRenal fail",
                StandardCharsets.UTF_8);
        Read read = read(new PlainTextReader(TextLayout.ONE_PER_LINE), lines);
        assertEquals(3, read.documents().size());
        assertEquals(1, read.warnings().size());
        assertEquals(3, read.warnings().get(0).line());
        assertTrue(read.warnings().get(0).message().contains("document sentences-3"), read.warnings().toString());

        Files.writeString(lines, "Cisplatin causes nephrotoxicity.\r\n顺铂可致肾毒性。\r\n", StandardCharsets.UTF_8);
        assertEquals(List.of(), read(new PlainTextReader(TextLayout.ONE_PER_LINE), lines).warnings());
        // one document per file: a text without a final newline is ordinary
        Files.writeString(lines, "Renal fail", StandardCharsets.UTF_8);
        assertEquals(List.of(), read(new PlainTextReader(TextLayout.WHOLE_FILE), lines).warnings());
    }
}
