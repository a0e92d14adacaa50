package taiyi.workbench.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.ui.editor.EditorDriver.ctrl;
import static taiyi.workbench.ui.editor.EditorDriver.drain;
import static taiyi.workbench.ui.editor.EditorDriver.key;
import static taiyi.workbench.ui.editor.EditorDriver.mouse;
import static taiyi.workbench.ui.editor.EditorDriver.screenshot;
import static taiyi.workbench.ui.editor.EditorDriver.type;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

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
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.ui.properties.AnnotationPropertiesView;
import taiyi.workbench.ui.properties.AnnotationProperty;
import taiyi.workbench.testing.TaiyiSuggestions;
import taiyi.workbench.testing.TestCorpora;

/**
 * The model's relation suggestions in the real workbench, on a real BC5CDR abstract (PMID 6794356)
 * whose gold CID relations join lithium carbonate (D016651) to cyanosis, cardiac arrhythmia and
 * neurologic depression: the model proposes mentions on those gold spans and CID relations between
 * them; the curator decides them by keys and mouse, and the store's log and fold are checked after
 * each step.
 */
class RelationSuggestionEditorTest {

    private static final String PMID = "6794356";
    private static final String MODEL = TaiyiSuggestions.MODEL;
    private static CorpusStore store;
    private static Document abstractDoc;
    private String corpus;
    private DocumentEditor editor;
    private StyledText text;

    @BeforeAll
    static void openStore() throws Exception {
        store = EditorDriver.testStore("relsug-test-db");
        abstractDoc = TestCorpora.bc5cdrDevelAbstract(PMID);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @BeforeEach
    void openEditor(TestInfo info) throws Exception {
        corpus = "relsug-" + info.getTestMethod().orElseThrow().getName();
        store.documents().importDocuments(corpus, List.of(abstractDoc), "CDR_DevelopmentSet.PubTator.txt");
        // mentions on the gold spans of the chemical and the three diseases it induces, then CID relations between them
        store.suggestions().addSuggestions(corpus, PMID, List.of(
                suggestion("P1", "Chemical", "Lithium carbonate", -0.1),
                suggestion("P2", "Disease", "cyanosis", -0.3),
                suggestion("P3", "Disease", "cardiac arrhythmia", -0.5),
                suggestion("P4", "Disease", "neurologic depression", -1.5)), List.of(
                        cid("RS1", "P1", "P2", -0.2),
                        cid("RS2", "P1", "P3", -0.9),
                        cid("RS3", "P1", "P4", -2.0)),
                List.of(new LabelSuggestion("Case Report", new Provenance(MODEL, "round1-lora", "tc-en-1", 1), -0.05)));
        editor = assertInstanceOf(DocumentEditor.class,
                page().openEditor(new DocumentEditorInput(store, corpus, PMID), DocumentEditor.ID));
        text = editor.textWidget();
        repaint();
    }

    @AfterEach
    void closeEditors() {
        page().closeAllEditors(false);
    }

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    private int at(String phrase) {
        int i = abstractDoc.text().indexOf(phrase);
        assertTrue(i >= 0, phrase + " is not in the abstract");
        return i;
    }

    private Suggestion suggestion(String id, String type, String phrase, double score) {
        return TaiyiSuggestions.mention(abstractDoc, id, type, phrase, score);
    }

    private static RelationSuggestion cid(String id, String head, String tail, double score) {
        return TaiyiSuggestions.cid(id, head, tail, score);
    }

    private void repaint() {
        drain();
        text.redraw();
        drain();
    }

    private List<CorrectionEvent> log() {
        return store.log().events(corpus, PMID);
    }

    private CorrectionEvent lastEvent() {
        List<CorrectionEvent> log = log();
        return log.get(log.size() - 1);
    }

    private CurationFold fold() {
        return store.log().fold(corpus, PMID);
    }

    /** The suggestion arcs painted last, by suggestion id. */
    private List<String> suggestionArcs() {
        return editor.paintedArcs().stream().filter(a -> a.suggestion() != null).map(a -> a.suggestion().id()).toList();
    }

    private RelationArcFigure arcOf(String suggestionId) {
        return editor.paintedArcs().stream().filter(a -> a.suggestion() != null && a.suggestion().id().equals(suggestionId))
                .findFirst().orElseThrow(() -> new AssertionError("no dashed arc for " + suggestionId));
    }

    /** The editor follows decisions without refolding: what it shows must be the store's fold. */
    private void assertEditorShowsTheFold() {
        CurationFold fold = fold();
        assertEquals(new HashSet<>(fold.curated().mentions()), new HashSet<>(editor.model().mentions()));
        assertEquals(new HashSet<>(fold.curated().relations()), new HashSet<>(editor.model().relations()));
        for (RelationSuggestion r : editor.model().relationSuggestions()) {
            assertEquals(fold.decisions().get(r.id()), editor.model().decisionOn(r.id()), "decision on " + r.id());
        }
        for (Suggestion s : editor.model().suggestions()) {
            assertEquals(fold.decisions().get(s.id()), editor.model().decisionOn(s.id()), "decision on " + s.id());
        }
    }

    private void clickLabelOf(String suggestionId) {
        org.eclipse.draw2d.geometry.Point label = arcOf(suggestionId).labelBounds().getCenter();
        mouse(text, SWT.MouseDown, label.x, label.y);
        mouse(text, SWT.MouseUp, label.x, label.y);
    }

    @Test
    void aSuggestedRelationIsDrawnDashedAcceptedByKeyWithItsArgumentsAndUndoneStepByStep() throws Exception {
        assertEquals(List.of("RS1", "RS2", "RS3"), suggestionArcs(), "the three relation suggestions were not drawn");
        assertEquals("CID -0.20", arcOf("RS1").labelText());
        assertEquals("CID -2.00", arcOf("RS3").labelText());
        // the curated CID arcs are grey: the relation type's colour comes from the dashed suggestion arcs
        assertTrue(WorkbenchPixels.contains(EditorDriver.capture(text), EntityTypePalette.strongRgbOf("CID")),
                "no arc in the CID colour was painted");
        screenshot(text.getShell(), "editor-relation-suggestions.png");

        clickLabelOf("RS1");
        AnnotationItem.SuggestedRelation selected = assertInstanceOf(AnnotationItem.SuggestedRelation.class, editor.caretItem());
        assertEquals("RS1", selected.id());
        int before = log().size();
        type(text, 'a');

        List<CorrectionEvent> made = log().subList(before, log().size());
        assertEquals(3, made.size(), made.toString());
        assertEquals(List.of("P1", "P2", "RS1"), made.stream().map(CorrectionEvent::suggestionId).toList());
        assertTrue(made.stream().allMatch(e -> e.action() == CorrectionAction.ACCEPT && e.uiLocation().equals("editor:keyboard")));
        EntityMention lithium = made.get(0).mentionAfter();
        EntityMention cyanosis = made.get(1).mentionAfter();
        assertEquals("Lithium carbonate", lithium.coveredText(abstractDoc.text()));
        assertEquals("cyanosis", cyanosis.coveredText(abstractDoc.text()));
        Relation accepted = made.get(2).relationAfter();
        assertEquals("CID", accepted.type());
        assertEquals(lithium.id(), accepted.head());
        assertEquals(cyanosis.id(), accepted.tail());
        CurationFold fold = fold();
        assertTrue(fold.curated().relations().contains(accepted));
        assertTrue(fold.curated().mentions().containsAll(List.of(lithium, cyanosis)));
        assertEquals(Map.of("P1", CorrectionAction.ACCEPT, "P2", CorrectionAction.ACCEPT, "RS1", CorrectionAction.ACCEPT),
                fold.decisions());
        assertEditorShowsTheFold();
        // the next open suggestion of the cycle: the following relation suggestion
        assertEquals("RS2", assertInstanceOf(AnnotationItem.SuggestedRelation.class, editor.caretItem()).id());

        repaint();
        assertEquals(List.of("RS2", "RS3"), suggestionArcs(), "a decided suggestion is still drawn dashed");
        RelationArcFigure curatedArc = editor.paintedArcs().stream().filter(a -> a.relation().equals(accepted)).findFirst()
                .orElseThrow(() -> new AssertionError("the accepted relation is not drawn as a curated arc"));
        assertNull(curatedArc.suggestion());
        assertEquals("CID", curatedArc.labelText());
        screenshot(text.getShell(), "editor-relation-suggestion-accepted.png");

        ctrl(text, 'z');
        assertEquals(CorrectionAction.UNDO, lastEvent().action());
        assertEquals(made.get(2).id(), lastEvent().refersTo());
        assertFalse(fold().curated().relations().contains(accepted));
        assertEquals(Map.of("P1", CorrectionAction.ACCEPT, "P2", CorrectionAction.ACCEPT), fold().decisions());
        assertEditorShowsTheFold();
        repaint();
        // open again, drawn between the curated mentions its arguments became
        assertTrue(suggestionArcs().contains("RS1"));

        ctrl(text, 'z');
        assertEquals(made.get(1).id(), lastEvent().refersTo());
        assertEquals(Map.of("P1", CorrectionAction.ACCEPT), fold().decisions());
        assertEditorShowsTheFold();

        ctrl(text, 'z');
        assertEquals(made.get(0).id(), lastEvent().refersTo());
        assertTrue(fold().decisions().isEmpty());
        assertEquals(new HashSet<>(abstractDoc.mentions()), new HashSet<>(fold().curated().mentions()));
        assertEquals(new HashSet<>(abstractDoc.relations()), new HashSet<>(fold().curated().relations()));
        assertEditorShowsTheFold();
        repaint();
        assertEquals(List.of("RS1", "RS2", "RS3"), suggestionArcs());
    }

    @Test
    void tabReachesRelationSuggestionsAfterTheTextAndRejectRemovesTheArc() throws Exception {
        // past the text's last annotation ("cardiac arrhythmia"), Tab goes on to the relation suggestions
        text.setSelection(at("cardiac arrhythmia") + 1);
        drain();
        key(text, '\t', SWT.TAB, 0);
        assertEquals("RS1", assertInstanceOf(AnnotationItem.SuggestedRelation.class, editor.caretItem()).id());
        key(text, '\t', SWT.TAB, 0);
        assertEquals("RS2", editor.caretItem().id());

        int before = log().size();
        type(text, 'r');
        assertEquals(before + 1, log().size(), "a reject is one event");
        CorrectionEvent rejected = lastEvent();
        assertEquals(CorrectionAction.REJECT, rejected.action());
        assertEquals("RS2", rejected.suggestionId());
        assertNull(rejected.relationAfter());
        assertEquals(Map.of("RS2", CorrectionAction.REJECT), fold().decisions());
        assertEquals(new HashSet<>(abstractDoc.relations()), new HashSet<>(fold().curated().relations()));
        assertEditorShowsTheFold();
        repaint();
        assertEquals(List.of("RS1", "RS3"), suggestionArcs(), "the rejected suggestion's arc is still drawn");
        assertEquals("RS3", editor.caretItem().id());

        // S passes over it (logged, decides nothing); Backspace rejects too
        type(text, 's');
        assertEquals(CorrectionAction.SKIP, lastEvent().action());
        assertEquals("RS3", lastEvent().suggestionId());
        assertNull(fold().decisions().get("RS3"));
        assertEquals("P1", editor.caretItem().id(), "after the last relation suggestion the cycle wraps to the mentions");
        editor.selectRelationSuggestion("RS3");
        key(text, '\b', SWT.BS, 0);
        assertEquals(CorrectionAction.REJECT, fold().decisions().get("RS3"));
        assertEditorShowsTheFold();
    }

    @Test
    void thePropertiesViewDescribesARelationSuggestionAndTheDocumentsSuggestedLabels() throws Exception {
        AnnotationPropertiesView view = (AnnotationPropertiesView) page().showView(AnnotationPropertiesView.ID);
        page().activate(editor);
        editor.selectRelationSuggestion("RS3");
        EditorDriver.awaitPublished(editor);
        Map<String, String> rows = asMap(view.rows());
        assertEquals("suggested relation (open)", rows.get("Layer"));
        assertEquals("Chemical-induced disease (CID)", rows.get("Type"), "the known name of BC5CDR's CID, the code beside it");
        assertEquals("P1 \"Lithium carbonate\" (Chemical, suggested)", rows.get("Head"));
        assertEquals("P4 \"neurologic depression\" (Disease, suggested)", rows.get("Tail"));
        assertEquals(MODEL, rows.get("Model"));
        assertEquals("round1-lora", rows.get("Adapter"));
        assertEquals("re-en-1", rows.get("Template"));
        assertEquals("-2.0000", rows.get("Score"));

        // accepted and taken back: the history lists both; the head is now shown open again
        type(text, 'a');
        ctrl(text, 'z');
        ctrl(text, 'z');
        editor.selectRelationSuggestion("RS3");
        EditorDriver.awaitPublished(editor);
        rows = asMap(view.rows());
        assertEquals("P4 \"neurologic depression\" (Disease, suggested)", rows.get("Tail"));
        assertEquals("P1 \"Lithium carbonate\" (Chemical; accepted as P1)", rows.get("Head"));
        List<String> history = view.rows().stream().filter(r -> r.name().startsWith("#")).map(AnnotationProperty::value).toList();
        assertEquals(2, history.size(), history.toString());
        assertTrue(history.get(0).startsWith("ACCEPT by ") && history.get(0).contains("editor:keyboard"), history.toString());
        assertTrue(history.get(1).startsWith("UNDO by "), history.toString());
        screenshot(text.getShell(), "editor-relation-suggestion-properties.png");

        // nothing at the caret: the document's suggested labels, in the view and in the legend band
        text.setSelection(at("is described"));
        drain();
        assertNull(editor.caretItem());
        EditorDriver.awaitPublished(editor);
        assertEquals(List.of(new AnnotationProperty("Suggested label",
                "Case Report (score -0.0500; " + MODEL + " + round1-lora, tc-en-1, round 1)")), view.rows());
        assertEquals("suggested labels: Case Report -0.05", editor.legend().suggestedLabelsText());
    }

    @Test
    void acceptAllTakesRelationSuggestionsByScoreAndByRelationType() throws Exception {
        execute("taiyi.workbench.ui.editor.acceptAllScored", Map.of("taiyi.workbench.ui.editor.minScore", "-1.0"));
        // mentions first (P4 at -1.5 stays open), then the relations scored at least -1.0 (RS3 at -2.0 stays open)
        List<CorrectionEvent> accepts = log().stream().filter(e -> e.action() == CorrectionAction.ACCEPT).toList();
        assertEquals(List.of("P1", "P2", "P3", "RS1", "RS2"), accepts.stream().map(CorrectionEvent::suggestionId).toList());
        assertEquals("P3", accepts.get(4).relationAfter().tail());
        assertEditorShowsTheFold();

        execute("taiyi.workbench.ui.editor.acceptAllOfType", Map.of("taiyi.workbench.ui.editor.entityType", "CID"));
        accepts = log().stream().filter(e -> e.action() == CorrectionAction.ACCEPT).toList();
        // the relation type's suggestion brings its open argument P4 along, as its own event first
        assertEquals(List.of("P1", "P2", "P3", "RS1", "RS2", "P4", "RS3"),
                accepts.stream().map(CorrectionEvent::suggestionId).toList());
        assertEquals(abstractDoc.relations().size() + 3, fold().curated().relations().size());
        assertTrue(editor.model().openRelationSuggestions().isEmpty());
        assertEditorShowsTheFold();
    }

    @Test
    void aRelationWhoseArgumentWasRejectedIsRefusedWithTheReasonAndNothingWritten() {
        editor.selectRelationSuggestion("RS1");
        // reject its tail's suggestion through the store, as another curator's decision would arrive
        store.log().record(corpus, CorrectionEvent.decision(PMID, "other", CorrectionAction.REJECT, "P2", "editor:keyboard", 10));
        drain();
        editor.selectRelationSuggestion("RS1");
        int before = log().size();
        type(text, 'a');
        assertEquals(before, log().size(), "a refused accept wrote events");
        assertNotNull(editor.lastMessage());
        assertTrue(editor.lastMessage().contains("RS1") && editor.lastMessage().contains("P2")
                && editor.lastMessage().contains("rejected"), editor.lastMessage());
        assertNull(fold().decisions().get("P1"), "the head was accepted although the relation was refused");
    }

    private void execute(String commandId, Map<String, String> parameters) throws Exception {
        ICommandService commands = editor.getSite().getService(ICommandService.class);
        IHandlerService handlers = editor.getSite().getService(IHandlerService.class);
        handlers.executeCommand(ParameterizedCommand.generateCommand(commands.getCommand(commandId), parameters), null);
        drain();
    }

    private static Map<String, String> asMap(List<AnnotationProperty> rows) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        rows.forEach(r -> out.putIfAbsent(r.name(), r.value()));
        return out;
    }
}
