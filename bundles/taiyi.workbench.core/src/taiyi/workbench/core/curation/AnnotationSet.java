package taiyi.workbench.core.curation;

import java.util.List;

import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Relation;

/**
 * A document's annotations at one moment of its log.
 *
 * @param mentions the mentions, in order
 * @param relations the relations, in order
 */
public record AnnotationSet(List<EntityMention> mentions, List<Relation> relations) {

    public AnnotationSet {
        mentions = List.copyOf(mentions);
        relations = List.copyOf(relations);
    }

    public static AnnotationSet empty() {
        return new AnnotationSet(List.of(), List.of());
    }
}
