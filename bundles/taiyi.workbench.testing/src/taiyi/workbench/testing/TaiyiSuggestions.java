package taiyi.workbench.testing;

import java.util.List;

import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.core.model.Relation;

/**
 * Suggestions as a round-1 Taiyi pre-annotation would store them (model, adapter, NER and RE
 * templates), placed on a phrase of a real document: the curation, CLI and editor tests decide on
 * the same kind of suggestion.
 */
public final class TaiyiSuggestions {

    public static final String MODEL = "DUTIR-BioNLP/Taiyi-LLM";
    public static final String ADAPTER = "round1-lora";

    private TaiyiSuggestions() {
    }

    /** A mention suggestion on the first occurrence of {@code phrase} in the document's text. */
    public static Suggestion mention(Document document, String id, String type, String phrase, double score) {
        int start = document.text().indexOf(phrase);
        if (start < 0) {
            throw new IllegalArgumentException("'" + phrase + "' is not in document " + document.id());
        }
        return new Suggestion(EntityMention.of(id, type, start, start + phrase.length(), List.of()),
                new Provenance(MODEL, ADAPTER, "ner-en-1", 1), score);
    }

    /** A CID relation suggestion between two mention suggestions (or curated mentions). */
    public static RelationSuggestion cid(String id, String head, String tail, double score) {
        return new RelationSuggestion(new Relation(id, "CID", head, tail), new Provenance(MODEL, ADAPTER, "re-en-1", 1), score);
    }
}
