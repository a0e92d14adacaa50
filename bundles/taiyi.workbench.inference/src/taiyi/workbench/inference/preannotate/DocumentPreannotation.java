package taiyi.workbench.inference.preannotate;

import java.util.List;
import java.util.Objects;

import taiyi.workbench.core.curation.LabelSuggestion;
import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.curation.Suggestion;

/**
 * What the model suggested for one document.
 *
 * @param documentId the document
 * @param mentions mention suggestions, by window, then by start; ids unique in the document
 * @param relations relation suggestions; head and tail name ids of {@code mentions}
 * @param labels document label suggestions, each label once
 * @param problems what could not be read or placed, one line each, naming the window and task
 */
public record DocumentPreannotation(String documentId, List<Suggestion> mentions, List<RelationSuggestion> relations,
        List<LabelSuggestion> labels, List<String> problems) {

    public DocumentPreannotation {
        Objects.requireNonNull(documentId, "documentId");
        mentions = List.copyOf(mentions);
        relations = List.copyOf(relations);
        labels = List.copyOf(labels);
        problems = List.copyOf(problems);
    }
}
