package taiyi.workbench.ui.editor;

import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Relation;

/**
 * One annotation the editor publishes as its selection (the mention, suggestion or relation at the
 * caret), with the document it belongs to so a view can read its history from the store.
 */
public sealed interface AnnotationItem {

    String corpus();

    String documentId();

    /** The id the correction log knows the item by. */
    String id();

    /** A curated mention. */
    record CuratedMention(String corpus, String documentId, EntityMention mention) implements AnnotationItem {
        @Override
        public String id() {
            return mention.id();
        }
    }

    /** A model's suggestion, open or decided. */
    record SuggestedMention(String corpus, String documentId, Suggestion suggestion) implements AnnotationItem {
        @Override
        public String id() {
            return suggestion.id();
        }
    }

    /** A curated relation; concept-level when its arguments are concepts, not mentions. */
    record CuratedRelation(String corpus, String documentId, Relation relation, boolean conceptLevel)
            implements AnnotationItem {
        @Override
        public String id() {
            return relation.id();
        }
    }

    /** A model's suggested relation, open or decided; its arguments are mention suggestions (or concepts). */
    record SuggestedRelation(String corpus, String documentId, RelationSuggestion suggestion) implements AnnotationItem {
        @Override
        public String id() {
            return suggestion.id();
        }
    }
}
