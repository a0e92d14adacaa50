package taiyi.workbench.formats.conll;

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
import org.junit.jupiter.params.provider.CsvSource;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.testing.TestCorpora;

class ConllReaderTest {

    @TempDir
    Path tmp;

    private final ConllReader reader = new ConllReader();

    @Test
    void readsTheNcbiDiseaseDevelopmentSetWithCountsTakenFromTheFile() throws Exception {
        Path file = TestCorpora.file("ncbi-disease/conll/devel.tsv");
        int sentences = 0;
        int entities = 0;
        boolean inSentence = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                inSentence = false;
                continue;
            }
            if (!inSentence) {
                sentences++;
                inSentence = true;
            }
            if (line.endsWith("\tB-Disease")) {
                entities++;
            }
        }
        List<Document> docs = reader.read(file);
        assertEquals(sentences, docs.size());
        assertEquals(entities, docs.stream().mapToInt(d -> d.mentions().size()).sum());
        // the same 787 mentions as the PubTator and brat versions of the devel set (SOURCES.md)
        assertEquals(787, entities);
        assertEquals(923, sentences);
        Document second = docs.get(1);
        assertEquals("devel-2", second.id());
        assertTrue(second.text().startsWith("Germline mutations in BRCA1"), second.text());
        EntityMention m = second.mentions().get(0);
        assertEquals("inherited breast and ovarian cancer", m.coveredText(second.text()));
        assertEquals("Disease", m.type());
        assertTrue(docs.stream().allMatch(d -> d.language() == Language.ENGLISH));
    }

    @Test
    void entitiesFollowTheBioTags() throws Exception {
        Document d = reader.read(write("s.tsv", "Breast\tB-Dis\ncancer\tI-Dis\nand\tO\nBRCA1\tB-Gene\nBRCA2\tB-Gene\n")).get(0);
        assertEquals("Breast cancer and BRCA1 BRCA2", d.text());
        assertEquals(List.of(EntityMention.of("T1", "Dis", 0, 13, List.of()), EntityMention.of("T2", "Gene", 18, 23, List.of()),
                EntityMention.of("T3", "Gene", 24, 29, List.of())), d.mentions());
    }

    @Test
    void anInsideTagStartsAnEntityAfterOutsideOrAnotherType() throws Exception {
        // IOB1 starts entities with I-; an I- of another type cannot continue the open entity
        Document d = reader.read(write("iob1.tsv", "fever\tI-Sym\nhigh\tI-Sym\nlung\tI-Body\ncough\tI-Sym\n")).get(0);
        assertEquals(List.of(new Span(0, 10), new Span(11, 15), new Span(16, 21)),
                d.mentions().stream().map(m -> m.spans().get(0)).toList());
        assertEquals(List.of("Sym", "Body", "Sym"), d.mentions().stream().map(EntityMention::type).toList());
    }

    @Test
    void eachSentenceIsADocumentAndDocstartSectionsAreKeptInMetadata() throws Exception {
        Path f = write("set.conll", "-DOCSTART-\tO\n\nA\tO\n\nB\tO\n\n\n-DOCSTART- -X- -X- O\nC\tB-X\n");
        List<Document> docs = reader.read(f);
        assertEquals(List.of("set-1", "set-2", "set-3"), docs.stream().map(Document::id).toList());
        assertEquals(List.of("1", "1", "2"), docs.stream().map(d -> d.metadata().get(ConllReader.SOURCE_DOCUMENT)).toList());
        assertEquals(Map.of(), reader.read(write("plain.tsv", "A\tO\n")).get(0).metadata());
    }

    @Test
    void chineseCharactersAreJoinedWithSpacesLikeAnyToken() throws Exception {
        Document d = reader.read(write("zh.tsv", "𠮷\tO\n肺\tB-bod\n实\tI-dis\n变\tI-dis\n，\tO\n")).get(0);
        assertEquals("𠮷 肺 实 变 ，", d.text());
        assertEquals(List.of(new Span(3, 4), new Span(5, 8)), d.mentions().stream().map(m -> m.spans().get(0)).toList());
        assertEquals(Language.CHINESE, d.language());
    }

    @Test
    void byteOrderMarkAndWindowsLineEndingsAreAccepted() throws Exception {
        Document d = reader.read(write("crlf.tsv", "\uFEFFFever\tB-Sym\r\n.\tO\r\n\r\n")).get(0);
        assertEquals("Fever .", d.text());
        assertEquals("Fever", d.mentions().get(0).coveredText(d.text()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "one column|a\\tO\\nb\\n|2|expected token<TAB>tag",
        "three columns|a\\tNN\\tO\\n|1|3 columns",
        "unknown tag|a\\tO\\nb\\tE-X\\n|2|not O, B-Type or I-Type",
        "tag without type|a\\tB-\\n|1|not O, B-Type or I-Type",
        "lower-case tag|a\\to\\n|1|not O, B-Type or I-Type",
        "empty token|\\tO\\n|1|empty token",
    })
    void malformedLinesNameTheirLine(String what, String content, int line, String reason) throws Exception {
        Path f = write("bad.tsv", content.replace("\\t", "\t").replace("\\n", "\n"));
        FormatException e = assertThrows(FormatException.class, () -> reader.read(f), what);
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.reason().contains(reason), e.getMessage());
        assertTrue(e.getMessage().startsWith(f + ":" + line + ": "), e.getMessage());
    }

    @Test
    void invalidUtf8IsRefusedWithItsLine() throws Exception {
        Path f = tmp.resolve("latin1.tsv");
        Files.write(f, "a\tO\n\nCaf\u00e9\tO\n".getBytes(StandardCharsets.ISO_8859_1));
        FormatException e = assertThrows(FormatException.class, () -> reader.read(f));
        assertEquals(3, e.line());
        assertTrue(e.reason().contains("UTF-8"), e.getMessage());
    }

    @Test
    void anEmptyFileHasNoSentences() throws Exception {
        assertEquals(List.of(), reader.read(write("empty.tsv", "\n\n")));
    }

    private Path write(String name, String content) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }
}
