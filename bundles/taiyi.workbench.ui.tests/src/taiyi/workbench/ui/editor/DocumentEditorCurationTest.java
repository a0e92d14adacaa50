package taiyi.workbench.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.ui.editor.EditorDriver.ctrl;
import static taiyi.workbench.ui.editor.EditorDriver.ctrlShift;
import static taiyi.workbench.ui.editor.EditorDriver.drain;
import static taiyi.workbench.ui.editor.EditorDriver.key;
import static taiyi.workbench.ui.editor.EditorDriver.mouse;
import static taiyi.workbench.ui.editor.EditorDriver.screenshot;
import static taiyi.workbench.ui.editor.EditorDriver.type;

import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
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
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.ui.properties.AnnotationProperty;
import taiyi.workbench.ui.properties.AnnotationPropertiesView;
import taiyi.workbench.testing.TaiyiSuggestions;
import taiyi.workbench.testing.TestCorpora;

/**
 * Curates a real BC5CDR abstract (PMID 6794356: lithium carbonate toxicity, with its CID relations)
 * in the real workbench by keys and mouse, and checks the store's log and fold after every step.
 * Each test imports the abstract into its own corpus of a test database, so the workbench's own
 * database (the sample corpus) is left alone.
 */
class DocumentEditorCurationTest {

    private static final String PMID = "6794356";
    private static CorpusStore store;
    private static Document abstractDoc;
    private String corpus;
    private DocumentEditor editor;
    private StyledText text;

    @BeforeAll
    static void openStore() throws Exception {
        store = EditorDriver.testStore("editor-test-db");
        abstractDoc = TestCorpora.bc5cdrDevelAbstract(PMID);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @BeforeEach
    void openEditor(TestInfo info) throws Exception {
        corpus = "bc5cdr-" + info.getTestMethod().orElseThrow().getName();
        store.documents().importDocuments(corpus, List.of(abstractDoc), "CDR_DevelopmentSet.PubTator.txt");
        editor = assertInstanceOf(DocumentEditor.class,
                page().openEditor(new DocumentEditorInput(store, corpus, PMID), DocumentEditor.ID));
        text = editor.textWidget();
        drain();
    }

    @AfterEach
    void closeEditors() {
        page().closeAllEditors(false);
    }

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    private String docText() {
        return abstractDoc.text();
    }

    private int at(String phrase) {
        int i = docText().indexOf(phrase);
        assertTrue(i >= 0, phrase + " is not in the abstract");
        return i;
    }

    private CorrectionEvent lastEvent() {
        List<CorrectionEvent> log = store.log().events(corpus, PMID);
        return log.get(log.size() - 1);
    }

    private CurationFold fold() {
        return store.log().fold(corpus, PMID);
    }

    /** The editor follows each decision without refolding: what it shows must be the store's fold. */
    private void assertEditorShowsTheFold() {
        CurationFold fold = fold();
        assertEquals(new java.util.HashSet<>(fold.curated().mentions()), new java.util.HashSet<>(editor.model().mentions()));
        assertEquals(new java.util.HashSet<>(fold.curated().relations()), new java.util.HashSet<>(editor.model().relations()));
        for (Suggestion s : editor.model().suggestions()) {
            assertEquals(fold.decisions().get(s.id()), editor.model().decisionOn(s.id()), "decision on " + s.id());
        }
    }

    private void caretTo(int offset) {
        text.setSelection(offset);
        drain();
    }

    /** Waits until the editor has published what is at the caret. */
    private void selectionPublished() {
        EditorDriver.awaitPublished(editor);
    }

    private Suggestion suggestion(String id, String type, String phrase, double score) {
        return TaiyiSuggestions.mention(abstractDoc, id, type, phrase, score);
    }

    private void addSuggestions() {
        store.suggestions().addSuggestions(corpus, PMID, List.of(
                suggestion("S1", "Disease", "massive tricuspid regurgitation", -0.30),
                suggestion("S2", "Chemical", "lithium compounds", -0.10),
                suggestion("S3", "Disease", "pregnancy", -1.50),
                suggestion("S4", "Disease", "heart disease", -0.05)));
        drain();
    }

    @Test
    void aSelectionIsLabelledByItsDigitKeyAndUndoRedoWalkTheLog() throws Exception {
        assertEquals(List.of("Disease", "Chemical"), editor.keyedTypes().subList(0, 2));
        int start = at("newborn infant");
        text.setSelection(start, start + "newborn infant".length());
        type(text, '1');

        CorrectionEvent created = lastEvent();
        assertEquals(CorrectionAction.CREATE, created.action());
        assertEquals("editor:keyboard", created.uiLocation());
        assertEquals("Disease", created.mentionAfter().type());
        assertEquals("newborn infant", created.mentionAfter().coveredText(docText()));
        assertTrue(fold().curated().mentions().contains(created.mentionAfter()));
        StyleRange style = text.getStyleRangeAtOffset(start + 3);
        assertNotNull(style, "the new mention is not styled");
        assertEquals(EntityTypePalette.rgbOf("Disease"), style.background.getRGB());

        ctrl(text, 'z');
        assertEquals(CorrectionAction.UNDO, lastEvent().action());
        assertEquals(created.id(), lastEvent().refersTo());
        assertFalse(fold().curated().mentions().contains(created.mentionAfter()));
        assertEditorShowsTheFold();
        assertNull(text.getStyleRangeAtOffset(start + 3), "the undone mention is still styled");

        ctrlShift(text, 'z');
        assertEquals(CorrectionAction.REDO, lastEvent().action());
        assertTrue(fold().curated().mentions().contains(created.mentionAfter()));
        assertNotNull(text.getStyleRangeAtOffset(start + 3));
        assertEquals(abstractDoc.mentions().size() + 1, editor.model().mentions().size());
        assertEditorShowsTheFold();
    }

    @Test
    void suggestionsAreAcceptedRejectedAndSkippedByOneKeyEach() throws Exception {
        addSuggestions();
        assertEquals(4, editor.model().openSuggestions().size(), "the editor did not follow the store's new suggestions");
        // Tab walks to the first item after the caret: the curated mention "Tricuspid valve regurgitation" is at 0
        caretTo(at("massive") - 1);
        key(text, '\t', SWT.TAB, 0);
        assertEquals(at("massive"), text.getCaretOffset());
        AnnotationItem.SuggestedMention s1 = assertInstanceOf(AnnotationItem.SuggestedMention.class, editor.caretItem());
        assertEquals("S1", s1.suggestion().id());

        type(text, 'a');
        CorrectionEvent accepted = lastEvent();
        assertEquals(CorrectionAction.ACCEPT, accepted.action());
        assertEquals("S1", accepted.suggestionId());
        assertEquals("editor:keyboard", accepted.uiLocation());
        assertEquals(CorrectionAction.ACCEPT, fold().decisions().get("S1"));
        assertTrue(fold().curated().mentions().stream().anyMatch(m -> m.type().equals("Disease")
                && m.coveredText(docText()).equals("massive tricuspid regurgitation")));
        // the caret jumped to the next open suggestion in the text
        assertEquals("S2", ((AnnotationItem.SuggestedMention) editor.caretItem()).suggestion().id());
        assertEquals(at("lithium compounds"), text.getCaretOffset());

        type(text, 'r');
        assertEquals(CorrectionAction.REJECT, lastEvent().action());
        assertEquals("S2", lastEvent().suggestionId());
        assertEquals(CorrectionAction.REJECT, fold().decisions().get("S2"));
        assertEquals("S3", ((AnnotationItem.SuggestedMention) editor.caretItem()).suggestion().id());

        type(text, 's');
        assertEquals(CorrectionAction.SKIP, lastEvent().action());
        assertEquals("S3", lastEvent().suggestionId());
        assertNull(fold().decisions().get("S3"), "a skip decides nothing");
        assertEquals("S4", ((AnnotationItem.SuggestedMention) editor.caretItem()).suggestion().id());

        // Backspace rejects too; the skipped S3 is still open, so the caret wraps back to it
        key(text, '\b', SWT.BS, 0);
        assertEquals(CorrectionAction.REJECT, fold().decisions().get("S4"));
        assertEquals("S3", ((AnnotationItem.SuggestedMention) editor.caretItem()).suggestion().id());
        List<CorrectionEvent> log = store.log().events(corpus, PMID);
        assertEquals(List.of(CorrectionAction.IMPORT, CorrectionAction.ACCEPT, CorrectionAction.REJECT, CorrectionAction.SKIP,
                CorrectionAction.REJECT), log.stream().map(CorrectionEvent::action).toList());
        assertTrue(log.stream().skip(1).allMatch(e -> e.durationMs() >= 0 && e.durationMs() < 600_000), log.toString());
        assertEditorShowsTheFold();

        // hovering the open suggestion names its type, model and score
        Rectangle s3 = text.getTextBounds(at("pregnancy") + 2, at("pregnancy") + 2);
        mouse(text, SWT.MouseMove, s3.x + 1, s3.y + s3.height / 2);
        String tip = text.getToolTipText();
        assertNotNull(tip, "no tooltip over the suggestion");
        assertTrue(tip.contains("suggested Disease: pregnancy") && tip.contains("DUTIR-BioNLP/Taiyi-LLM")
                && tip.contains("score -1.500"), tip);

        // the open suggestion S3 is drawn dashed in its type's strong colour
        ImageData shown = EditorDriver.capture(text);
        assertTrue(WorkbenchPixels.contains(shown, EntityTypePalette.strongRgbOf("Disease")),
                "no suggestion outline or underline in the Disease colour was painted");
        screenshot(text.getShell(), "editor-suggestions.png");
    }

    @Test
    void acceptAllOfATypeIsOneEventPerSuggestionAndUndoableOneByOne() throws Exception {
        addSuggestions();
        execute("taiyi.workbench.ui.editor.acceptAllOfType", Map.of("taiyi.workbench.ui.editor.entityType", "Disease"));
        List<CorrectionEvent> log = store.log().events(corpus, PMID);
        List<CorrectionEvent> accepts = log.stream().filter(e -> e.action() == CorrectionAction.ACCEPT).toList();
        assertEquals(List.of("S1", "S3", "S4"), accepts.stream().map(CorrectionEvent::suggestionId).toList());
        assertTrue(accepts.stream().allMatch(e -> e.uiLocation().equals("editor:accept-all")));
        assertEquals(List.of("S2"), editor.model().openSuggestions().stream().map(Suggestion::id).toList());

        ctrl(text, 'z');
        assertEquals(Map.of("S1", CorrectionAction.ACCEPT, "S3", CorrectionAction.ACCEPT), fold().decisions());
        assertEditorShowsTheFold();

        execute("taiyi.workbench.ui.editor.acceptAllScored", Map.of("taiyi.workbench.ui.editor.minScore", "-0.2"));
        // S4 (-0.05) came back open with the undo; S2 (-0.10) and S4 are at least -0.2
        assertEquals(Map.of("S1", CorrectionAction.ACCEPT, "S2", CorrectionAction.ACCEPT, "S3", CorrectionAction.ACCEPT,
                "S4", CorrectionAction.ACCEPT), fold().decisions());
        assertTrue(editor.model().openSuggestions().isEmpty());
        assertEditorShowsTheFold();
    }

    private void execute(String commandId, Map<String, String> parameters) throws Exception {
        ICommandService commands = editor.getSite().getService(ICommandService.class);
        IHandlerService handlers = editor.getSite().getService(IHandlerService.class);
        ParameterizedCommand command = ParameterizedCommand.generateCommand(commands.getCommand(commandId), parameters);
        handlers.executeCommand(command, null);
        drain();
    }

    @Test
    void aMentionIsDeletedByKeyAndRetypedByDigit() {
        caretTo(at("toxicity"));
        EntityMention toxicity = ((AnnotationItem.CuratedMention) editor.caretItem()).mention();
        key(text, (char) 127, SWT.DEL, 0);
        assertEquals(CorrectionAction.DELETE, lastEvent().action());
        assertEquals(toxicity, lastEvent().mentionBefore());
        assertFalse(fold().curated().mentions().contains(toxicity));

        caretTo(at("cyanosis"));
        type(text, '2');
        CorrectionEvent modified = lastEvent();
        assertEquals(CorrectionAction.MODIFY, modified.action());
        assertEquals("Disease", modified.mentionBefore().type());
        assertEquals("Chemical", modified.mentionAfter().type());
        assertEquals(EntityTypePalette.rgbOf("Chemical"), text.getStyleRangeAtOffset(at("cyanosis") + 2).background.getRGB());
        assertEditorShowsTheFold();
    }

    @Test
    void relationsAreDrawnByKeysAndByDragSelectedByTheirLabelAndDeleted() throws Exception {
        // the imported CID relations relate concepts: dashed arcs between the concepts' first mentions
        drain();
        text.redraw();
        drain();
        assertEquals(3, editor.paintedArcs().size(), "the three CID relations were not drawn");
        assertTrue(editor.paintedArcs().stream().allMatch(a -> a.labelText().equals("CID (concepts)")));

        caretTo(at("lithium carbonate"));
        type(text, 'h');
        caretTo(at("toxicity"));
        type(text, 't');
        drain();
        // the relation-type chooser is open on the schema's relation types; Enter takes the first
        Relation byKeys = chooseFirstRelationType();
        assertEquals("CID", byKeys.type());
        assertEquals(mentionAt("lithium carbonate").id(), byKeys.head());
        assertEquals(mentionAt("toxicity").id(), byKeys.tail());
        assertEquals("editor:keyboard", lastEvent().uiLocation());
        assertTrue(fold().curated().relations().contains(byKeys));

        // drag from "atrial flutter" to "congestive heart failure"
        Rectangle from = text.getTextBounds(at("atrial flutter") + 2, at("atrial flutter") + 2);
        Rectangle to = text.getTextBounds(at("congestive heart") + 2, at("congestive heart") + 2);
        mouse(text, SWT.MouseDown, from.x + 1, from.y + from.height / 2);
        mouse(text, SWT.MouseMove, to.x + 1, to.y + to.height / 2);
        mouse(text, SWT.MouseUp, to.x + 1, to.y + to.height / 2);
        Relation byDrag = chooseFirstRelationType();
        assertEquals("editor:mouse", lastEvent().uiLocation());
        assertEquals(mentionAt("atrial flutter").id(), byDrag.head());
        assertEquals(mentionAt("congestive heart failure").id(), byDrag.tail());
        text.redraw();
        drain();
        assertEquals(5, editor.paintedArcs().size());
        screenshot(text.getShell(), "editor-relations.png");

        // a click on its label selects the relation; Delete removes it; undo brings it back
        RelationArcFigure arc = editor.paintedArcs().stream().filter(a -> a.relation().equals(byDrag)).findFirst().orElseThrow();
        org.eclipse.draw2d.geometry.Point label = arc.labelBounds().getCenter();
        mouse(text, SWT.MouseDown, label.x, label.y);
        mouse(text, SWT.MouseUp, label.x, label.y);
        assertEquals(byDrag, assertInstanceOf(AnnotationItem.CuratedRelation.class, editor.caretItem()).relation());
        key(text, (char) 127, SWT.DEL, 0);
        assertEquals(CorrectionAction.DELETE, lastEvent().action());
        assertEquals(byDrag, lastEvent().relationBefore());
        assertFalse(fold().curated().relations().contains(byDrag));
        ctrl(text, 'z');
        assertTrue(fold().curated().relations().contains(byDrag));
        assertEditorShowsTheFold();
    }

    private Relation chooseFirstRelationType() {
        TypeChooser chooser = editor.chooser();
        assertNotNull(chooser, "no relation-type chooser opened: " + editor.lastMessage());
        assertTrue(chooser.isOpen());
        assertEquals(List.of("CID"), chooser.types());
        // Enter on the list (its default selection) takes the highlighted first type
        chooser.listWidget().notifyListeners(SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
        drain();
        assertFalse(chooser.isOpen());
        CorrectionEvent created = lastEvent();
        assertEquals(CorrectionAction.CREATE, created.action(), "no relation was created: " + editor.lastMessage());
        return created.relationAfter();
    }

    private EntityMention mentionAt(String phrase) {
        return editor.model().mentionsAt(at(phrase)).get(0);
    }

    @Test
    void thePropertiesViewDescribesTheItemAtTheCaretWithItsHistory() throws Exception {
        addSuggestions();
        AnnotationPropertiesView view = (AnnotationPropertiesView) page().showView(AnnotationPropertiesView.ID);
        page().activate(editor);
        caretTo(at("pregnancy"));
        assertEquals("S3", editor.caretItem().id());
        selectionPublished();
        Map<String, String> rows = asMap(view.rows());
        assertEquals("suggested (open)", rows.get("Layer"));
        assertEquals("DUTIR-BioNLP/Taiyi-LLM", rows.get("Model"));
        assertEquals("-1.5000", rows.get("Score"));
        assertEquals("pregnancy", rows.get("Text"));

        type(text, 'a');
        caretTo(at("pregnancy"));
        selectionPublished();
        rows = asMap(view.rows());
        assertEquals("curated", rows.get("Layer"));
        assertEquals("Disease", rows.get("Type"));
        assertTrue(view.rows().stream().anyMatch(r -> r.name().startsWith("#") && r.value().startsWith("ACCEPT by ")
                && r.value().contains("editor:keyboard")), view.rows().toString());

        caretTo(at("lithium carbonate"));
        selectionPublished();
        rows = asMap(view.rows());
        assertEquals("D016651", rows.get("Concepts"));
        assertTrue(view.rows().stream().filter(r -> r.name().equals("Relation")).count() >= 3, view.rows().toString());
        assertTrue(view.rows().stream().anyMatch(r -> r.value().startsWith("IMPORT by ")), view.rows().toString());
        screenshot(text.getShell(), "editor-properties.png");
    }

    private static Map<String, String> asMap(List<AnnotationProperty> rows) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        rows.forEach(r -> out.putIfAbsent(r.name(), r.value()));
        return out;
    }

    @Test
    void theEditorFollowsSuggestionsAddedElsewhereWithoutMovingTheCaret() throws Exception {
        caretTo(at("cardiac disease"));
        int top = text.getTopPixel();
        Thread job = new Thread(() -> store.suggestions().addSuggestions(corpus, PMID, List.of(suggestion("J1", "Chemical", "Sixty-three", -0.7))));
        job.start();
        job.join();
        drain();
        assertEquals(List.of("J1"), editor.model().openSuggestions().stream().map(Suggestion::id).toList());
        assertEquals(at("cardiac disease"), text.getCaretOffset());
        assertEquals(top, text.getTopPixel());
    }

    @Test
    void theRightButtonMenuOffersTheCurationCommands() {
        addSuggestions();
        caretTo(at("pregnancy"));
        org.eclipse.swt.widgets.Menu menu = text.getMenu();
        assertNotNull(menu, "the editor has no context menu");
        menu.notifyListeners(SWT.Show, new org.eclipse.swt.widgets.Event());
        drain();
        List<String> labels = java.util.Arrays.stream(menu.getItems()).map(i -> i.getText().replace("&", "")).toList();
        assertTrue(labels.stream().anyMatch(l -> l.startsWith("Accept All of a Type")), labels.toString());
        org.eclipse.swt.widgets.MenuItem skip = java.util.Arrays.stream(menu.getItems())
                .filter(i -> i.getText().replace("&", "").startsWith("Skip Suggestion")).findFirst().orElseThrow();
        assertTrue(skip.isEnabled());
        skip.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        drain();
        assertEquals(CorrectionAction.SKIP, lastEvent().action());
        assertEquals("S3", lastEvent().suggestionId());
        assertEquals("editor:menu", lastEvent().uiLocation());
        menu.notifyListeners(SWT.Hide, new org.eclipse.swt.widgets.Event());
    }

    @Test
    void theLegendShowsEachTypesDigitKeyAndCount() {
        long diseases = abstractDoc.mentions().stream().filter(m -> m.type().equals("Disease")).count();
        assertEquals("1 Disease  " + diseases, ((org.eclipse.draw2d.Label) editor.legend().getChildren().get(0)).getText());
        assertTrue(WorkbenchPixels.contains(EditorDriver.capture(text), EntityTypePalette.rgbOf("Chemical")));
        RGB underline = EntityTypePalette.strongRgbOf("Chemical");
        assertTrue(WorkbenchPixels.contains(EditorDriver.capture(text), underline), "no Chemical underline painted");
    }
}
