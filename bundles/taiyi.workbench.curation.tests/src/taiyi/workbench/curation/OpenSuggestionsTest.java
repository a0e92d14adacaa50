package taiyi.workbench.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CurationFold;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.curation.SuggestionStatus;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.store.CorpusStore;

/**
 * One definition of an open suggestion, on the NCBI-disease sample: the fold of the log and the
 * curation model answer alike for every suggestion after accept, reject, skip and undo.
 */
class OpenSuggestionsTest {

    @TempDir
    Path tmp;

    @Test
    void theFoldAndTheModelAgreeOnWhichSuggestionsAreOpen() throws Exception {
        List<Document> sample = CurationTestData.ncbiSample();
        assertEquals(100, sample.size());
        Document doc = sample.stream().filter(d -> d.mentions().size() >= 6).findFirst().orElseThrow();
        try (CorpusStore store = CorpusStore.open(tmp.resolve("db"))) {
            store.documents().importDocuments("ncbi", List.of(doc), "NCBIdevelopset_corpus.txt");
            // a model that found the gold disease mentions, each as a suggestion scored by its rank
            List<Suggestion> suggestions = new ArrayList<>();
            for (int i = 0; i < doc.mentions().size(); i++) {
                EntityMention gold = doc.mentions().get(i);
                suggestions.add(new Suggestion(new EntityMention("N" + i, gold.type(), gold.spans(), gold.normalizations()),
                        new Provenance("ncbi-tagger", "", "ner-en-1", 1), -0.1 * i));
            }
            store.suggestions().addSuggestions("ncbi", doc.id(), suggestions);
            DocumentCuration curation = DocumentCuration.open(store, "ncbi", doc.id());
            AnnotationModel model = curation.model();
            curation.accept(model.suggestion("N0").orElseThrow(), "test");
            curation.reject(model.suggestion("N1").orElseThrow(), "test");
            curation.skip(model.suggestion("N2").orElseThrow(), "test");
            curation.reject(model.suggestion("N3").orElseThrow(), "test");
            curation.undo("test");

            CurationFold fold = store.log().fold("ncbi", doc.id());
            assertEquals(SuggestionStatus.ACCEPTED, fold.statusOf("N0"));
            assertEquals(SuggestionStatus.REJECTED, fold.statusOf("N1"));
            assertEquals(SuggestionStatus.OPEN, fold.statusOf("N2"), "a skip decides nothing");
            assertEquals(SuggestionStatus.OPEN, fold.statusOf("N3"), "an undone reject opens the suggestion again");
            for (Suggestion s : model.suggestions()) {
                assertEquals(fold.statusOf(s.id()), model.status(s.id()), s.id());
                assertEquals(fold.isOpen(s.id()), model.openSuggestions().contains(s), s.id());
            }
            assertEquals(suggestions.size() - 2, model.openSuggestions().size());
            assertTrue(fold.isOpen("not-a-suggestion"), "no decision is in force on an unknown id");
        }
        assertThrows(IllegalArgumentException.class, () -> SuggestionStatus.of(CorrectionAction.SKIP));
    }
}
