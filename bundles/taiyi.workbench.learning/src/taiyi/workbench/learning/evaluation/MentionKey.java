package taiyi.workbench.learning.evaluation;

import java.util.List;

import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Span;

/**
 * What makes two mentions the same under exact matching: every span and the type. Ids, concepts and
 * attributes do not count.
 *
 * @param spans the mention's spans, in order (several for a discontinuous mention)
 * @param type the entity type
 */
public record MentionKey(List<Span> spans, String type) {

    public MentionKey {
        spans = List.copyOf(spans);
    }

    public static MentionKey of(EntityMention mention) {
        return new MentionKey(mention.spans(), mention.type());
    }

    @Override
    public String toString() {
        return type + spans;
    }
}
