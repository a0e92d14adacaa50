package taiyi.workbench.learning.evaluation;

import java.util.Map;

import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.core.model.Relation;

/**
 * A relation as the (head, tail, type) triple exact matching compares. An argument naming a mention
 * stands for that mention's span and type, since two layers give the same mention different ids; an
 * argument naming a concept (BC5CDR's document-level CID) stands for the concept's bare id, since one
 * source writes {@code MESH:D008094} where another writes {@code D008094}.
 *
 * @param head the head argument's key
 * @param tail the tail argument's key
 * @param type the relation type
 */
public record RelationKey(String head, String tail, String type) {

    /**
     * The key of a relation whose arguments are resolved against the mentions of the same layer.
     *
     * @param mentionsById the layer's mentions by id
     */
    public static RelationKey of(Relation relation, Map<String, EntityMention> mentionsById) {
        return new RelationKey(argument(relation.head(), mentionsById), argument(relation.tail(), mentionsById), relation.type());
    }

    static String argument(String argument, Map<String, EntityMention> mentionsById) {
        EntityMention mention = mentionsById.get(argument);
        if (mention != null) {
            return "mention:" + MentionKey.of(mention);
        }
        return "concept:" + Normalization.parse(argument).id();
    }
}
