package taiyi.workbench.index;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;

/**
 * Everything the index knows of one document: its curated layer, the model's suggestions with the
 * curator's decisions on them, and its curation state. {@link IndexUpdater} assembles it from the
 * store; benchmarks build it directly.
 *
 * @param corpus the corpus the document belongs to
 * @param curated the document with its curated annotations
 * @param suggestions the suggestion layer, possibly empty
 * @param decisions per suggestion id, the effective ACCEPT or REJECT (absent: unreviewed)
 * @param state where the document stands in curation
 */
public record IndexedDocument(String corpus, Document curated, List<Suggestion> suggestions,
        Map<String, CorrectionAction> decisions, CurationState state) {

    public IndexedDocument {
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(curated, "curated");
        Objects.requireNonNull(state, "state");
        suggestions = List.copyOf(suggestions);
        decisions = Map.copyOf(decisions);
    }

    /** A document as imported: no suggestions, no decisions. */
    public static IndexedDocument imported(String corpus, Document document) {
        return new IndexedDocument(corpus, document, List.of(), Map.of(), CurationState.NEW);
    }
}
