package taiyi.workbench.store;

import java.util.List;

/**
 * Where a document's correction log stands: what a round export records so that a round can be
 * traced back to the decisions it was made from.
 *
 * @param documentId the document's external id
 * @param lastEventId the id of the newest event in its log (0 when it has none)
 * @param curators the users who made decisions on it (imports not counted), sorted
 */
public record DocumentHistory(String documentId, long lastEventId, List<String> curators) {

    public DocumentHistory {
        curators = List.copyOf(curators);
    }
}
