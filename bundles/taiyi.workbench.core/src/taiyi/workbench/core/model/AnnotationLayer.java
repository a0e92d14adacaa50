package taiyi.workbench.core.model;

/**
 * The two layers a document's annotations live in. The {@link #id()} is what the database's
 * {@code layer} column, the search index and the annotation properties hold, so it never changes.
 */
public enum AnnotationLayer {

    /** Imported and hand-made annotations: the fold of the document's correction log. */
    CURATED("curated"),
    /** What models proposed, each with its {@link Provenance}. */
    SUGGESTED("suggested");

    private final String id;

    AnnotationLayer(String id) {
        this.id = id;
    }

    /** The layer's name as stored and searched ({@code curated}, {@code suggested}). */
    public String id() {
        return id;
    }

    /** The layer stored as {@code id}. */
    public static AnnotationLayer of(String id) {
        for (AnnotationLayer l : values()) {
            if (l.id.equals(id)) {
                return l;
            }
        }
        throw new IllegalArgumentException("no annotation layer '" + id + "' (curated or suggested)");
    }

    @Override
    public String toString() {
        return id;
    }
}
