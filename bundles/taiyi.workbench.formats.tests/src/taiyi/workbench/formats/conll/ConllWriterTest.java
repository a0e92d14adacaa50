package taiyi.workbench.formats.conll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import taiyi.workbench.core.model.Span;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.testing.TestCorpora;

class ConllWriterTest {

    @TempDir
    Path tmp;

    private final ConllReader reader = new ConllReader();
    private final ConllWriter writer = new ConllWriter();

    @Test
    void theNcbiDiseaseFileRoundTripsToEqualDocumentsAndTheSameBytes() throws Exception {
        Path source = TestCorpora.file("ncbi-disease/conll/devel.tsv");
        List<Document> docs = reader.read(source);
        Path out = tmp.resolve("devel.tsv");
        ConllWriter.WriteSummary summary = writer.writeWithSummary(docs, out);
        assertEquals(new ConllWriter.WriteSummary(923, 787, 0), summary);
        assertEquals(docs, reader.read(out));
        // its tokens are exactly what the writer's tokeniser finds in the space-joined text
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(out));
    }

    @Test
    void tokensAreLetterDigitRunsSinglePunctuationAndSingleHanCharacters() {
        String text = "BRCA1-associated 𠮷野家，肺实变（2.5mg）\u3000café";
        List<String> tokens = ConllWriter.tokens(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
        assertEquals(List.of("BRCA1", "-", "associated", "𠮷", "野", "家", "，", "肺", "实", "变", "（", "2", ".", "5mg", "）",
                "café"), tokens);
    }

    @Test
    void mentionsBecomeBioTagsAndChineseTextOneCharacterPerToken() throws Exception {
        String text = "𠮷患者肺实变，fever high";
        Document d = new Document("zh", Language.CHINESE, text, List.of(), Map.of(),
                List.of(EntityMention.of("T1", "dis", 4, 7, List.of(Normalization.parse("D1"))),
                        EntityMention.of("T2", "sym", 8, 18, List.of())),
                List.of());
        Path out = tmp.resolve("zh.tsv");
        writer.write(List.of(d), out);
        assertEquals("𠮷\tO\n患\tO\n者\tO\n肺\tB-dis\n实\tI-dis\n变\tI-dis\n，\tO\nfever\tB-sym\nhigh\tI-sym\n\n",
                Files.readString(out));
        // CoNLL holds tokens and flat typed entities only: the concept D1 does not come back, and the
        // text comes back with its tokens joined by spaces
        Document back = reader.read(out).get(0);
        assertEquals("𠮷 患 者 肺 实 变 ， fever high", back.text());
        assertEquals(List.of("肺 实 变", "fever high"), back.mentions().stream().map(m -> m.coveredText(back.text())).toList());
    }

    @Test
    void overlappingMentionsKeepTheLongestAndReportTheDropped() throws Exception {
        String text = "acute lung injury and lung cancer";
        Document d = new Document("o", Language.ENGLISH, text, List.of(), Map.of(), List.of(
                EntityMention.of("T1", "bod", 6, 10, List.of()),
                EntityMention.of("T2", "dis", 0, 17, List.of()),
                EntityMention.of("T3", "dis", 11, 21, List.of()),
                EntityMention.of("T4", "bod", 22, 26, List.of()),
                EntityMention.of("T5", "dis", 22, 33, List.of())), List.of());
        ConllWriter.WriteSummary summary = writer.writeWithSummary(List.of(d), tmp.resolve("o.tsv"));
        assertEquals(new ConllWriter.WriteSummary(1, 2, 3), summary);
        Document back = reader.read(tmp.resolve("o.tsv")).get(0);
        assertEquals(List.of("acute lung injury", "lung cancer"),
                back.mentions().stream().map(m -> m.coveredText(back.text())).toList());
    }

    @Test
    void aDiscontinuousMentionIsOneEntityPerSpan() throws Exception {
        String text = "breast and ovarian cancer";
        Document d = new Document("dis", Language.ENGLISH, text, List.of(), Map.of(),
                List.of(new EntityMention("T1", "Disease", List.of(new Span(0, 6), new Span(19, 25)), List.of())), List.of());
        writer.write(List.of(d), tmp.resolve("d.tsv"));
        assertEquals("breast\tB-Disease\nand\tO\novarian\tO\ncancer\tB-Disease\n\n", Files.readString(tmp.resolve("d.tsv")));
    }

    @Test
    void aMentionBoundaryInsideAWordSplitsTheWord() throws Exception {
        // CMeEE tags "TT" inside "5mmTT": taggers need whole-token entities, so the word is cut at the boundary
        Document d = new Document("cut", Language.ENGLISH, "BRCA1-associated 5mmTT", List.of(), Map.of(),
                List.of(EntityMention.of("T1", "Gene", 0, 4, List.of()), EntityMention.of("T2", "sym", 20, 22, List.of())),
                List.of());
        Path out = tmp.resolve("cut.tsv");
        writer.write(List.of(d), out);
        assertEquals("BRCA\tB-Gene\n1\tO\n-\tO\nassociated\tO\n5mm\tO\nTT\tB-sym\n\n", Files.readString(out));
        Document back = reader.read(out).get(0);
        assertEquals(List.of("BRCA", "TT"), back.mentions().stream().map(m -> m.coveredText(back.text())).toList());
    }

    @Test
    void textsWithoutTokensOrMentionsOnSpacesAreRefusedAndNothingIsWritten() throws Exception {
        Path out = tmp.resolve("cut.tsv");
        Document blank = Document.ofText("blank", " \u3000 ");
        assertThrows(FormatException.class, () -> writer.write(List.of(blank), out));
        Document spaced = new Document("sp", Language.ENGLISH, "a  b", List.of(), Map.of(),
                List.of(EntityMention.of("T1", "X", 1, 2, List.of())), List.of());
        assertTrue(assertThrows(FormatException.class, () -> writer.write(List.of(spaced), out)).reason()
                .contains("covers no token"));
        Document typed = new Document("ty", Language.ENGLISH, "a b", List.of(), Map.of(),
                List.of(EntityMention.of("T1", "Sign or symptom", 0, 1, List.of())), List.of());
        assertTrue(assertThrows(FormatException.class, () -> writer.write(List.of(typed), out)).reason()
                .contains("mention T1"));
    }

    @Test
    void docstartSectionsRoundTrip() throws Exception {
        Path f = tmp.resolve("set.conll");
        Files.writeString(f, "-DOCSTART-\tO\n\nA\tB-X\n\nB\tO\n\n-DOCSTART-\tO\n\nC\tI-Y\nD\tI-Y\n\n");
        List<Document> docs = reader.read(f);
        Path out = tmp.resolve("again").resolve("set.conll");
        writer.write(docs, out);
        assertEquals(docs, reader.read(out));
        assertEquals("-DOCSTART-\tO\n\nA\tB-X\n\nB\tO\n\n-DOCSTART-\tO\n\nC\tB-Y\nD\tI-Y\n\n", Files.readString(out));
    }

    @Test
    void generatedDocumentsKeepTheirTokensAndEveryEntityNotOverlappedByALongerOne() throws Exception {
        Random random = new Random(7L);
        String[] words = {"fever", "BRCA1", "𠮷", "肺", "实变", "，", "。", "（", "2.5", "mg", "Ⅱ型", "café", "-", "咳嗽"};
        for (int round = 0; round < 30; round++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(25);
            for (int i = 0; i < n; i++) {
                sb.append(words[random.nextInt(words.length)]).append(random.nextInt(3) == 0 ? "" : random.nextBoolean()
                        ? " " : "\u3000");
            }
            String text = sb.toString();
            List<Span> tokens = ConllWriter.tokens(text);
            List<EntityMention> mentions = new ArrayList<>();
            for (int m = random.nextInt(8); m > 0; m--) {
                int first = random.nextInt(tokens.size());
                int last = Math.min(tokens.size() - 1, first + random.nextInt(3));
                mentions.add(EntityMention.of("T" + (mentions.size() + 1), random.nextBoolean() ? "dis" : "sym",
                        tokens.get(first).start(), tokens.get(last).end(), List.of()));
            }
            Document d = new Document("g" + round, Language.detect(text), text, List.of(), Map.of(), mentions, List.of());
            Path out = tmp.resolve("g" + round + ".tsv");
            ConllWriter.WriteSummary summary = writer.writeWithSummary(List.of(d), out);
            Document back = reader.read(out).get(0);
            assertEquals(String.join(" ", tokens.stream().map(s -> text.substring(s.start(), s.end())).toList()), back.text());
            assertEquals(mentions.size(), summary.entities() + summary.dropped());
            assertEquals(summary.entities(), back.mentions().size());
            // every written entity is one of the generated mentions, and every dropped one overlaps a
            // written one at least as long
            List<String> written = back.mentions().stream().map(m -> m.type() + ":" + m.coveredText(back.text())).toList();
            List<String> generated = mentions.stream()
                    .map(m -> m.type() + ":" + String.join(" ", ConllWriter.tokens(m.coveredText(text)).stream()
                            .map(s -> m.coveredText(text).substring(s.start(), s.end())).toList()))
                    .toList();
            assertTrue(generated.containsAll(written), written + " vs " + generated);
            for (EntityMention m : mentions) {
                assertTrue(overlapsAnyAtLeastAsLong(m, back, tokens),
                        "mention " + m + " neither written nor overlapped by a longer one in " + text);
            }
        }
    }

    /** Whether a written entity covers tokens of {@code m} and spans at least as many chars in the source text. */
    private static boolean overlapsAnyAtLeastAsLong(EntityMention m, Document back, List<Span> tokens) {
        List<Span> backTokens = ConllWriter.tokens(back.text());
        for (EntityMention w : back.mentions()) {
            int first = tokenIndex(backTokens, w.start());
            int last = tokenIndex(backTokens, w.end() - 1);
            Span source = new Span(tokens.get(first).start(), tokens.get(last).end());
            if (source.overlaps(m.spans().get(0)) && source.length() >= m.spans().get(0).length()) {
                return true;
            }
        }
        return false;
    }

    private static int tokenIndex(List<Span> tokens, int offset) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).contains(offset)) {
                return i;
            }
        }
        throw new AssertionError("offset " + offset + " in no token");
    }
}
