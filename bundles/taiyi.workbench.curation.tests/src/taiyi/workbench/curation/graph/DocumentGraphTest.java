package taiyi.workbench.curation.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.curation.DocumentCuration;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.testing.TaiyiSuggestions;
import taiyi.workbench.testing.TestCorpora;

/**
 * The document scope on a real BC5CDR abstract (PMID 6794356): its ten MeSH concepts and three CID
 * relations (read off its PubTator lines), and the model's suggestions of lithium carbonate, cyanosis,
 * cardiac arrhythmia and neurologic depression with a CID suggestion from the first to each other;
 * then the graph as GraphML.
 */
class DocumentGraphTest {

    private static final String PMID = "6794356";
    private static Document abstractDoc;

    @TempDir
    Path tmp;

    private CorpusStore store;
    private DocumentCuration curation;

    @BeforeAll
    static void readAbstract() throws Exception {
        abstractDoc = TestCorpora.bc5cdrDevelAbstract(PMID);
    }

    @BeforeEach
    void importAndSuggest() {
        store = CorpusStore.open(tmp.resolve("db"));
        store.documents().importDocuments("cdr", List.of(abstractDoc), "CDR_DevelopmentSet.PubTator.txt");
        store.suggestions().addSuggestions("cdr", PMID, List.of(
                TaiyiSuggestions.mention(abstractDoc, "P1", "Chemical", "Lithium carbonate", -0.1),
                TaiyiSuggestions.mention(abstractDoc, "P2", "Disease", "cyanosis", -0.3),
                TaiyiSuggestions.mention(abstractDoc, "P3", "Disease", "cardiac arrhythmia", -0.5),
                TaiyiSuggestions.mention(abstractDoc, "P4", "Disease", "neurologic depression", -1.5)), List.of(
                        TaiyiSuggestions.cid("RS1", "P1", "P2", -0.2),
                        TaiyiSuggestions.cid("RS2", "P1", "P3", -0.9),
                        TaiyiSuggestions.cid("RS3", "P1", "P4", -2.0)),
                List.of());
        curation = DocumentCuration.open(store, "cdr", PMID);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private RelationGraph graph() {
        return RelationGraph.of(List.of(DocumentRelations.of(PMID, curation.model())));
    }

    @Test
    void conceptsAreNodesCuratedRelationsAndOpenSuggestionsAreEdges() {
        RelationGraph graph = graph();
        List<String> concepts = List.of("D014262", "D016651", "D064420", "D001282", "D006333", "D008094", "D006331", "D003866",
                "D003490", "D001145");
        // the suggestions carry no concept: the model's lithium carbonate and diseases are their own nodes
        List<String> suggested = List.of("Chemical \"lithium carbonate\"", "Disease \"cyanosis\"", "Disease \"cardiac arrhythmia\"",
                "Disease \"neurologic depression\"");
        List<String> keys = new ArrayList<>(concepts);
        keys.addAll(suggested);
        assertEquals(keys, graph.nodes().stream().map(GraphNode::key).toList());
        GraphNode lithiumCarbonate = graph.node("D016651").orElseThrow();
        assertEquals("lithium carbonate", lithiumCarbonate.label());
        assertEquals(2, lithiumCarbonate.mentions());
        assertEquals(2, lithiumCarbonate.mentionIds().size());
        assertEquals("Chemical", lithiumCarbonate.type());
        assertEquals(3, graph.node("D014262").orElseThrow().mentions());
        assertTrue(graph.node(suggested.get(0)).orElseThrow().isSuggestedOnly());
        assertEquals(List.of("P1"), graph.node(suggested.get(0)).orElseThrow().suggestionIds());

        assertEquals(List.of("curated CID D016651 -> D003490", "curated CID D016651 -> D001145", "curated CID D016651 -> D003866",
                "suggested CID " + suggested.get(0) + " -> " + suggested.get(1),
                "suggested CID " + suggested.get(0) + " -> " + suggested.get(2),
                "suggested CID " + suggested.get(0) + " -> " + suggested.get(3)), graph.edges().stream().map(GraphEdge::id).toList());
        assertEquals(-0.9, graph.edges().get(4).score());
        assertEquals(List.of(new EdgeSource(PMID, "RS2", List.of())), graph.edges().get(4).sources());
        assertTrue(Double.isNaN(graph.edges().get(0).score()));
    }

    @Test
    void anAcceptedSuggestionTurnsCuratedAndARejectedOneLeaves() {
        curation.accept(relation("RS1"), "test");
        curation.reject(relation("RS3"), "test");
        RelationGraph graph = graph();
        String lithium = "Chemical \"lithium carbonate\"";
        assertEquals(List.of("curated CID D016651 -> D003490", "curated CID D016651 -> D001145", "curated CID D016651 -> D003866",
                "curated CID " + lithium + " -> Disease \"cyanosis\"",
                "suggested CID " + lithium + " -> Disease \"cardiac arrhythmia\""), graph.edges().stream().map(GraphEdge::id).toList());
        GraphNode accepted = graph.node(lithium).orElseThrow();
        assertEquals(1, accepted.mentions(), "the accepted argument is a curated mention now");
        assertTrue(accepted.suggestionIds().isEmpty());

        curation.undo("test");
        curation.undo("test");
        assertEquals(6, graph().edges().size());
    }

    @Test
    void filtersKeepTypesAndStatuses() {
        RelationGraph curatedDiseases = graph().filtered(new GraphFilter(java.util.Set.of("Disease"), java.util.Set.of(EdgeStatus.CURATED)));
        assertEquals(0, curatedDiseases.edges().size(), "every edge has a chemical end");
        assertTrue(curatedDiseases.nodes().stream().allMatch(n -> n.type().equals("Disease")));
        RelationGraph suggestions = graph().filtered(new GraphFilter(java.util.Set.of(), java.util.Set.of(EdgeStatus.SUGGESTED)));
        assertEquals(14, suggestions.nodes().size());
        assertEquals(3, suggestions.edges().size());
    }

    @Test
    void graphMlHoldsEveryNodeAndEdgeWithTheirData() throws Exception {
        RelationGraph graph = graph();
        Path file = tmp.resolve("cdr.graphml");
        new GraphMLWriter().write(graph, file);
        Map<String, Map<String, String>> nodes = new HashMap<>();
        List<Map<String, String>> edges = new ArrayList<>();
        XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(new StringReader(Files.readString(file)));
        Map<String, String> current = null;
        String key = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                assertEquals(GraphMLWriter.NAMESPACE, xml.getNamespaceURI());
                switch (xml.getLocalName()) {
                    case "node" -> {
                        current = new HashMap<>();
                        nodes.put(xml.getAttributeValue(null, "id"), current);
                    }
                    case "edge" -> {
                        current = new HashMap<>();
                        current.put("source", xml.getAttributeValue(null, "source"));
                        current.put("target", xml.getAttributeValue(null, "target"));
                        edges.add(current);
                    }
                    case "data" -> key = xml.getAttributeValue(null, "key");
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.CHARACTERS && key != null) {
                current.merge(key, xml.getText(), String::concat);
            } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("data")) {
                key = null;
            }
        }
        assertEquals(14, nodes.size());
        assertEquals(Map.of("label", "lithium carbonate", "entityType", "Chemical", "mentions", "2", "documents", "1"),
                nodes.get("D016651"));
        // the quotes of a text-keyed concept survive as an id
        assertEquals("0", nodes.get("Disease \"cyanosis\"").get("mentions"));
        assertEquals(6, edges.size());
        assertEquals(Map.of("source", "D016651", "target", "D003490", "relationType", "CID", "status", "curated",
                "edgeDocuments", "1", "sources", PMID + "/" + abstractDoc.relations().get(0).id()), edges.get(0));
        assertEquals("-0.2", edges.get(3).get("score"));
        assertEquals("suggested", edges.get(3).get("status"));
        StringWriter again = new StringWriter();
        new GraphMLWriter().write(graph, again);
        assertEquals(Files.readString(file), again.toString());
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".part")).toList(), "no partial file left");
        }
    }

    private RelationSuggestion relation(String id) {
        return curation.model().relationSuggestions().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
