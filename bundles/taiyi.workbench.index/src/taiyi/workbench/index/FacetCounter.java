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
 * Counts, over every hit, the documents per value of the facet doc-values fields. Ordinals are
 * counted per segment and turned into strings once at the end, so a hit costs an array increment
 * per value rather than a string lookup; lucene-facet's taxonomy would need a second index kept in
 * step for three small fields.
 */
final class FacetCounter extends SimpleCollector {

    static final List<String> FIELDS = List.of(IndexFields.FACET_TYPE, IndexFields.FACET_STATUS, IndexFields.FACET_LANGUAGE);

    /** One segment's values and counts of one field. */
    private record LeafCounts(SortedSetDocValues values, long[] counts) {
    }

    private final List<List<LeafCounts>> leaves = new ArrayList<>();
    private SortedSetDocValues[] current;
    private long[][] currentCounts;

    FacetCounter() {
        FIELDS.forEach(f -> leaves.add(new ArrayList<>()));
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        current = new SortedSetDocValues[FIELDS.size()];
        currentCounts = new long[FIELDS.size()][];
        for (int i = 0; i < FIELDS.size(); i++) {
            current[i] = DocValues.getSortedSet(context.reader(), FIELDS.get(i));
            currentCounts[i] = new long[(int) current[i].getValueCount()];
            leaves.get(i).add(new LeafCounts(current[i], currentCounts[i]));
        }
    }

    @Override
    public void collect(int doc) throws IOException {
        for (int i = 0; i < current.length; i++) {
            SortedSetDocValues dv = current[i];
            if (dv.advanceExact(doc)) {
                for (int k = dv.docValueCount(); k > 0; k--) {
                    currentCounts[i][(int) dv.nextOrd()]++;
                }
            }
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    /** Per facet field, value → count, merged over segments. */
    List<Map<String, Integer>> counts() throws IOException {
        List<Map<String, Integer>> out = new ArrayList<>();
        for (List<LeafCounts> field : leaves) {
            Map<String, Integer> merged = new TreeMap<>();
            for (LeafCounts leaf : field) {
                for (int ord = 0; ord < leaf.counts().length; ord++) {
                    if (leaf.counts()[ord] > 0) {
                        merged.merge(leaf.values().lookupOrd(ord).utf8ToString(), (int) leaf.counts()[ord], Integer::sum);
                    }
                }
            }
            out.add(merged);
        }
        return out;
    }

    /** For {@code IndexSearcher.search}: one counter per slice, summed. */
    static final class Manager implements CollectorManager<FacetCounter, List<Map<String, Integer>>> {
        @Override
        public FacetCounter newCollector() {
            return new FacetCounter();
        }

        @Override
        public List<Map<String, Integer>> reduce(Collection<FacetCounter> collectors) throws IOException {
            List<Map<String, Integer>> total = new ArrayList<>();
            FIELDS.forEach(f -> total.add(new TreeMap<>()));
            for (FacetCounter c : collectors) {
                List<Map<String, Integer>> counts = c.counts();
                for (int i = 0; i < counts.size(); i++) {
                    Map<String, Integer> into = total.get(i);
                    counts.get(i).forEach((k, v) -> into.merge(k, v, Integer::sum));
                }
            }
            return total;
        }
    }
}
