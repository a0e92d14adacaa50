package taiyi.workbench.formats.imports;

import java.nio.file.Path;
import java.util.List;

import taiyi.workbench.core.model.Document;

/**
 * Where a file's documents go: the corpus store, as one transaction that takes all of them or none.
 * This bundle cannot see the store, so the store is plugged in here by whoever runs the import.
 */
@FunctionalInterface
public interface DocumentSink {

    /**
     * Stores every document of one file, or none.
     *
     * @throws RuntimeException when the sink refuses the file (the store's {@code StoreException}:
     *     a document already in the corpus, twice in the file...); its message says why
     */
    void store(Path file, List<Document> documents);
}
