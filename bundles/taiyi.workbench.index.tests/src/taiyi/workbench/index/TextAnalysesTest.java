package taiyi.workbench.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.formats.cblue.CmeeeReader;
import taiyi.workbench.formats.pubtator.PubTatorReader;

/**
 * Which analyses a text gets: English for every text, Chinese too for a text with a Han character
 * only. On the real BC5CDR development set (500 English abstracts) and the CMeEE subset (500
 * Chinese sentences, full of Latin abbreviations), in one index: what the rule saves must not cost
 * a match.
 */
class TextAnalysesTest {

    private static final String CDR = "cdr";
    private static final String CMEEE = "cmeee";
    /** Told apart here by Java's own script property, not by the code under test. */
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @TempDir
    static Path dir;
    private static List<Document> cdr;
    private static List<Document> cmeee;
    private static CorpusIndex index;

    @BeforeAll
    static void indexBothCorpora() throws Exception {
        cdr = new PubTatorReader().read(CorpusIndexTest.data("bc5cdr/CDR_DevelopmentSet.PubTator.txt"));
        cmeee = new CmeeeReader().read(CorpusIndexTest.data("cmeee/CMeEE_dev_subset.json"));
        index = CorpusIndex.open(dir.resolve("index"));
        cdr.forEach(d -> index.add(IndexedDocument.imported(CDR, d)));
        cmeee.forEach(d -> index.add(IndexedDocument.imported(CMEEE, d)));
        index.add(IndexedDocument.imported(CDR, glossed(cdr.get(0))));
        index.refresh();
    }

    @AfterAll
    static void close() {
        if (index != null) {
            index.close();
        }
    }

    /** An English abstract that quotes a Chinese term, as a translated abstract's keywords do. */
    private static Document glossed(Document d) {
        return new Document(d.id() + "-glossed", d.language(), d.text() + " Keywords: diabetes (糖尿病).", d.passages(), d.metadata(),
                d.labels(), d.mentions(), d.relations());
    }

    private static boolean analysedAsChinese(Document d, String corpus) {
        List<IndexableField> fields = IndexFields.fields(IndexedDocument.imported(corpus, d));
        return fields.stream().anyMatch(f -> f.name().equals(IndexFields.TEXT_ZH));
    }

    @Test
    void onlyTextsWithAHanCharacterAreAnalysedAsChinese() {
        List<Document> all = new ArrayList<>(cdr);
        all.addAll(cmeee);
        all.add(glossed(cdr.get(0)));
        int chinese = 0;
        for (Document d : all) {
            boolean han = HAN.matcher(d.text()).find();
            assertEquals(han, analysedAsChinese(d, CDR), d.id());
            chinese += han ? 1 : 0;
        }
        // every CMeEE sentence and the glossed abstract; no plain English abstract
        assertEquals(cmeee.size() + 1, chinese);
    }

    /**
     * Each gold mention of each document, asked for as a phrase within that document, finds it:
     * an English abstract by its English analysis alone, a Chinese sentence by either (its Latin
     * abbreviations by the English one).
     */
    @Test
    void everyGoldMentionFindsItsOwnDocument() {
        int asked = 0;
        List<String> missed = new ArrayList<>();
        for (Map.Entry<String, List<Document>> corpus : Map.of(CDR, cdr, CMEEE, cmeee).entrySet()) {
            for (Document d : corpus.getValue()) {
                Set<String> phrases = new LinkedHashSet<>();
                for (EntityMention m : d.mentions()) {
                    String covered = m.coveredText(d.text());
                    // a phrase cannot hold a quote; and one only of stop words asks for nothing
                    if (!covered.contains("\"") && index.parse(corpus.getKey(), '"' + covered + '"') != null) {
                        phrases.add(covered);
                    }
                }
                for (String phrase : phrases) {
                    asked++;
                    if (index.search(corpus.getKey(), '"' + phrase + "\" AND id:" + d.id(), 1).totalHits() != 1) {
                        missed.add(corpus.getKey() + " " + d.id() + " \"" + phrase + '"');
                    }
                }
            }
        }
        assertTrue(asked > 5_000, "mentions asked for: " + asked);
        assertEquals(List.of(), missed);
    }

    /**
     * {@code NO} is nitric oxide: an English stop word is dropped only in lower case or with a
     * capital first letter, so the abstracts that write NO in capitals (alone, or where it meets a
     * digit or follows a lower-case letter, as in NO2 or eNO; or as NOS, which Porter stems as a
     * plural, as in iNOS) are found; and "The" finds only the abstract analysed as Chinese too.
     */
    @Test
    void stopWordsInCapitalsAreWords() {
        Pattern capitals = Pattern.compile("(?<![A-Z])NOS?(?![A-Za-z])");
        Set<String> expected = new java.util.TreeSet<>();
        cdr.stream().filter(d -> capitals.matcher(d.text()).find()).forEach(d -> expected.add(d.id()));
        assertTrue(expected.size() >= 3, "abstracts with NO: " + expected);
        assertEquals(expected, new java.util.TreeSet<>(index.search(CDR, "NO", 1_000).documentIds()));
        // only the abstract analysed as Chinese too, whose segmentation keeps every word
        assertEquals(List.of(cdr.get(0).id() + "-glossed"), index.search(CDR, "The", 10).documentIds());
    }

    @Test
    void latinWordsOfChineseSentencesAndChineseWordsOfEnglishAbstractsAreFound() {
        Pattern aml = Pattern.compile("(?i)(?<![A-Za-z0-9])AML(?![A-Za-z0-9])");
        long withAml = cmeee.stream().filter(d -> aml.matcher(d.text()).find()).count();
        assertTrue(withAml > 0);
        assertEquals(withAml, index.search(CMEEE, "AML", 10).totalHits());
        SearchResult diabetes = index.search(CDR, "糖尿病", 10);
        assertEquals(List.of(cdr.get(0).id() + "-glossed"), diabetes.documentIds());
        assertEquals(Map.of("en", 1), diabetes.languages());
    }
}
