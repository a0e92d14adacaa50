package taiyi.workbench.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import taiyi.workbench.core.curation.AnnotationSet;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;

/**
 * The JSON of a correction event's payload: the annotations before and after, or the imported set.
 * Offsets are the model's UTF-16 indices; the payload is internal to the store.
 */
final class AnnotationJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AnnotationJson() {
    }

    static String payload(EntityMention mentionBefore, EntityMention mentionAfter, Relation relationBefore,
            Relation relationAfter, AnnotationSet imported) {
        ObjectNode root = MAPPER.createObjectNode();
        if (mentionBefore != null) {
            root.set("mention_before", mention(mentionBefore));
        }
        if (mentionAfter != null) {
            root.set("mention_after", mention(mentionAfter));
        }
        if (relationBefore != null) {
            root.set("relation_before", relation(relationBefore));
        }
        if (relationAfter != null) {
            root.set("relation_after", relation(relationAfter));
        }
        if (imported != null) {
            ObjectNode set = root.putObject("imported");
            ArrayNode mentions = set.putArray("mentions");
            imported.mentions().forEach(m -> mentions.add(mention(m)));
            ArrayNode relations = set.putArray("relations");
            imported.relations().forEach(r -> relations.add(relation(r)));
        }
        return root.toString();
    }

    /** The parsed payload. */
    record Payload(EntityMention mentionBefore, EntityMention mentionAfter, Relation relationBefore, Relation relationAfter,
            AnnotationSet imported) {
    }

    static Payload parse(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            AnnotationSet imported = null;
            if (root.has("imported")) {
                List<EntityMention> mentions = new ArrayList<>();
                root.get("imported").get("mentions").forEach(m -> mentions.add(mention(m)));
                List<Relation> relations = new ArrayList<>();
                root.get("imported").get("relations").forEach(r -> relations.add(relation(r)));
                imported = new AnnotationSet(mentions, relations);
            }
            return new Payload(root.has("mention_before") ? mention(root.get("mention_before")) : null,
                    root.has("mention_after") ? mention(root.get("mention_after")) : null,
                    root.has("relation_before") ? relation(root.get("relation_before")) : null,
                    root.has("relation_after") ? relation(root.get("relation_after")) : null, imported);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new StoreException("a correction event's payload is damaged: " + e.getMessage(), e);
        }
    }

    private static ObjectNode mention(EntityMention m) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", m.id());
        n.put("type", m.type());
        spans(n.putArray("spans"), m.spans());
        ArrayNode norms = n.putArray("normalizations");
        m.normalizations().forEach(x -> norms.addObject().put("db", x.db()).put("id", x.id()));
        ObjectNode attributes = n.putObject("attributes");
        m.attributes().forEach(attributes::put);
        return n;
    }

    private static EntityMention mention(JsonNode n) {
        List<Normalization> norms = new ArrayList<>();
        n.get("normalizations").forEach(x -> norms.add(new Normalization(x.get("db").asText(), x.get("id").asText())));
        Map<String, String> attributes = new LinkedHashMap<>();
        n.get("attributes").fields().forEachRemaining(f -> attributes.put(f.getKey(), f.getValue().asText()));
        return new EntityMention(n.get("id").asText(), n.get("type").asText(), spans(n.get("spans")), norms, attributes);
    }

    private static ObjectNode relation(Relation r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", r.id());
        n.put("type", r.type());
        n.put("head", r.head());
        n.put("tail", r.tail());
        spans(n.putArray("evidence"), r.evidence());
        return n;
    }

    private static Relation relation(JsonNode n) {
        return new Relation(n.get("id").asText(), n.get("type").asText(), n.get("head").asText(), n.get("tail").asText(),
                spans(n.get("evidence")));
    }

    private static void spans(ArrayNode array, List<Span> spans) {
        spans.forEach(s -> array.addArray().add(s.start()).add(s.end()));
    }

    private static List<Span> spans(JsonNode array) {
        List<Span> spans = new ArrayList<>();
        array.forEach(p -> spans.add(new Span(p.get(0).asInt(), p.get(1).asInt())));
        return spans;
    }
}
