package taiyi.workbench.core.model;

import java.util.Objects;

/**
 * A named section of a document's text, such as the title or the abstract of a PubMed article.
 *
 * @param type section kind as the source names it ({@code title}, {@code abstract}, …)
 * @param span where the section lies in the document text
 */
public record Passage(String type, Span span) {

    public Passage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(span, "span");
    }
}
