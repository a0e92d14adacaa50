package taiyi.workbench.core.model;

import java.util.Objects;

/**
 * A typed, directed relation.
 *
 * <p>Head and tail name either entity mentions of the same document (by {@link EntityMention#id()})
 * or, for formats that relate concepts rather than mentions (PubTator's document-level CID
 * relations), normalisation ids of mentions in the document; {@link Document} checks that each
 * argument resolves to one or the other.
 *
 * @param id identifier unique within the document
 * @param type relation type from the label schema, e.g. {@code CID}
 * @param head the first argument
 * @param tail the second argument
 */
public record Relation(String id, String type, String head, String tail) {

    public Relation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(tail, "tail");
    }
}
