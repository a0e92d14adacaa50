package taiyi.workbench.learning.learner.tagger;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.EntityType;
import taiyi.workbench.core.model.LabelSchema;

/**
 * Which entity types share one BIO layer. A BIO layer cannot hold a mention inside another, so types
 * whose mentions nest in or overlap each other's often enough (CMeEE's body parts inside symptoms)
 * go to different layers; types that do not (BC5CDR's chemicals and diseases) share one, which keeps
 * training to one CRF for the usual corpus.
 *
 * @param layers the types of each layer, most frequent first
 */
record TypeLayers(List<List<String>> layers) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Overlaps between two types below this share of the rarer type's mentions are resolved by dropping one. */
    static final double CONFLICT_SHARE = 0.02;

    TypeLayers {
        layers = layers.stream().map(List::copyOf).toList();
    }

    /** Groups the schema's types that occur in the documents (types declared but never curated get no layer). */
    static TypeLayers of(List<Document> documents, LabelSchema schema) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        schema.entityTypes().stream().map(EntityType::name).forEach(t -> counts.put(t, 0));
        Map<String, Integer> overlaps = new HashMap<>();
        for (Document d : documents) {
            List<EntityMention> ms = d.mentions();
            for (EntityMention m : ms) {
                counts.merge(m.type(), 1, Integer::sum);
            }
            List<EntityMention> sorted = new ArrayList<>(ms);
            sorted.sort(Comparator.comparingInt(EntityMention::start));
            for (int i = 0; i < sorted.size(); i++) {
                EntityMention a = sorted.get(i);
                for (int j = i + 1; j < sorted.size() && sorted.get(j).start() < a.end(); j++) {
                    EntityMention b = sorted.get(j);
                    if (!a.type().equals(b.type())) {
                        overlaps.merge(pair(a.type(), b.type()), 1, Integer::sum);
                    }
                }
            }
        }
        List<String> types = counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue())).map(Map.Entry::getKey).toList();
        List<List<String>> layers = new ArrayList<>();
        for (String t : types) {
            List<String> home = null;
            for (List<String> layer : layers) {
                boolean conflict = layer.stream().anyMatch(o -> overlaps.getOrDefault(pair(t, o), 0)
                        > CONFLICT_SHARE * Math.min(counts.get(t), counts.get(o)));
                if (!conflict) {
                    home = layer;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                layers.add(home);
            }
            home.add(t);
        }
        return new TypeLayers(layers);
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
    }
}
