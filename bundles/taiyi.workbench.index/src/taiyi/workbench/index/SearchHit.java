package taiyi.workbench.index;

/**
 * One matching document.
 *
 * @param documentId the document's id in its corpus
 * @param language its language code ({@code en}, {@code zh})
 * @param score Lucene's BM25 relevance score; it ranks by the words of the query, and for a query of
 *     annotation facts alone it only orders documents by how rare the fact is in them
 * @param snippet the best passage of the text with the matched words between {@code <b>} and
 *     {@code </b>}; the opening passage when no word of the query is in the text
 */
public record SearchHit(String documentId, String language, float score, String snippet) {
}
