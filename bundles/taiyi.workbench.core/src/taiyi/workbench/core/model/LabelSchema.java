package taiyi.workbench.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What can be annotated in a corpus: its entity types, relation types and document labels, each
 * with English and Chinese display names. Prompts for the model and the editor's palette are built
 * from it.
 *
 * @param entityTypes entity types in display order
 * @param relationTypes relation types in display order
 * @param documentLabels text-classification labels in display order
 */
public record LabelSchema(List<EntityType> entityTypes, List<EntityType> relationTypes, List<EntityType> documentLabels) {

    public LabelSchema {
        entityTypes = unique(entityTypes, "entity type");
        relationTypes = unique(relationTypes, "relation type");
        documentLabels = unique(documentLabels, "document label");
    }

    public static LabelSchema empty() {
        return new LabelSchema(List.of(), List.of(), List.of());
    }

    /** The schema the documents use: every type and label they carry, in order of first use. */
    public static LabelSchema inferredFrom(List<Document> documents) {
        Map<String, EntityType> entities = new LinkedHashMap<>();
        Map<String, EntityType> relations = new LinkedHashMap<>();
        Map<String, EntityType> labels = new LinkedHashMap<>();
        for (Document d : documents) {
            d.mentions().forEach(m -> entities.computeIfAbsent(m.type(), t -> new EntityType(t, t, t)));
            d.relations().forEach(r -> relations.computeIfAbsent(r.type(), t -> new EntityType(t, t, t)));
            d.labels().forEach(l -> labels.computeIfAbsent(l, t -> new EntityType(t, t, t)));
        }
        return new LabelSchema(new ArrayList<>(entities.values()), new ArrayList<>(relations.values()),
                new ArrayList<>(labels.values()));
    }

    /** This schema with the types of {@code other} it lacks appended; existing display names win. */
    public LabelSchema union(LabelSchema other) {
        return new LabelSchema(merge(entityTypes, other.entityTypes), merge(relationTypes, other.relationTypes),
                merge(documentLabels, other.documentLabels));
    }

    public Optional<EntityType> entityType(String name) {
        return entityTypes.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * The name a reader of {@code language} sees for entity type {@code code}: this schema's display
     * name, else that of a {@link KnownSchemas known schema} (a schema inferred from imported files
     * carries bare codes), else the code.
     */
    public String entityTypeName(String code, Language language) {
        return displayName(entityType(code), KnownSchemas.entityType(code), code, language);
    }

    /** As {@link #entityTypeName}, for relation type {@code code}. */
    public String relationTypeName(String code, Language language) {
        return displayName(relationTypes.stream().filter(t -> t.name().equals(code)).findFirst(),
                KnownSchemas.relationType(code), code, language);
    }

    private static String displayName(Optional<EntityType> own, Optional<EntityType> known, String code, Language language) {
        return own.filter(EntityType::hasDisplayNames).or(() -> known).map(t -> t.displayName(language)).orElse(code);
    }

    private static List<EntityType> merge(List<EntityType> a, List<EntityType> b) {
        Map<String, EntityType> out = new LinkedHashMap<>();
        a.forEach(t -> out.put(t.name(), t));
        b.forEach(t -> out.putIfAbsent(t.name(), t));
        return new ArrayList<>(out.values());
    }

    private static List<EntityType> unique(List<EntityType> types, String what) {
        Map<String, EntityType> seen = new LinkedHashMap<>();
        for (EntityType t : types) {
            if (seen.put(t.name(), t) != null) {
                throw new IllegalArgumentException("label schema names " + what + " '" + t.name() + "' twice");
            }
        }
        return List.copyOf(types);
    }
}
