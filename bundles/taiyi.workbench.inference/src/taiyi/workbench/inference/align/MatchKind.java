package taiyi.workbench.inference.align;

/** How a mention string was found in the text, from the most to the least literal. */
public enum MatchKind {
    /** char for char */
    EXACT,
    /** after case folding and NFKC (full-width to half-width, compatibility forms) */
    FOLDED,
    /** folded, and with white space ignored on both sides ({@code β2 受体} for {@code β2受体}) */
    FOLDED_IGNORING_SPACE
}
