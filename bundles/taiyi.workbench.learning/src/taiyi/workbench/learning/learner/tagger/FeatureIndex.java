package taiyi.workbench.learning.learner.tagger;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

import com.carrotsearch.hppc.ObjectIntHashMap;

/**
 * The tagger's feature names and their ids: the names seen often enough in the training units, numbered
 * in the order of their first occurrence so the same documents always give the same ids.
 *
 * <p>Only the names are serialised; the hash map is rebuilt when a saved model is read, so a model file
 * holds no class of the collections library.
 */
final class FeatureIndex implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String[] names;
    private transient ObjectIntHashMap<String> ids;

    private FeatureIndex(String[] names) {
        this.names = names;
        this.ids = index(names);
    }

    /** The names that occur at least {@code minCount} times over all units of all texts. */
    static FeatureIndex of(List<List<String[]>> texts, int minCount) {
        ObjectIntHashMap<String> counts = new ObjectIntHashMap<>();
        ObjectIntHashMap<String> firstSeen = new ObjectIntHashMap<>();
        int order = 0;
        for (List<String[]> units : texts) {
            for (String[] unit : units) {
                for (String name : unit) {
                    if (counts.putOrAdd(name, 1, 1) == 1) {
                        firstSeen.put(name, order++);
                    }
                }
            }
        }
        String[] byOrder = new String[order];
        firstSeen.forEach((com.carrotsearch.hppc.procedures.ObjectIntProcedure<String>) (name, at) -> byOrder[at] = name);
        String[] kept = Arrays.stream(byOrder).filter(n -> counts.get(n) >= minCount).toArray(String[]::new);
        return new FeatureIndex(kept);
    }

    private static ObjectIntHashMap<String> index(String[] names) {
        ObjectIntHashMap<String> map = new ObjectIntHashMap<>(names.length);
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], i);
        }
        return map;
    }

    int size() {
        return names.length;
    }

    String name(int id) {
        return names[id];
    }

    /** The id of a name, or -1 when the index does not know it. */
    int id(String name) {
        return ids.getOrDefault(name, -1);
    }

    /** A text's units as feature ids; names the index does not know are left out. */
    UnitSequence sequence(List<String[]> units) {
        int[] offsets = new int[units.size() + 1];
        int total = 0;
        for (String[] unit : units) {
            total += unit.length;
        }
        int[] features = new int[total];
        int k = 0;
        for (int u = 0; u < units.size(); u++) {
            int from = k;
            for (String name : units.get(u)) {
                int id = ids.getOrDefault(name, -1);
                if (id >= 0) {
                    features[k++] = id;
                }
            }
            // a name twice in one unit (the same neighbour on both sides) counts once
            Arrays.sort(features, from, k);
            int w = from;
            for (int r = from; r < k; r++) {
                if (r == from || features[r] != features[r - 1]) {
                    features[w++] = features[r];
                }
            }
            k = w;
            offsets[u + 1] = k;
        }
        return new UnitSequence(offsets, Arrays.copyOf(features, k));
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        ids = index(names);
    }
}
