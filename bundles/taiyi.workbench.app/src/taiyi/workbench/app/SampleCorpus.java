package taiyi.workbench.app;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.formats.pubtator.PubTatorReader;
import taiyi.workbench.store.CorpusStore;

/**
 * The real corpus shipped with the workbench (the NCBI-disease development set, see
 * {@code samples/SOURCES.md}), imported into a database that has no corpus yet.
 */
public final class SampleCorpus {

    public static final String CORPUS_NAME = "ncbi-disease-devel";
    static final String FILE = "samples/NCBIdevelopset_corpus.txt";

    private SampleCorpus() {
    }

    /**
     * Imports the sample when the database holds no corpus.
     *
     * @return documents imported, 0 when the database already had a corpus
     */
    public static int importIfEmpty(CorpusStore store) throws IOException, FormatException {
        if (!store.statistics().corpora().isEmpty()) {
            return 0;
        }
        Path file = location();
        List<Document> documents = new PubTatorReader().read(file);
        return store.documents().importDocuments(CORPUS_NAME, documents, file.toString());
    }

    /** The sample file on disk (the product installs this bundle as a folder). */
    static Path location() throws IOException {
        Bundle bundle = FrameworkUtil.getBundle(SampleCorpus.class);
        URL entry = bundle.getEntry(FILE);
        if (entry == null) {
            throw new IOException("the sample corpus " + FILE + " is missing from bundle " + bundle.getSymbolicName());
        }
        try {
            return Path.of(FileLocator.toFileURL(entry).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException("cannot locate " + FILE + ": " + e.getMessage(), e);
        }
    }
}
