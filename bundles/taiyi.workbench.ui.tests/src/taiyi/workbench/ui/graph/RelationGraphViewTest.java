package taiyi.workbench.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.ui.WorkbenchDriver.drain;
import static taiyi.workbench.ui.WorkbenchDriver.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.geometry.Point;
import org.eclipse.gef.ConnectionEditPart;
import org.eclipse.gef.EditDomain;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.GraphicalEditPart;
import org.eclipse.gef.GraphicalViewer;
import org.eclipse.gef.Request;
import org.eclipse.gef.RequestConstants;
import org.eclipse.gef.requests.ReconnectRequest;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.MouseEvent;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.CurationFold;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.curation.graph.EdgeStatus;
import taiyi.workbench.curation.graph.GraphEdge;
import taiyi.workbench.curation.graph.GraphNode;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.testing.TaiyiSuggestions;
import taiyi.workbench.testing.TestCorpora;
import taiyi.workbench.ui.editor.DocumentEditor;
import taiyi.workbench.ui.editor.DocumentEditorInput;

/**
 * The Relation Graph view in the real workbench, following an editor on a real BC5CDR abstract
 * (PMID 6794356, ten MeSH concepts, three CID relations from lithium carbonate) with the model's
 * mentions of lithium carbonate, cyanosis, cardiac arrhythmia and neurologic depression and a CID
 * suggestion from the first to each other. Every edit goes through GEF (a drag with the connection
 * tool, requests on edge parts) and is checked in the store's log, in the graph and in the editor.
 */
class RelationGraphViewTest {

    private static final String PMID = "6794356";
    private static final String LITHIUM = "Chemical \"lithium carbonate\"";
    private static CorpusStore store;
    private static Document abstractDoc;
    private String corpus;
    private DocumentEditor editor;
    private RelationGraphView view;

    @TempDir
    Path tmp;

    @BeforeAll
    static void openStore() throws Exception {
        store = CorpusStore.open(Files.createTempDirectory(Path.of(System.getProperty("taiyi.data")).getParent(), "graph-test-db"));
        abstractDoc = TestCorpora.bc5cdrDevelAbstract(PMID);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @BeforeEach
    void openEditorAndGraph(TestInfo info) throws Exception {
        corpus = "graph-" + info.getTestMethod().orElseThrow().getName();
        store.documents().importDocuments(corpus, List.of(abstractDoc), "CDR_DevelopmentSet.PubTator.txt");
        store.suggestions().addSuggestions(corpus, PMID, List.of(
                TaiyiSuggestions.mention(abstractDoc, "P1", "Chemical", "Lithium carbonate", -0.1),
                TaiyiSuggestions.mention(abstractDoc, "P2", "Disease", "cyanosis", -0.3),
                TaiyiSuggestions.mention(abstractDoc, "P3", "Disease", "cardiac arrhythmia", -0.5),
                TaiyiSuggestions.mention(abstractDoc, "P4", "Disease", "neurologic depression", -1.5)), List.of(
                        TaiyiSuggestions.cid("RS1", "P1", "P2", -0.2),
                        TaiyiSuggestions.cid("RS2", "P1", "P3", -0.9),
                        TaiyiSuggestions.cid("RS3", "P1", "P4", -2.0)),
                List.of());
        editor = assertInstanceOf(DocumentEditor.class,
                page().openEditor(new DocumentEditorInput(store, corpus, PMID), DocumentEditor.ID));
        view = assertInstanceOf(RelationGraphView.class, page().showView(RelationGraphView.ID));
        waitUntil("the graph to follow the editor", 30,
                () -> view.scope() != null && PMID.equals(view.scope().documentId()) && corpus.equals(view.scope().corpus()));
        page().setPartState(page().getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        drain();
        view.fit();
        drain();
    }

    @AfterEach
    void close() {
        page().setPartState(page().getReference(view), IWorkbenchPage.STATE_RESTORED);
        page().hideView(view);
        page().closeAllEditors(false);
    }

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    private CurationFold fold() {
        return store.log().fold(corpus, PMID);
    }

    private CorrectionEvent lastEvent() {
        List<CorrectionEvent> log = store.log().events(corpus, PMID);
        return log.get(log.size() - 1);
    }

    private boolean graphHas(String edgeId) {
        return view.graph().edge(edgeId).isPresent();
    }

    private static String suggested(String tail) {
        return GraphEdge.idOf(EdgeStatus.SUGGESTED, "CID", LITHIUM, tail);
    }

    private static String curated(String head, String tail) {
        return GraphEdge.idOf(EdgeStatus.CURATED, "CID", head, tail);
    }

    /** The centre of a node's disc in the viewer control's pixels. */
    private Point centreOf(String conceptKey) {
        GraphicalEditPart part = (GraphicalEditPart) view.nodePart(conceptKey).orElseThrow();
        IFigure disc = ((ConceptFigure) part.getFigure()).disc();
        Point p = disc.getBounds().getCenter();
        disc.translateToAbsolute(p);
        return p;
    }

    private static MouseEvent mouse(Control c, Point p, int button, int state) {
        Event e = new Event();
        e.widget = c;
        e.display = c.getDisplay();
        e.x = p.x;
        e.y = p.y;
        e.button = button;
        e.stateMask = state;
        e.time = (int) System.currentTimeMillis();
        return new MouseEvent(e);
    }

    /** A press on one point, a drag in steps and a release on another, through the viewer's edit domain (its active tool). */
    private void drag(Point from, Point to) {
        GraphicalViewer viewer = view.viewer();
        Control c = viewer.getControl();
        EditDomain domain = viewer.getEditDomain();
        domain.mouseMove(mouse(c, from, 0, 0), viewer);
        domain.mouseDown(mouse(c, from, 1, 0), viewer);
        for (int i = 1; i <= 8; i++) {
            Point p = new Point(from.x + (to.x - from.x) * i / 8, from.y + (to.y - from.y) * i / 8);
            domain.mouseDrag(mouse(c, p, 0, SWT.BUTTON1), viewer);
        }
        domain.mouseUp(mouse(c, to, 1, SWT.BUTTON1), viewer);
        drain();
    }

    private void pressKey(char key) {
        Event e = new Event();
        e.widget = view.viewer().getControl();
        e.display = e.widget.getDisplay();
        e.character = key;
        e.keyCode = key;
        view.viewer().getEditDomain().keyDown(new org.eclipse.swt.events.KeyEvent(e), view.viewer());
        drain();
    }

    private void select(String edgeId) {
        EditPart part = view.edgePart(edgeId).orElseThrow(() -> new AssertionError("no edge " + edgeId + " in " + view.graph().edges()));
        view.viewer().select(part);
        drain();
    }

    @Test
    void aDragFromOneConceptToAnotherRelatesThemInTheStoreTheGraphAndTheEditor() {
        // lithium (D008094) and congestive heart failure (D006333) are not related in the abstract
        assertFalse(graphHas(curated("D008094", "D006333")));
        GraphNode lithium = view.node("D008094").orElseThrow();
        GraphNode failure = view.node("D006333").orElseThrow();
        view.setRelationType("CID");
        view.setRelatingByDrag(true);
        drag(centreOf("D008094"), centreOf("D006333"));

        waitUntil("the dragged relation to show as a curated edge", 30, () -> graphHas(curated("D008094", "D006333")));
        CorrectionEvent made = lastEvent();
        assertEquals(CorrectionAction.CREATE, made.action());
        assertEquals("graph", made.uiLocation());
        Relation r = made.relationAfter();
        assertEquals(List.of("CID", lithium.mentionIds().get(0), failure.mentionIds().get(0)), List.of(r.type(), r.head(), r.tail()));
        assertTrue(fold().curated().relations().contains(r));
        waitUntil("the editor to show the graph's relation", 30, () -> editor.model().relation(r.id()).isPresent());
        assertEquals("", view.lastMessage());

        // dragging the tail's end onto atrial flutter (D001282): a reconnect request the node answers
        GraphNode flutter = view.node("D001282").orElseThrow();
        ReconnectRequest reconnect = new ReconnectRequest(RequestConstants.REQ_RECONNECT_TARGET);
        reconnect.setConnectionEditPart((ConnectionEditPart) view.edgePart(curated("D008094", "D006333")).orElseThrow());
        EditPart flutterPart = view.nodePart("D001282").orElseThrow();
        reconnect.setTargetEditPart(flutterPart);
        view.viewer().getEditDomain().getCommandStack().execute(flutterPart.getCommand(reconnect));
        waitUntil("the edge to move to atrial flutter", 30,
                () -> graphHas(curated("D008094", "D001282")) && !graphHas(curated("D008094", "D006333")));
        CorrectionEvent moved = lastEvent();
        assertEquals(List.of(lithium.mentionIds().get(0), flutter.mentionIds().get(0)),
                List.of(moved.relationAfter().head(), moved.relationAfter().tail()));
        assertFalse(fold().curated().relations().contains(r), "the old relation is deleted");

        // a drag from a concept to itself relates nothing
        int events = store.log().events(corpus, PMID).size();
        drag(centreOf("D008094"), centreOf("D008094"));
        assertEquals(events, store.log().events(corpus, PMID).size());
    }

    @Test
    void suggestedEdgesAreAcceptedAndRejectedInTheGraph() {
        assertTrue(graphHas(suggested("Disease \"cyanosis\"")));
        select(suggested("Disease \"cyanosis\""));
        view.acceptSelection();
        waitUntil("the accepted suggestion to turn curated", 30,
                () -> graphHas(curated(LITHIUM, "Disease \"cyanosis\"")) && !graphHas(suggested("Disease \"cyanosis\"")));
        assertEquals(CorrectionAction.ACCEPT, fold().decisions().get("RS1"));
        assertEquals(CorrectionAction.ACCEPT, fold().decisions().get("P1"), "the argument suggestions come along");

        // R on the viewer, as in the editor
        select(suggested("Disease \"neurologic depression\""));
        pressKey('r');
        waitUntil("the rejected suggestion to leave the graph", 30, () -> !graphHas(suggested("Disease \"neurologic depression\"")));
        assertEquals(CorrectionAction.REJECT, fold().decisions().get("RS3"));
        assertTrue(graphHas(suggested("Disease \"cardiac arrhythmia\"")), "the third suggestion is still open");
        waitUntil("the editor to hear of both decisions", 30,
                () -> !editor.model().status("RS1").isOpen() && !editor.model().status("RS3").isOpen());

        // a double-click on an edge opens its statement in the editor
        view.edgePart(curated(LITHIUM, "Disease \"cyanosis\"")).orElseThrow().performRequest(new Request(RequestConstants.REQ_OPEN));
        drain();
        assertEquals(PMID, ((DocumentEditor) page().getActiveEditor()).document().id());
        assertTrue(editor.caretItem() != null && editor.caretItem().id().equals("RS1"), String.valueOf(editor.caretItem()));
    }

    @Test
    void theEditorUndoesWhatTheGraphDidAndTheGraphUndoesWhatTheEditorDid() {
        select(suggested("Disease \"cardiac arrhythmia\""));
        view.acceptSelection();
        waitUntil("the graph's accept", 30, () -> graphHas(curated(LITHIUM, "Disease \"cardiac arrhythmia\"")));
        waitUntil("the editor to hear of it", 30, () -> !editor.model().status("RS2").isOpen());

        editor.undo("test");
        assertTrue(fold().statusOf("RS2").isOpen(), "the editor's undo took back the graph's accept of the relation");
        waitUntil("the graph to show the suggestion open again", 30,
                () -> graphHas(suggested("Disease \"cardiac arrhythmia\"")) && !graphHas(curated(LITHIUM, "Disease \"cardiac arrhythmia\"")));

        editor.selectRelationSuggestion("RS3");
        editor.rejectAtCaret("test");
        assertEquals(CorrectionAction.REJECT, fold().decisions().get("RS3"));
        waitUntil("the graph to drop the rejected suggestion", 30, () -> !graphHas(suggested("Disease \"neurologic depression\"")));

        view.undo();
        assertTrue(fold().statusOf("RS3").isOpen(), "the graph's undo took back the editor's reject");
        assertEquals(CorrectionAction.UNDO, lastEvent().action());
        waitUntil("the editor and the graph to show the suggestion open again", 30,
                () -> editor.model().status("RS3").isOpen() && graphHas(suggested("Disease \"neurologic depression\"")));
        view.redo();
        assertEquals(CorrectionAction.REJECT, fold().decisions().get("RS3"));
        waitUntil("the editor to hear of the redo", 30, () -> !editor.model().status("RS3").isOpen());
    }

    @Test
    void theCorpusScopeListsInconsistentPairsAndTheGraphExports() throws Exception {
        // a second abstract naming lithium carbonate and cyanosis without relating them
        Document other = TestCorpora.bc5cdrDevel().stream().filter(d -> !d.id().equals(PMID)).filter(
                d -> d.mentions().stream().anyMatch(m -> m.isNormalizedTo("D016651")) && d.mentions().stream().anyMatch(
                        m -> m.isNormalizedTo("D003490")) && d.relations().stream().noneMatch(
                                r -> r.head().equals("D016651") && r.tail().equals("D003490"))).findFirst().orElse(null);
        if (other == null) {
            // no such abstract in the set: make one from this abstract without its relations
            other = new Document("copy-" + PMID, abstractDoc.language(), abstractDoc.text(), abstractDoc.passages(),
                    abstractDoc.metadata(), abstractDoc.mentions(), List.of());
        }
        store.documents().importDocuments(corpus, List.of(other), "test");
        view.showCorpus(store, corpus);
        assertTrue(view.isBusy(), "a corpus is read and laid out off the UI thread");
        waitUntil("the corpus graph to be read and laid out", 30, () -> !view.isBusy());
        String otherId = other.id();
        assertTrue(view.inconsistencies().stream().anyMatch(r -> r.head().equals("D016651") && r.tail().equals("D003490")
                && r.relatedIn().equals(List.of(PMID)) && r.unrelatedIn().equals(List.of(otherId))), view.inconsistencies().toString());
        assertTrue(view.inconsistencyTree().getTree().getItemCount() > 0);

        Path png = tmp.resolve("graph.png");
        Path svg = tmp.resolve("graph.svg");
        Path graphml = tmp.resolve("graph.graphml");
        view.export(png);
        view.export(svg);
        view.export(graphml);
        assertEquals(List.of((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G'), List.of(Files.readAllBytes(png)[0],
                Files.readAllBytes(png)[1], Files.readAllBytes(png)[2], Files.readAllBytes(png)[3]));
        String drawing = Files.readString(svg);
        assertEquals(view.graph().nodes().size(), drawing.split("<ellipse ", -1).length - 1);
        assertEquals(view.graph().edges().size(), drawing.split("<polyline ", -1).length - 1);
        assertTrue(drawing.contains("stroke-dasharray=\"6 4\""), "suggested edges are dashed");
        assertEquals(view.graph().nodes().size(), Files.readString(graphml).split("<node ", -1).length - 1);
    }
}
