package taiyi.workbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.CurationFold;
import taiyi.workbench.core.curation.LabelSuggestion;
import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.formats.pubtator.PubTatorReader;

/** What a model proposes for a real abstract — mentions, relations between them, labels — kept with provenance. */
class SuggestionLayerTest {

    private static final String CORPUS = "cdr";
    @TempDir
    Path dir;
    private Document doc;

    /** A new database of the kind with the test's documents imported. */
    private StoreLocation importOneAbstract(StoreKind kind) throws Exception {
        StoreLocation db = kind.newDatabase(dir);
        doc = new PubTatorReader().read(Path.of(System.getProperty("taiyi.testdata"), "bc5cdr/CDR_DevelopmentSet.PubTator.txt"))
                .get(0);
        try (CorpusStore store = CorpusStore.open(db)) {
            store.documents().importDocuments(CORPUS, List.of(doc), "CDR_DevelopmentSet.PubTator.txt");
        }
        return db;
    }

    /** The first gold chemical and disease of the abstract, proposed as a model would. */
    private List<Suggestion> twoMentions() {
        EntityMention chemical = doc.mentions().stream().filter(m -> m.type().equals("Chemical")).findFirst().orElseThrow();
        EntityMention disease = doc.mentions().stream().filter(m -> m.type().equals("Disease")).findFirst().orElseThrow();
        return List.of(new Suggestion(new EntityMention("s-1-0", "Chemical", chemical.spans(), List.of()), new Provenance("taiyi", "a1", "ner-en",
                1), -0.2), new Suggestion(new EntityMention("s-1-1", "Disease", disease.spans(), List.of()), new Provenance("taiyi", "a1", "ner-en",
                        1), -0.4));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void theDocumentsWithSuggestionsAreThoseAModelProposedSomethingFor(StoreKind kind) throws Exception {
        StoreLocation db = importOneAbstract(kind);
        try (CorpusStore store = CorpusStore.open(db)) {
            List<Document> more = new PubTatorReader().read(Path.of(System.getProperty("taiyi.testdata"),
                    "bc5cdr/CDR_DevelopmentSet.PubTator.txt")).subList(1, 4);
            store.documents().importDocuments(CORPUS, more, "CDR_DevelopmentSet.PubTator.txt");
            assertEquals(java.util.Set.of(), store.suggestions().documentsWithSuggestions(CORPUS));
            store.suggestions().addSuggestions(CORPUS, doc.id(), twoMentions());
            store.suggestions().addSuggestions(CORPUS, more.get(1).id(), List.of(), List.of(),
                    List.of(new LabelSuggestion("Case Report", new Provenance("taiyi", "a1", "tc-en", 1), -0.05)));
            assertEquals(java.util.Set.of(doc.id(), more.get(1).id()), store.suggestions().documentsWithSuggestions(CORPUS));
            assertEquals(java.util.Set.of(), store.suggestions().documentsWithSuggestions("no-such-corpus"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void theWholeLayerInOneReadIsWhatTheThreeReadsGive(StoreKind kind) throws Exception {
        StoreLocation db = importOneAbstract(kind);
        try (CorpusStore store = CorpusStore.open(db)) {
            RelationSuggestion cid = new RelationSuggestion(new Relation("s-1-r0", "CID", "s-1-0", "s-1-1"), new Provenance("taiyi", "a1",
                    "re-en", 1), -0.9);
            LabelSuggestion label = new LabelSuggestion("Case Report", new Provenance("taiyi", "a1", "tc-en", 1), -0.05);
            store.suggestions().addSuggestions(CORPUS, doc.id(), twoMentions(), List.of(cid), List.of(label));

            SuggestionStore.SuggestionLayer layer = store.suggestions().suggestionLayer(CORPUS, doc.id());
            assertEquals(twoMentions(), layer.mentions());
            assertEquals(List.of(cid), layer.relations());
            assertEquals(List.of(label), layer.labels());
            assertEquals(store.suggestions().suggestions(CORPUS, doc.id()), layer.mentions());
            assertEquals(store.suggestions().relationSuggestions(CORPUS, doc.id()), layer.relations());
            assertThrows(StoreException.class, () -> store.suggestions().suggestionLayer(CORPUS, "no-such-document"));

            // the body an editor opens: the imported text, passages and metadata, none of the layers' annotations
            Document body = store.documents().documentBody(CORPUS, doc.id()).orElseThrow();
            assertEquals(doc.text(), body.text());
            assertEquals(doc.passages(), body.passages());
            assertEquals(doc.metadata(), body.metadata());
            assertEquals(doc.language(), body.language());
            assertTrue(body.mentions().isEmpty() && body.relations().isEmpty());
            assertFalse(doc.mentions().isEmpty());
            assertTrue(store.documents().documentBody(CORPUS, "no-such-document").isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void mentionsRelationsAndLabelsComeBackWithTheirProvenance(StoreKind kind) throws Exception {
        StoreLocation db = importOneAbstract(kind);
        try (CorpusStore store = CorpusStore.open(db)) {
            assertFalse(store.suggestions().hasSuggestionsFrom(CORPUS, doc.id(), "taiyi", "a1", 1));
            RelationSuggestion cid = new RelationSuggestion(new Relation("s-1-r0", "CID", "s-1-0", "s-1-1"), new Provenance("taiyi", "a1",
                    "re-en", 1), -0.9);
            LabelSuggestion label = new LabelSuggestion("Case Report", new Provenance("taiyi", "a1", "tc-en", 1), -0.05);
            store.suggestions().addSuggestions(CORPUS, doc.id(), twoMentions(), List.of(cid), List.of(label));

            assertEquals(twoMentions(), store.suggestions().suggestions(CORPUS, doc.id()));
            assertEquals(List.of(cid), store.suggestions().relationSuggestions(CORPUS, doc.id()));
            assertEquals(List.of(label), store.suggestions().labelSuggestions(CORPUS, doc.id()));
            assertTrue(store.suggestions().hasSuggestionsFrom(CORPUS, doc.id(), "taiyi", "a1", 1));
            assertFalse(store.suggestions().hasSuggestionsFrom(CORPUS, doc.id(), "taiyi", "a1", 2), "another round is not the same");
            // the curated layer is untouched
            assertEquals(doc.mentions().size(), store.documents().document(CORPUS, doc.id()).orElseThrow().mentions().size());
            assertTrue(store.documents().document(CORPUS, doc.id()).orElseThrow().labels().isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void aSuggestedRelationIsAcceptedOrRejectedLikeASuggestedMention(StoreKind kind) throws Exception {
        StoreLocation db = importOneAbstract(kind);
        try (CorpusStore store = CorpusStore.open(db)) {
            RelationSuggestion cid = new RelationSuggestion(new Relation("s-1-r0", "CID", "s-1-0", "s-1-1"), new Provenance("taiyi", "", "re-en",
                    1), -0.9);
            RelationSuggestion other = new RelationSuggestion(new Relation("s-1-r1", "CID", "s-1-1", "s-1-0"), new Provenance("taiyi", "",
                    "re-en", 1), -2.5);
            store.suggestions().addSuggestions(CORPUS, doc.id(), twoMentions(), List.of(cid, other), List.of());
            // the curator accepts both arguments, then the relation between the accepted mentions
            for (Suggestion s : twoMentions()) {
                store.log().record(CORPUS, CorrectionEvent.onMention(doc.id(), "ann", CorrectionAction.ACCEPT, null,
                        new EntityMention("c-" + s.id(), s.mention().type(), s.mention().spans(), List.of()), s.id(), "editor", 300));
            }
            Relation accepted = new Relation("c-s-1-r0", "CID", "c-s-1-0", "c-s-1-1");
            store.log().record(CORPUS, new CorrectionEvent(0, doc.id(), "ann", java.time.Instant.now(), CorrectionAction.ACCEPT, null,
                    null, null, accepted, "s-1-r0", null, 0, "editor", 400));
            store.log().record(CORPUS, CorrectionEvent.decision(doc.id(), "ann", CorrectionAction.REJECT, "s-1-r1", "editor", 200));
            CurationFold fold = store.log().fold(CORPUS, doc.id());
            assertEquals(CorrectionAction.ACCEPT, fold.decisions().get("s-1-r0"));
            assertEquals(CorrectionAction.REJECT, fold.decisions().get("s-1-r1"));
            assertTrue(store.documents().document(CORPUS, doc.id()).orElseThrow().relations().contains(accepted));
            StoreException unknown = assertThrows(StoreException.class, () -> store.log().record(CORPUS,
                    CorrectionEvent.decision(doc.id(), "ann", CorrectionAction.REJECT, "s-1-r9", "editor", 200)));
            assertTrue(unknown.getMessage().contains("s-1-r9"), unknown.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void aRelationBetweenMentionsThatAreNotSuggestedRefusesTheWholeBatch(StoreKind kind) throws Exception {
        StoreLocation db = importOneAbstract(kind);
        try (CorpusStore store = CorpusStore.open(db)) {
            String curatedId = doc.mentions().get(0).id();
            RelationSuggestion dangling = new RelationSuggestion(new Relation("s-1-r0", "CID", "s-1-0", curatedId), new Provenance("taiyi", "",
                    "re-en", 1), -0.9);
            StoreException e = assertThrows(StoreException.class, () -> store.suggestions().addSuggestions(CORPUS, doc.id(), twoMentions(),
                    List.of(dangling), List.of(new LabelSuggestion("Case Report", new Provenance("taiyi", "", "tc-en", 1), -0.05))));
            assertTrue(e.getMessage().contains("s-1-r0") && e.getMessage().contains(curatedId), e.getMessage());
            assertTrue(store.suggestions().suggestions(CORPUS, doc.id()).isEmpty(), "nothing of the batch stays");
            assertTrue(store.suggestions().labelSuggestions(CORPUS, doc.id()).isEmpty());
            assertTrue(store.suggestions().relationSuggestions(CORPUS, doc.id()).isEmpty());
        }
    }
}
