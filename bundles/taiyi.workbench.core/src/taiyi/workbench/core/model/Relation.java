package taiyi.workbench.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A typed, directed relation.
 *
 * <p>Head and tail name either entity mentions of the same document (by {@link EntityMention#id()})
 * or, for formats that relate concepts rather than mentions (PubTator's and BioC's document-level
 * CID relations), concepts that mentions of the document are normalised to; {@link Document}
 * checks that each argument resolves to one or the other.
 *
 * @param id identifier unique within the document
 * @param type relation type from the label schema, e.g. {@code CID}
 * @param head the first argument
 * @param tail the second argument
 * @param evidence text that states the relation, possibly none
 */
public record Relation(String id, String type, String head, String tail, List<Span> evidence) {

    public Relation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(tail, "tail");
        if (id.isBlank() || type.isBlank()) {
            throw new IllegalArgumentException("relation needs an id and a type, got '" + id + "' / '" + type + "'");
        }
        evidence = List.copyOf(evidence);
    }

    /** A relation without evidence. */
    public Relation(String id, String type, String head, String tail) {
        this(id, type, head, tail, List.of());
    }
}
