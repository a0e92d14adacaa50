package taiyi.workbench.learning.export;

import java.util.Objects;

/**
 * Something left out of a round, named in its manifest.
 *
 * @param reason why, one of the {@code Drop} constants
 * @param corpus the corpus of the document concerned (empty for replayed data)
 * @param documentId the document concerned (for replayed data, its line in the replay file)
 * @param detail what exactly: the near-duplicate it resembles, the window and task that ran too long …
 */
public record Drop(String reason, String corpus, String documentId, String detail) {

    public static final String EXCLUDED_CORPUS = "in an excluded corpus";
    public static final String NEAR_DUPLICATE = "near-duplicate of an excluded document";
    public static final String TOO_LONG = "longer than the maximum length";
    public static final String DUPLICATE = "exact duplicate conversation";
    public static final String LANGUAGE = "language not selected";
    public static final String BROKEN = "curated layer breaks a task constraint";

    public Drop {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(detail, "detail");
    }
}
