package taiyi.workbench.curation.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.testing.TaiyiSuggestions;

/**
 * The consistency finder on a constructed corpus of six short abstracts about aspirin (C1), ulcer
 * (D1) and bleeding (D2), whose expected pairs are worked out by hand in each test.
 */
class ConsistencyFinderTest {

    @TempDir
    Path tmp;

    /**
     * d1 relates aspirin to ulcer; d2 names both and does not; d3 names aspirin only; d4 relates
     * aspirin to ulcer and to bleeding; d5 names aspirin and bleeding, unrelated in its curated layer
     * (a model suggests the relation, which does not count); d6 relates the two mentions of aspirin
     * and ulcer (a mention-level relation, read through their concepts).
     */
    private static List<Document> corpus() {
        String text = "Aspirin may cause ulcer and bleeding.";
        EntityMention aspirin = mention("M1", "Chemical", text, "Aspirin", "C1");
        EntityMention ulcer = mention("M2", "Disease", text, "ulcer", "D1");
        EntityMention bleeding = mention("M3", "Disease", text, "bleeding", "D2");
        List<Document> docs = new ArrayList<>();
        docs.add(doc("d1", text, List.of(aspirin, ulcer), List.of(new Relation("R1", "CID", "C1", "D1"))));
        docs.add(doc("d2", text, List.of(aspirin, ulcer), List.of()));
        docs.add(doc("d3", text, List.of(aspirin), List.of()));
        docs.add(doc("d4", text, List.of(aspirin, ulcer, bleeding),
                List.of(new Relation("R1", "CID", "C1", "D1"), new Relation("R2", "CID", "C1", "D2"))));
        docs.add(doc("d5", text, List.of(aspirin, bleeding), List.of()));
        docs.add(doc("d6", text, List.of(aspirin, ulcer), List.of(new Relation("R1", "CID", "M1", "M2"))));
        return docs;
    }

    private static EntityMention mention(String id, String type, String text, String phrase, String concept) {
        int start = text.indexOf(phrase);
        return EntityMention.of(id, type, start, start + phrase.length(), List.of(new Normalization("", concept)));
    }

    private static Document doc(String id, String text, List<EntityMention> mentions, List<Relation> relations) {
        return new Document(id, Language.ENGLISH, text, List.of(), Map.of(), mentions, relations);
    }

    private List<DocumentRelations> imported() {
        try (CorpusStore store = CorpusStore.open(tmp.resolve("db"))) {
            store.documents().importDocuments("aspirin", corpus(), "constructed");
            // the model names aspirin and bleeding by their concepts and relates them
            String text = corpus().get(4).text();
            Provenance taiyi = new Provenance(TaiyiSuggestions.MODEL, TaiyiSuggestions.ADAPTER, "ner-en-1", 1);
            store.suggestions().addSuggestions("aspirin", "d5",
                    List.of(new Suggestion(mention("P1", "Chemical", text, "Aspirin", "C1"), taiyi, -0.1),
                            new Suggestion(mention("P2", "Disease", text, "bleeding", "D2"), taiyi, -0.1)),
                    List.of(TaiyiSuggestions.cid("RS1", "P1", "P2", -0.1)), List.of());
            return CorpusRelations.read(store, "aspirin");
        }
    }

    @Test
    void pairsRelatedInSomeDocumentsAndNotInOthersNamingBothAreFound() {
        List<InconsistentRelation> found = ConsistencyFinder.find(imported());
        assertEquals(List.of(
                new InconsistentRelation("CID", "C1", "D1", "Aspirin", "ulcer", List.of("d1", "d4", "d6"), List.of("d2")),
                new InconsistentRelation("CID", "C1", "D2", "Aspirin", "bleeding", List.of("d4"), List.of("d5"))), found);
    }

    @Test
    void aSuggestionIsAnEdgeOfTheGraphButNotACuratorsWord() {
        List<DocumentRelations> docs = imported();
        DocumentRelations d5 = docs.get(4);
        assertEquals(List.of(new ConceptRelation("RS1", "CID", "C1", "D2", EdgeStatus.SUGGESTED, -0.1, List.of())),
                d5.relations());
        RelationGraph graph = RelationGraph.of(docs);
        // the suggestions name concepts the curated layer names: no node of their own
        assertEquals(List.of("C1", "D1", "D2"), graph.nodes().stream().map(GraphNode::key).toList());
        // curated C1->D1 in d1, d4, d6; curated C1->D2 in d4; suggested C1->D2 in d5
        assertEquals(List.of("curated CID C1 -> D1", "curated CID C1 -> D2", "suggested CID C1 -> D2"),
                graph.edges().stream().map(GraphEdge::id).toList());
        assertEquals(List.of(3, 1, 1), graph.edges().stream().map(GraphEdge::documents).toList());
        GraphNode aspirin = graph.node("C1").orElseThrow();
        assertEquals(6, aspirin.documents());
        assertEquals(6, aspirin.mentions());
        assertEquals(List.of(), aspirin.mentionIds(), "mention ids are for the document scope only");
    }

    @Test
    void aCorpusThatIsNotThereIsRefusedByName() {
        try (CorpusStore store = CorpusStore.open(tmp.resolve("db"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CorpusRelations.read(store, "nope"));
            assertEquals("no corpus 'nope' in " + store.folder(), e.getMessage());
        }
    }
}
