package taiyi.workbench.inference.align;

import java.util.Objects;

import taiyi.workbench.core.model.Span;

/**
 * One place a mention string was found.
 *
 * @param query what the model wrote
 * @param span where in the searched text
 * @param match how literally it matched
 */
public record AlignedMention(MentionQuery query, Span span, MatchKind match) {

    public AlignedMention {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(match, "match");
    }
}
