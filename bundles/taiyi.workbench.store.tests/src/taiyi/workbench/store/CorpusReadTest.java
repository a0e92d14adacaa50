package taiyi.workbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.formats.pubtator.PubTatorReader;

/**
 * A whole corpus read at once ({@code allDocuments}, one query per table) gives exactly the documents
 * that reading each alone gives, in import order, after curators changed mentions and relations
 * (a changed relation moves to the end of its document's list in the fold and in the rows alike),
 * and nothing of another corpus.
 */
class CorpusReadTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void aCorpusReadAtOnceIsEachDocumentReadAlone(StoreKind kind) throws Exception {
        Path testdata = Path.of(System.getProperty("taiyi.testdata"));
        List<Document> development = new PubTatorReader().read(testdata.resolve("bc5cdr/CDR_DevelopmentSet.PubTator.txt"));
        List<Document> training = new PubTatorReader().read(testdata.resolve("bc5cdr/CDR_TrainingSet.PubTator.txt")).subList(0, 40);
        try (CorpusStore store = CorpusStore.open(kind.newDatabase(dir))) {
            store.documents().importDocuments("cdr", development, "CDR_DevelopmentSet.PubTator.txt");
            store.documents().importDocuments("train", training, "CDR_TrainingSet.PubTator.txt");
            curate(store, development);

            for (String corpus : List.of("cdr", "train")) {
                List<Document> oneByOne = new ArrayList<>();
                for (DocumentSummary s : store.documents().summaries(corpus)) {
                    oneByOne.add(store.documents().document(corpus, s.id()).orElseThrow());
                }
                assertEquals(oneByOne, store.documents().allDocuments(corpus), corpus);
            }
            assertEquals(training, store.documents().allDocuments("train"), "an untouched corpus reads back as imported");
            assertTrue(store.documents().allDocuments("cdr").get(1).relations().stream().anyMatch(r -> r.type().equals("reviewed")));
            assertThrows(StoreException.class, () -> store.documents().allDocuments("nope"));
        }
    }

    /** Changes to mentions and relations of the first documents, as curators make them. */
    private static void curate(CorpusStore store, List<Document> docs) {
        Document a = docs.get(0);
        EntityMention first = a.mentions().get(0);
        store.log().record("cdr", CorrectionEvent.onMention(a.id(), "ann", CorrectionAction.MODIFY, first,
                new EntityMention(first.id(), first.type().equals("Chemical") ? "Disease" : "Chemical", first.spans(),
                        first.normalizations()), null, "test", 10));
        store.log().record("cdr", CorrectionEvent.onMention(a.id(), "ann", CorrectionAction.CREATE, null,
                new EntityMention("new-1", "Gene", first.spans(), List.of()), null, "test", 10));

        Document b = docs.get(1);
        Relation r0 = b.relations().get(0);
        store.log().record("cdr", CorrectionEvent.onRelation(b.id(), "ann", CorrectionAction.MODIFY, r0,
                new Relation(r0.id(), "reviewed", r0.head(), r0.tail()), "test", 10));
        store.log().record("cdr", CorrectionEvent.onRelation(b.id(), "ann", CorrectionAction.CREATE, null,
                new Relation("new-r", "CID", r0.tail(), r0.head()), "test", 10));

        Document c = docs.get(2);
        store.log().record("cdr", CorrectionEvent.onRelation(c.id(), "ann", CorrectionAction.DELETE, c.relations().get(0), null, "test", 10));
        store.log().undo("cdr", c.id(), "ann", "test");
    }
}
