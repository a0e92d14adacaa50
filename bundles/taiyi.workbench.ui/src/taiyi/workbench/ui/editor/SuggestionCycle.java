package taiyi.workbench.ui.editor;

import java.util.List;
import java.util.Optional;

import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.curation.AnnotationModel;

/**
 * The order in which A, R and S walk a document's open suggestions: mention suggestions by
 * position, then relation suggestions in the model's order, then around to the first. Relations come
 * last because accepting one accepts its arguments too: deciding the mentions first leaves the
 * relations between mentions already judged.
 */
final class SuggestionCycle {

    private final AnnotationModel model;

    SuggestionCycle(AnnotationModel model) {
        this.model = model;
    }

    /** The next open suggestion after {@code current} (decided or not), never {@code current}; empty when none is open. */
    Optional<AnnotationItem> after(AnnotationItem current) {
        List<Suggestion> mentions = model.suggestions();
        List<RelationSuggestion> relations = model.relationSuggestions();
        int n = mentions.size() + relations.size();
        int at = indexOf(current, mentions, relations);
        for (int k = 1; k <= n; k++) {
            int i = Math.floorMod(at + k, n);
            if (i < mentions.size()) {
                Suggestion s = mentions.get(i);
                if (model.isOpen(s) && !(current instanceof AnnotationItem.SuggestedMention c && c.id().equals(s.id()))) {
                    return Optional.of(new AnnotationItem.SuggestedMention(current.corpus(), current.documentId(), s));
                }
            } else {
                RelationSuggestion r = relations.get(i - mentions.size());
                if (model.isOpen(r) && !(current instanceof AnnotationItem.SuggestedRelation c && c.id().equals(r.id()))) {
                    return Optional.of(new AnnotationItem.SuggestedRelation(current.corpus(), current.documentId(), r));
                }
            }
        }
        return Optional.empty();
    }

    private static int indexOf(AnnotationItem current, List<Suggestion> mentions, List<RelationSuggestion> relations) {
        if (current instanceof AnnotationItem.SuggestedRelation r) {
            int i = relations.indexOf(r.suggestion());
            return i < 0 ? mentions.size() - 1 : mentions.size() + i;
        }
        if (current instanceof AnnotationItem.SuggestedMention s) {
            return mentions.indexOf(s.suggestion());
        }
        return -1;
    }
}
