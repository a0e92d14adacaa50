package taiyi.workbench.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.BytesRef;

/**
 * Counts every hit, and the hits per entity type, suggestion status and language, read from
 * the one {@link IndexFields#FACETS} doc-values field. A hit costs one lookup of its document's
 * combination ordinal and one array increment; each combination met is split into its facet values
 * once per query, at the end, and its count added to each. lucene-facet's taxonomy would need a
 * second index kept in step for three small facets, and its {@code SortedSetDocValuesFacetCounts}
 * a lookup per value per hit.
 */
final class FacetCounter extends SimpleCollector {

    /** The facet prefixes, in the order of {@link FacetCounts}' maps. */
    static final List<String> PREFIXES = List.of(IndexFields.FACET_TYPE, IndexFields.FACET_STATUS, IndexFields.FACET_LANGUAGE);

    /** One segment's combinations and how many hits had each. */
    private record LeafCounts(SortedDocValues combinations, int[] counts) {
    }

    private final List<LeafCounts> leaves = new ArrayList<>();
    private SortedDocValues current;
    private int[] currentCounts;
    private long documents;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        current = DocValues.getSorted(context.reader(), IndexFields.FACETS);
        currentCounts = new int[current.getValueCount()];
        leaves.add(new LeafCounts(current, currentCounts));
    }

    @Override
    public void collect(int doc) throws IOException {
        documents++;
        if (current.advanceExact(doc)) {
            currentCounts[current.ordValue()]++;
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    /**
     * Adds this slice's counts to {@code into}, per combination: the segments of an index share
     * most of their combinations, so each is split into facet values once per query, not once per
     * segment.
     */
    void addTo(Map<BytesRef, int[]> into) throws IOException {
        for (LeafCounts leaf : leaves) {
            for (int ord = 0; ord < leaf.counts().length; ord++) {
                int count = leaf.counts()[ord];
                if (count > 0) {
                    BytesRef combination = leaf.combinations().lookupOrd(ord);
                    int[] total = into.get(combination);
                    if (total == null) {
                        // lookupOrd reuses its bytes: the key must be a copy
                        into.put(BytesRef.deepCopyOf(combination), new int[] {count});
                    } else {
                        total[0] += count;
                    }
                }
            }
        }
    }

    /** For {@code IndexSearcher.search}: one counter per slice, summed. */
    static final class Manager implements CollectorManager<FacetCounter, FacetCounts> {
        @Override
        public FacetCounter newCollector() {
            return new FacetCounter();
        }

        @Override
        public FacetCounts reduce(Collection<FacetCounter> collectors) throws IOException {
            Map<BytesRef, int[]> combinations = new HashMap<>();
            long documents = 0;
            for (FacetCounter c : collectors) {
                documents += c.documents;
                c.addTo(combinations);
            }
            List<Map<String, Integer>> total = new ArrayList<>();
            PREFIXES.forEach(p -> total.add(new TreeMap<>()));
            for (Map.Entry<BytesRef, int[]> e : combinations.entrySet()) {
                for (String value : IndexFields.facetValues(e.getKey().utf8ToString())) {
                    int facet = PREFIXES.indexOf(value.substring(0, 2));
                    if (facet >= 0) {
                        total.get(facet).merge(value.substring(2), e.getValue()[0], Integer::sum);
                    }
                }
            }
            return new FacetCounts(documents, total.get(0), total.get(1), total.get(2));
        }
    }
}
