package taiyi.workbench.index;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score (BM25 over the query terms a passage matches, times a position norm) with
 * the same arithmetic in the same order, found without the {@code BytesRefHash} that
 * {@link PassageScorer#score} makes per passage: that hash allocates a 32 KB block each time, and
 * a snippet of a long abstract scores every sentence with a match, so the allocations were a third
 * of what highlighting cost. A passage matches a handful of distinct terms; a linear scan finds
 * them sooner than hashing.
 */
final class FewTermsPassageScorer extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
        // per distinct term, in the order first met: the index of its first match, its matches here
        int[] first = new int[matches];
        int[] freqInPassage = new int[matches];
        int distinct = 0;
        for (int i = 0; i < matches; i++) {
            int t = 0;
            while (t < distinct && !terms[first[t]].bytesEquals(terms[i])) {
                t++;
            }
            if (t == distinct) {
                first[distinct++] = i;
            }
            freqInPassage[t]++;
        }
        double score = 0;
        for (int t = 0; t < distinct; t++) {
            score += tf(freqInPassage[t], passage.getLength()) * weight(contentLength, freqsInDoc[first[t]]);
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }
}
