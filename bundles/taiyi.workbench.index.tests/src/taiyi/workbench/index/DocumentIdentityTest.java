package taiyi.workbench.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;

/** A document is its corpus and its id: the same id in two corpora is two documents, updated and deleted apart. */
class DocumentIdentityTest {

    private static IndexedDocument document(String corpus, String type) {
        Document d = new Document("PMID-1", Language.ENGLISH, "Cisplatin nephrotoxicity.", List.of(), Map.of(),
                List.of(EntityMention.of("T1", type, 0, 9, List.of())), List.of());
        return new IndexedDocument(corpus, d, List.of(), Map.of(), CurationState.NEW);
    }

    @Test
    void theSameIdInTwoCorporaIsTwoDocuments(@TempDir Path folder) {
        try (CorpusIndex index = CorpusIndex.open(folder)) {
            index.index(document("a", "Chemical"));
            index.index(document("b", "Chemical"));
            index.refresh();
            assertEquals(1, index.documentCount("a"));
            assertEquals(1, index.documentCount("b"));

            // an update replaces its own corpus's document only
            index.index(document("a", "Drug"));
            index.refresh();
            assertEquals(List.of("PMID-1"), index.search("a", "type:Drug", 10).documentIds());
            assertEquals(List.of(), index.search("a", "type:Chemical", 10).documentIds());
            assertEquals(List.of("PMID-1"), index.search("b", "type:Chemical", 10).documentIds());
            assertEquals(List.of("PMID-1"), index.search("b", "id:PMID-1", 10).documentIds());

            index.delete("a", "PMID-1");
            index.commit();
            index.refresh();
            assertEquals(0, index.documentCount("a"));
            assertEquals(1, index.documentCount("b"));
            assertEquals(List.of("PMID-1"), index.search("b", "cisplatin", 10).documentIds());
        }
    }
}
