package taiyi.workbench.learning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.DocumentSummary;

/** Reads the curated layer of a corpus's documents, in import order, filtered by curation state. */
public final class CuratedCorpus {

    private CuratedCorpus() {
    }

    /**
     * The selected documents of a corpus with their curated layers.
     *
     * @throws taiyi.workbench.store.StoreException when the corpus does not exist
     */
    public static List<CuratedDocument> read(CorpusStore store, String corpus, DocumentSelection selection) {
        Map<String, CurationState> states = new HashMap<>();
        for (DocumentSummary s : store.documents().summaries(corpus)) {
            states.put(s.id(), s.state());
        }
        List<CuratedDocument> out = new ArrayList<>();
        for (Document d : store.documents().allDocuments(corpus)) {
            CurationState state = states.getOrDefault(d.id(), CurationState.NEW);
            if (selection.includes(state)) {
                out.add(new CuratedDocument(corpus, d, state));
            }
        }
        return out;
    }
}
