package taiyi.workbench.curation.graph;

import java.util.List;

/**
 * A concept pair related in some documents and left unrelated in others where both concepts occur.
 *
 * @param type the relation type
 * @param head the head concept's key
 * @param tail the tail concept's key
 * @param headLabel the text the head is named by most often
 * @param tailLabel the text the tail is named by most often
 * @param relatedIn the documents whose curated layer relates them, in corpus order
 * @param unrelatedIn the documents naming both (a curated mention each) without relating them, in corpus order
 */
public record InconsistentRelation(String type, String head, String tail, String headLabel, String tailLabel,
        List<String> relatedIn, List<String> unrelatedIn) {

    public InconsistentRelation {
        relatedIn = List.copyOf(relatedIn);
        unrelatedIn = List.copyOf(unrelatedIn);
    }
}
