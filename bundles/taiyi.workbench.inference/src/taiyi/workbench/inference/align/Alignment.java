package taiyi.workbench.inference.align;

import java.util.List;

/**
 * What the aligner made of a list of mention strings.
 *
 * @param found every placed occurrence, sorted by start, then end, then type
 * @param missing the queries found nowhere in the text, in the order given
 */
public record Alignment(List<AlignedMention> found, List<MentionQuery> missing) {

    public Alignment {
        found = List.copyOf(found);
        missing = List.copyOf(missing);
    }
}
