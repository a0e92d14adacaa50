package taiyi.workbench.core.curation;

/**
 * Where a model's suggestion stands with the curators: the one definition of an <em>open</em>
 * suggestion, shared by the editor, the navigator's counts, the search index and the CLI. A
 * suggestion is open while no ACCEPT or REJECT of it is in force in the document's log; a SKIP
 * decides nothing, and undoing a decision opens the suggestion again.
 */
public enum SuggestionStatus {
    /** No decision in force: the curators have still to answer it. */
    OPEN,
    /** An ACCEPT is in force: the suggestion is in the curated layer. */
    ACCEPTED,
    /** A REJECT is in force. */
    REJECTED;

    /**
     * The status a suggestion has under the decision in force on it.
     *
     * @param decision the effective ACCEPT or REJECT ({@link CurationFold#decisions()}), or null
     */
    public static SuggestionStatus of(CorrectionAction decision) {
        if (decision == null) {
            return OPEN;
        }
        return switch (decision) {
            case ACCEPT -> ACCEPTED;
            case REJECT -> REJECTED;
            default -> throw new IllegalArgumentException(decision + " is not a decision on a suggestion");
        };
    }

    public boolean isOpen() {
        return this == OPEN;
    }
}
