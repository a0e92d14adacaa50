package taiyi.workbench.index;

/**
 * One matching document.
 *
 * @param documentId the document's id in its corpus
 * @param language its language code ({@code en}, {@code zh})
 * @param score Lucene's relevance score (0 for queries on annotation facts alone)
 * @param snippet the best passage of the text with the matched words between {@code <b>} and
 *     {@code </b>}; the opening passage when no word of the query is in the text
 */
public record SearchHit(String documentId, String language, float score, String snippet) {
}
