package taiyi.workbench.core.model;

import java.util.Objects;

/**
 * A link from a mention to a concept in a knowledge base, such as MeSH {@code D008094}.
 *
 * <p>{@code db} is the knowledge base as the source names it ({@code MESH}, {@code MeSH},
 * {@code OMIM}), or empty where the source gives a bare id (PubTator writes {@code D008094}). The
 * text form {@link #toString()} is {@code db:id}, or the bare id; {@link #parse(String)} reads it
 * back, so any source string survives a round trip.
 *
 * @param db knowledge base name, possibly empty
 * @param id identifier within it
 */
public record Normalization(String db, String id) {

    public Normalization {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("normalization with an empty id" + (db.isEmpty() ? "" : " in " + db));
        }
    }

    /** Reads {@code db:id} or a bare id. */
    public static Normalization parse(String text) {
        String t = text.strip();
        int colon = t.indexOf(':');
        return colon > 0 && colon < t.length() - 1 ? new Normalization(t.substring(0, colon), t.substring(colon + 1))
                : new Normalization("", t);
    }

    /** Whether this names the given concept, written either as {@code db:id} or as the bare id. */
    public boolean matches(String concept) {
        if (concept.equals(id)) {
            return true;
        }
        // concept.equals(toString()), without building db:id
        return !db.isEmpty() && concept.length() == db.length() + 1 + id.length() && concept.startsWith(db)
                && concept.charAt(db.length()) == ':' && concept.endsWith(id);
    }

    @Override
    public String toString() {
        return db.isEmpty() ? id : db + ":" + id;
    }
}
