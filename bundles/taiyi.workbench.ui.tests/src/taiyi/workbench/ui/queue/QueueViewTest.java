package taiyi.workbench.ui.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.ui.WorkbenchDriver.drain;
import static taiyi.workbench.ui.WorkbenchDriver.page;
import static taiyi.workbench.ui.WorkbenchDriver.screenshot;
import static taiyi.workbench.ui.WorkbenchDriver.testdata;
import static taiyi.workbench.ui.WorkbenchDriver.waitUntil;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.formats.pubtator.PubTatorReader;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.testing.TaiyiSuggestions;
import taiyi.workbench.ui.WorkbenchDatabase;
import taiyi.workbench.ui.editor.AnnotationItem;
import taiyi.workbench.ui.editor.DocumentEditor;
import taiyi.workbench.ui.navigator.CorpusNavigatorView;
import taiyi.workbench.ui.preferences.ModelPreferences;

/**
 * The queue in the workbench on four BC5CDR abstracts, two with Taiyi suggestions: the Queue view lists
 * them by margin with the reason and the score, N opens the next document at its most uncertain
 * suggestion (from the view, then from the editor), the navigator sorts by queue rank, and the
 * strategy chosen in the preferences ranks the view.
 */
class QueueViewTest {

    private static final String CORPUS = "cdr-queue-test";

    private List<Document> docs;

    @BeforeEach
    void importAndSuggest() throws Exception {
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(ModelPreferences.QUALIFIER);
        node.put(QueuePreferences.STRATEGY, "margin");
        node.putDouble(QueuePreferences.EXPLORATION, 0);
        node.putInt(QueuePreferences.WARM_UP, 0);
        CorpusStore store = WorkbenchDatabase.store();
        docs = new PubTatorReader().read(testdata("bc5cdr/CDR_DevelopmentSet.PubTator.txt")).subList(10, 14);
        if (store.statistics().corpora().stream().noneMatch(c -> c.name().equals(CORPUS))) {
            store.documents().importDocuments(CORPUS, docs, "queue test");
            // the second abstract: its second gold mention hesitated most (margin 0.05), its first less (0.6);
            // the third abstract: margin 0.5
            store.suggestions().addSuggestions(CORPUS, docs.get(1).id(), List.of(
                    suggestion(docs.get(1), 0, "s-1-1", 0.6), suggestion(docs.get(1), 1, "s-1-2", 0.05)));
            store.suggestions().addSuggestions(CORPUS, docs.get(2).id(), List.of(suggestion(docs.get(2), 0, "s-1-1", 0.5)));
        }
    }

    @AfterEach
    void restore() throws Exception {
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(ModelPreferences.QUALIFIER);
        node.remove(QueuePreferences.STRATEGY);
        node.remove(QueuePreferences.EXPLORATION);
        node.remove(QueuePreferences.WARM_UP);
        page().closeAllEditors(false);
        drain();
    }

    private static Suggestion suggestion(Document d, int gold, String id, double margin) {
        EntityMention m = d.mentions().get(gold);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("score.margin", Double.toString(margin));
        attributes.put("score.runnerUp", "0.2");
        return new Suggestion(new EntityMention(id, m.type(), m.spans(), List.of(), attributes),
                TaiyiSuggestions.mention(d, id, m.type(), d.text().substring(m.start(), m.end()), -0.3).provenance(), -0.3);
    }

    private static QueueView queueView() throws Exception {
        QueueView view = assertInstanceOf(QueueView.class, page().showView(QueueView.ID));
        // a reading of this test's preferences, not what an earlier test left in the view
        int before = view.readings();
        view.setCorpus(CORPUS);
        waitUntil("the queue of " + CORPUS, 60, () -> view.readings() > before && view.ranked().size() == 4
                && view.corpus().equals(CORPUS) && view.viewer().getTable().getItemCount() == 4);
        return view;
    }

    /** Presses N on a control, as the keyboard would: the workbench's key-binding filter sees it first. */
    private static void pressN(Control c) {
        pressNWithoutDraining(c);
        drain();
    }

    /** Presses N and returns before the UI thread runs anything a job handed to it. */
    private static void pressNWithoutDraining(Control c) {
        for (int type : new int[] {SWT.KeyDown, SWT.KeyUp}) {
            Event e = new Event();
            e.type = type;
            e.character = 'n';
            e.keyCode = 'n';
            e.widget = c;
            e.display = c.getDisplay();
            c.notifyListeners(type, e);
        }
    }

    private static Optional<DocumentEditor> activeEditor() {
        return page().getActiveEditor() instanceof DocumentEditor e ? Optional.of(e) : Optional.empty();
    }

    private static boolean caretOn(DocumentEditor editor, String suggestionId) {
        return editor.caretItem() instanceof AnnotationItem.SuggestedMention s && s.suggestion().id().equals(suggestionId);
    }

    @Test
    void listsTheDocumentsByMarginAndNOpensTheNextAtItsMostUncertainSuggestion() throws Exception {
        QueueView view = queueView();
        TableItem first = view.viewer().getTable().getItem(0);
        assertEquals("1", first.getText(0));
        assertEquals(docs.get(1).id(), first.getText(1));
        assertEquals("margin", first.getText(2));
        assertEquals("0.950", first.getText(3));
        EntityMention hesitant = docs.get(1).mentions().get(1);
        String text = docs.get(1).text().substring(hesitant.start(), hesitant.end());
        assertTrue(first.getText(4).contains("'" + text + "'"), first.getText(4));
        assertEquals(docs.get(2).id(), view.viewer().getTable().getItem(1).getText(1));
        assertEquals("0.500", view.viewer().getTable().getItem(1).getText(3));
        screenshot(page().getWorkbenchWindow().getShell(), "queue-view.png");

        // N in the Queue view: the first document, the caret on the suggestion with margin 0.05
        page().activate(view);
        pressN(view.viewer().getTable());
        waitUntil("the first queued document in the editor", 60, () -> activeEditor()
                .filter(e -> e.document().id().equals(docs.get(1).id())).isPresent());
        DocumentEditor editor = activeEditor().orElseThrow();
        waitUntil("the caret on the most uncertain suggestion", 30, () -> caretOn(editor, "s-1-2"));
        assertEquals(hesitant.start(), editor.textWidget().getCaretOffset());

        // N in the editor: the best ranked other document
        pressN(editor.textWidget());
        waitUntil("the second queued document in the editor", 60, () -> activeEditor()
                .filter(e -> e.document().id().equals(docs.get(2).id())).isPresent());
        DocumentEditor second = activeEditor().orElseThrow();
        waitUntil("the caret on its suggestion", 30, () -> caretOn(second, "s-1-1"));
    }

    @Test
    void nRanksInTheBackgroundAndASecondNWhileItRanksStartsNoSecondRanking() throws Exception {
        page().closeAllEditors(false);
        QueueView view = queueView();
        page().activate(view);
        drain();
        int before = NextInQueueHandler.rankingsStarted();

        pressNWithoutDraining(view.viewer().getTable());
        // the key returned before the document opened: that happens on the UI thread once the job has ranked
        assertTrue(NextInQueueHandler.ranking());
        assertTrue(activeEditor().isEmpty());
        // a second N before the UI thread ran anything the job handed back: it finds the first still at work
        pressNWithoutDraining(view.viewer().getTable());
        assertEquals(before + 1, NextInQueueHandler.rankingsStarted());

        waitUntil("the first queued document in the editor", 60, () -> activeEditor()
                .filter(e -> e.document().id().equals(docs.get(1).id())).isPresent());
        waitUntil("N done", 30, () -> !NextInQueueHandler.ranking());
        drain();
        assertEquals(before + 1, NextInQueueHandler.rankingsStarted());
        assertEquals(1, page().getEditorReferences().length);
    }

    @Test
    void theNavigatorSortsByQueueRank() throws Exception {
        CorpusNavigatorView navigator = assertInstanceOf(CorpusNavigatorView.class, page().findView(CorpusNavigatorView.ID));
        navigator.refresh();
        try {
            navigator.setSortByQueue(true);
            waitUntil("the corpus in the navigator", 60, () -> corpusItem(navigator).isPresent());
            navigator.viewer().setExpandedState(corpusItem(navigator).orElseThrow().getData(), true);
            waitUntil("the documents by queue rank", 60, () -> corpusItem(navigator).orElseThrow().getItemCount() == 4
                    && corpusItem(navigator).orElseThrow().getItem(0).getText().startsWith("#1  "));
            TreeItem corpus = corpusItem(navigator).orElseThrow();
            assertTrue(corpus.getItem(0).getText().startsWith("#1  " + docs.get(1).id()), corpus.getItem(0).getText());
            assertTrue(corpus.getItem(1).getText().startsWith("#2  " + docs.get(2).id()), corpus.getItem(1).getText());
            // the two without suggestions tie at score 0 and keep corpus order
            assertTrue(corpus.getItem(2).getText().startsWith("#3  " + docs.get(0).id()), corpus.getItem(2).getText());
            assertTrue(corpus.getItem(3).getText().startsWith("#4  " + docs.get(3).id()), corpus.getItem(3).getText());
        } finally {
            navigator.setSortByQueue(false);
        }
        waitUntil("corpus order again", 60, () -> corpusItem(navigator).orElseThrow().getItem(0).getText().startsWith(docs.get(0).id()));
    }

    @Test
    void theStrategyChosenInThePreferencesRanksTheView() throws Exception {
        QueueView view = queueView();
        int before = view.readings();
        InstanceScope.INSTANCE.getNode(ModelPreferences.QUALIFIER).put(QueuePreferences.STRATEGY, "random");
        waitUntil("the queue ranked at random", 60, () -> view.readings() > before && view.ranked().size() == 4
                && view.ranked().stream().allMatch(r -> r.strategy().equals("random")));
        assertEquals("random", view.viewer().getTable().getItem(0).getText(2));
    }

    private static Optional<TreeItem> corpusItem(CorpusNavigatorView navigator) {
        return java.util.Arrays.stream(navigator.viewer().getTree().getItems())
                .filter(i -> i.getText().startsWith(CORPUS + "  ")).findFirst();
    }
}
