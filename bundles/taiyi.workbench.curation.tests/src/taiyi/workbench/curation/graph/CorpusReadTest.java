package taiyi.workbench.curation.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.curation.DocumentCuration;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.testing.TaiyiSuggestions;
import taiyi.workbench.testing.TestCorpora;

/**
 * The corpus read (every curated layer from the store's rows at once) gives each document of BC5CDR
 * development exactly what reading it alone gives (the fold of its log), concepts in the same order,
 * after curators related, unrelated and retyped in some abstracts, and with a model's suggestions on
 * one of them (read alone either way).
 */
class CorpusReadTest {

    @TempDir
    Path tmp;

    @Test
    void theCorpusReadIsEachDocumentReadAlone() throws Exception {
        List<Document> docs = TestCorpora.bc5cdrDevel();
        try (CorpusStore store = CorpusStore.open(tmp.resolve("db"))) {
            store.documents().importDocuments("cdr", docs, "CDR_DevelopmentSet.PubTator.txt");

            DocumentCuration first = DocumentCuration.open(store, "cdr", docs.get(0).id());
            List<EntityMention> mentions = first.model().mentions();
            first.relate("CID", mentions.get(0), mentions.get(mentions.size() - 1), "test");
            first.retype(mentions.get(1), mentions.get(1).type().equals("Chemical") ? "Disease" : "Chemical", "test");

            DocumentCuration second = DocumentCuration.open(store, "cdr", docs.get(1).id());
            Relation gone = second.model().relations().get(0);
            second.deleteRelation(gone, "test");
            second.undo("test");
            second.deleteRelation(second.model().relations().get(0), "test");

            Document third = docs.get(2);
            store.suggestions().addSuggestions("cdr", third.id(), List.of(
                    TaiyiSuggestions.mention(third, "P1", "Chemical", third.mentions().get(0).coveredText(third.text()), -0.1)),
                    List.of(), List.of());

            List<DocumentRelations> corpus = CorpusRelations.read(store, "cdr");
            List<DocumentRelations> alone = new ArrayList<>();
            for (Document d : docs) {
                alone.add(CorpusRelations.read(store, "cdr", d.id()));
            }
            assertEquals(alone, corpus);
            for (int i = 0; i < corpus.size(); i++) {
                assertEquals(List.copyOf(alone.get(i).concepts().keySet()), List.copyOf(corpus.get(i).concepts().keySet()),
                        corpus.get(i).documentId());
            }
            assertEquals(RelationGraph.of(alone), RelationGraph.of(corpus));
        }
    }
}
