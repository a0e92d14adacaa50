package taiyi.workbench.core.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A named collection of documents with the label schema they are annotated under.
 *
 * @param name corpus name, unique in a store
 * @param schema what can be annotated
 * @param documents the documents, ids unique
 */
public record Corpus(String name, LabelSchema schema, List<Document> documents) {

    public Corpus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
        documents = List.copyOf(documents);
        Set<String> ids = new HashSet<>();
        for (Document d : documents) {
            if (!ids.add(d.id())) {
                throw new IllegalArgumentException("corpus " + name + ": document id " + d.id() + " occurs twice");
            }
        }
    }
}
