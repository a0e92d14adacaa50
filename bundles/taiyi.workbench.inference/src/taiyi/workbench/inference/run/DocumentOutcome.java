package taiyi.workbench.inference.run;

import java.util.List;

import taiyi.workbench.inference.preannotate.DocumentPreannotation;

/**
 * What pre-annotation did to one document.
 *
 * @param documentId the document
 * @param skipped true when it already held this model's suggestions for the round
 * @param mentions mention suggestions stored
 * @param relations relation suggestions stored
 * @param labels label suggestions stored
 * @param problems what the model said that could not be read or placed in the text
 */
public record DocumentOutcome(String documentId, boolean skipped, int mentions, int relations, int labels,
        List<String> problems) {

    public DocumentOutcome {
        problems = List.copyOf(problems);
    }

    static DocumentOutcome skipped(String documentId) {
        return new DocumentOutcome(documentId, true, 0, 0, 0, List.of());
    }

    static DocumentOutcome annotated(DocumentPreannotation p) {
        return new DocumentOutcome(p.documentId(), false, p.mentions().size(), p.relations().size(), p.labels().size(),
                p.problems());
    }
}
