package taiyi.workbench.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.document.Field;
import org.apache.lucene.index.IndexableField;

import taiyi.workbench.core.model.Normalization;

/**
 * The compound {@code state|type|concept} keywords of one document's annotations
 * ({@link IndexFields#ANNOTATION}), gathered annotation by annotation and written once each.
 *
 * <p>An abstract names the same few types and concepts many times, and its suggestions repeat its
 * curated mentions; so the facts are gathered as sets of the strings the annotations already hold,
 * whose hashes Java keeps, and each key string is made only once, for a distinct fact (building a
 * document's fields is CPU the bare Lucene loop does not spend).
 */
final class AnnotationKeys {

    /** Per state ({@link IndexFields#STATES} order), lowercased type to its lowercased bare concept ids; empty until used. */
    private final List<Map<String, Set<String>>> byState = new ArrayList<>(List.of(Map.of(), Map.of(), Map.of(), Map.of()));
    private final Map<String, String> lowerTypes = new HashMap<>();
    private final Map<String, String> lowerIds = new HashMap<>();

    /**
     * Adds one annotation's facts.
     *
     * @param state its position in {@link IndexFields#STATES}
     */
    void add(int state, String type, List<Normalization> normalizations) {
        Map<String, Set<String>> types = byState.get(state);
        if (types.isEmpty()) {
            types = new LinkedHashMap<>(4);
            byState.set(state, types);
        }
        Set<String> ids = types.computeIfAbsent(lowerTypes.computeIfAbsent(type, IndexFields::lower), t -> new LinkedHashSet<>());
        for (Normalization n : normalizations) {
            String id = n.id();
            if (id.indexOf('|') < 0) {
                addId(ids, id);
            } else {
                // PubTator's composite D001|D002 names two concepts
                for (String part : id.split("\\|")) {
                    addId(ids, part);
                }
            }
        }
    }

    private void addId(Set<String> ids, String id) {
        if (!id.isBlank() && !id.equals("-1")) {
            ids.add(lowerIds.computeIfAbsent(id, IndexFields::lower));
        }
    }

    /**
     * Adds the keys as fields: per state with annotations {@code state|*|*}, per type
     * {@code state|type|*} and {@code state|type|concept}. A concept of any type is not a key of
     * its own: {@link AnyTypeKeyQuery} finds it among the typed ones.
     */
    void addTo(List<IndexableField> fields) {
        for (int s = 0; s < byState.size(); s++) {
            Map<String, Set<String>> types = byState.get(s);
            if (types.isEmpty()) {
                continue;
            }
            String state = IndexFields.STATES.get(s);
            add(fields, IndexFields.annotationKey(state, IndexFields.ANY, IndexFields.ANY));
            for (Map.Entry<String, Set<String>> type : types.entrySet()) {
                add(fields, IndexFields.annotationKey(state, type.getKey(), IndexFields.ANY));
                for (String concept : type.getValue()) {
                    add(fields, IndexFields.annotationKey(state, type.getKey(), concept));
                }
            }
        }
    }

    private static void add(List<IndexableField> fields, String key) {
        fields.add(new Field(IndexFields.ANNOTATION, key, IndexFields.FACT));
    }
}
