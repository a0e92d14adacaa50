package taiyi.workbench.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.pubtator.PubTatorReader;

/**
 * The snippet scorer gives Lucene's own score, bit for bit, on the sentences of the BC5CDR
 * development abstracts, matched by words that recur within a sentence and across it.
 */
class FewTermsPassageScorerTest {

    private static final Pattern WORDS = Pattern.compile("(?i)\\b(cisplatin|induced|renal|failure|patients|the|of)\\b");
    private static final Pattern SENTENCE_END = Pattern.compile("\\.\\s+");

    @Test
    void scoresEveryPassageAsLucenesScorerDoes() throws Exception {
        List<Document> docs = new PubTatorReader().read(Path.of(System.getProperty("taiyi.testdata"), "bc5cdr/CDR_DevelopmentSet.PubTator.txt"));
        PassageScorer lucene = new PassageScorer();
        PassageScorer ours = new FewTermsPassageScorer();
        int passages = 0;
        int withRepeats = 0;
        for (Document d : docs) {
            String text = d.text();
            Map<String, Integer> freqInDoc = new HashMap<>();
            Matcher all = WORDS.matcher(text);
            while (all.find()) {
                freqInDoc.merge(all.group().toLowerCase(), 1, Integer::sum);
            }
            for (int[] sentence : sentences(text)) {
                Passage p = new Passage();
                p.setStartOffset(sentence[0]);
                p.setEndOffset(sentence[1]);
                Matcher m = WORDS.matcher(text).region(sentence[0], sentence[1]);
                List<String> terms = new ArrayList<>();
                while (m.find()) {
                    String term = m.group().toLowerCase();
                    terms.add(term);
                    p.addMatch(m.start(), m.end(), new BytesRef(term), freqInDoc.get(term));
                }
                if (terms.isEmpty()) {
                    continue;
                }
                passages++;
                if (terms.stream().distinct().count() < terms.size() && terms.stream().distinct().count() > 1) {
                    withRepeats++;
                }
                assertEquals(lucene.score(p, text.length()), ours.score(p, text.length()), 0f, d.id() + " " + p);
            }
        }
        assertTrue(passages > 3000 && withRepeats > 1000, passages + " passages, " + withRepeats + " with repeated and distinct terms");
    }

    private static List<int[]> sentences(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher end = SENTENCE_END.matcher(text);
        int start = 0;
        while (end.find()) {
            out.add(new int[] {start, end.end()});
            start = end.end();
        }
        if (start < text.length()) {
            out.add(new int[] {start, text.length()});
        }
        return out;
    }
}
