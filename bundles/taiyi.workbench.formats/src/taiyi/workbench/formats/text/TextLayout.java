package taiyi.workbench.formats.text;

/** How plain text is cut into documents. */
public enum TextLayout {
    /** A whole file is one document, its id the file's stem; a folder holds one file per document. */
    WHOLE_FILE,
    /** Every non-blank line of a file is a document, its id the file's stem, {@code -}, the line number. */
    ONE_PER_LINE
}
