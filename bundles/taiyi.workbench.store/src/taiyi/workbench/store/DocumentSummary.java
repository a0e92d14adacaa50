package taiyi.workbench.store;

import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.model.Language;

/**
 * A document as the navigator lists it, without its text.
 *
 * @param corpus the corpus name
 * @param id the document's external id (a PMID for PubMed abstracts)
 * @param language its language
 * @param title the first line of its text, shortened
 * @param mentions how many curated entity mentions it holds
 * @param relations how many curated relations it holds
 * @param state where it stands in curation
 */
public record DocumentSummary(String corpus, String id, Language language, String title, int mentions, int relations,
        CurationState state) {
}
