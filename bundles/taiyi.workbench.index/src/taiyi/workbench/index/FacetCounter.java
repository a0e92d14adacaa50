package taiyi.workbench.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts every hit, and the hits per entity type, suggestion status and language, read from
 * the one {@link IndexFields#FACETS} doc-values field. Ordinals are counted per segment and turned
 * into strings once at the end, so a hit costs one doc-values lookup and an array increment per
 * value; lucene-facet's taxonomy would need a second index kept in step for three small facets.
 */
final class FacetCounter extends SimpleCollector {

    /** The facet prefixes, in the order {@link #counts()} returns them. */
    static final List<String> PREFIXES = List.of(IndexFields.FACET_TYPE, IndexFields.FACET_STATUS, IndexFields.FACET_LANGUAGE);

    /** One segment's values and counts. */
    private record LeafCounts(SortedSetDocValues values, long[] counts) {
    }

    private final List<LeafCounts> leaves = new ArrayList<>();
    private SortedSetDocValues current;
    private long[] currentCounts;
    private long documents;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        current = DocValues.getSortedSet(context.reader(), IndexFields.FACETS);
        currentCounts = new long[(int) current.getValueCount()];
        leaves.add(new LeafCounts(current, currentCounts));
    }

    @Override
    public void collect(int doc) throws IOException {
        documents++;
        if (current.advanceExact(doc)) {
            for (int k = current.docValueCount(); k > 0; k--) {
                currentCounts[(int) current.nextOrd()]++;
            }
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    /** Per facet (types, statuses, languages), value → count, merged over segments. */
    List<Map<String, Integer>> counts() throws IOException {
        List<Map<String, Integer>> out = new ArrayList<>();
        PREFIXES.forEach(p -> out.add(new TreeMap<>()));
        for (LeafCounts leaf : leaves) {
            for (int ord = 0; ord < leaf.counts().length; ord++) {
                if (leaf.counts()[ord] > 0) {
                    String value = leaf.values().lookupOrd(ord).utf8ToString();
                    int facet = PREFIXES.indexOf(value.substring(0, 2));
                    if (facet >= 0) {
                        out.get(facet).merge(value.substring(2), (int) leaf.counts()[ord], Integer::sum);
                    }
                }
            }
        }
        return out;
    }

    /** For {@code IndexSearcher.search}: one counter per slice, summed. */
    static final class Manager implements CollectorManager<FacetCounter, FacetCounts> {
        @Override
        public FacetCounter newCollector() {
            return new FacetCounter();
        }

        @Override
        public FacetCounts reduce(Collection<FacetCounter> collectors) throws IOException {
            List<Map<String, Integer>> total = new ArrayList<>();
            PREFIXES.forEach(p -> total.add(new TreeMap<>()));
            long documents = 0;
            for (FacetCounter c : collectors) {
                documents += c.documents;
                List<Map<String, Integer>> counts = c.counts();
                for (int i = 0; i < counts.size(); i++) {
                    Map<String, Integer> into = total.get(i);
                    counts.get(i).forEach((k, v) -> into.merge(k, v, Integer::sum));
                }
            }
            return new FacetCounts(documents, total.get(0), total.get(1), total.get(2));
        }
    }
}
