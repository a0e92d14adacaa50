package taiyi.workbench.curation;

import java.nio.file.Path;
import java.util.List;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.pubtator.PubTatorReader;

/** The real corpora the curation tests work on. */
final class CurationTestData {

    private CurationTestData() {
    }

    /** The NCBI-disease development set the workbench ships as its sample corpus (100 abstracts). */
    static List<Document> ncbiSample() throws Exception {
        return new PubTatorReader().read(Path.of(System.getProperty("taiyi.samples"), "NCBIdevelopset_corpus.txt"));
    }
}
