package taiyi.workbench.ui.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.ui.WorkbenchDriver.drain;
import static taiyi.workbench.ui.WorkbenchDriver.page;
import static taiyi.workbench.ui.WorkbenchDriver.screenshot;
import static taiyi.workbench.ui.WorkbenchDriver.testdata;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IViewPart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.pubtator.PubTatorReader;
import taiyi.workbench.ui.WorkbenchDriver;
import taiyi.workbench.ui.WorkbenchIndex;
import taiyi.workbench.index.QuerySyntaxException;
import taiyi.workbench.index.SearchCancelledException;
import taiyi.workbench.index.SearchResult;
import taiyi.workbench.ui.WorkbenchDatabase;
import taiyi.workbench.ui.editor.DocumentEditor;
import taiyi.workbench.ui.editor.DocumentEditorInput;

/** The Search view on a real corpus: hits as KWIC lines, facets, a syntax error's caret, a hit opened in the editor. */
class SearchViewTest {

    private static final String CORPUS = "cdr-devel-search";

    @AfterEach
    void closeEditors() {
        page().closeAllEditors(false);
    }

    private static SearchView view() throws Exception {
        if (WorkbenchDatabase.store().statistics().corpora().stream().noneMatch(c -> c.name().equals(CORPUS))) {
            List<Document> docs = new PubTatorReader().read(testdata("bc5cdr/CDR_DevelopmentSet.PubTator.txt"));
            WorkbenchDatabase.store().documents().importDocuments(CORPUS, docs, "search test");
            // the index follows the store in the background
            WorkbenchDriver.waitUntil("the index to hold the corpus", 180, () -> WorkbenchIndex.index().documentCount(CORPUS) == docs.size());
        }
        IViewPart part = page().showView(SearchView.ID);
        SearchView view = assertInstanceOf(SearchView.class, part);
        drain();
        view.setCorpus(CORPUS);
        return view;
    }

    @Test
    void aQueryListsItsHitsInContextWithFacetsAndADoubleClickOpensTheHit() throws Exception {
        SearchView view = view();
        List<Document> docs = new PubTatorReader().read(testdata("bc5cdr/CDR_DevelopmentSet.PubTator.txt"));
        Pattern word = Pattern.compile("\\blithium\\b", Pattern.CASE_INSENSITIVE);
        long expected = docs.stream().filter(d -> word.matcher(d.text()).find()).count();
        assertTrue(expected > 5, "the corpus should mention lithium: " + expected);

        view.setQuery("lithium");
        SearchResult result = finish(view.search());
        drain();
        assertEquals(expected, result.totalHits());
        assertEquals("", view.errorText());
        assertTrue(view.statusText().startsWith(expected + " documents match"), view.statusText());

        TableItem[] rows = view.hitsViewer().getTable().getItems();
        assertEquals(expected, rows.length);
        for (TableItem row : rows) {
            assertEquals("lithium", row.getText(2).toLowerCase(Locale.ROOT), "hit column of " + row.getText(0));
            assertEquals("unreviewed", row.getText(4));
            String id = row.getText(0);
            String text = docs.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow().text().replaceAll("\\s+", " ");
            // left + hit + right is a stretch of the document's own text
            assertTrue(text.contains(row.getText(1) + row.getText(2) + row.getText(3)), "not in " + id + ": " + row.getText(1)
                    + "[" + row.getText(2) + "]" + row.getText(3));
        }

        // facets: every CDR document is English, and lithium is a Chemical
        TableItem[] facets = view.facetsViewer().getTable().getItems();
        assertTrue(List.of(facets).stream().anyMatch(f -> f.getText(0).equals("lang") && f.getText(1).equals("en")
                && f.getText(2).equals(Long.toString(expected))), "no lang:en facet with every hit");
        int chemical = List.of(facets).stream().filter(f -> f.getText(0).equals("type") && f.getText(1).equals("Chemical"))
                .mapToInt(f -> Integer.parseInt(f.getText(2))).findFirst().orElse(0);
        assertTrue(chemical > 0 && chemical <= expected, "Chemical facet " + chemical);
        screenshot(page().getWorkbenchWindow().getShell(), "search-view.png");

        // double-click the first line: its document opens with the hit selected
        KwicLine line = (KwicLine) view.hitsViewer().getElementAt(0);
        view.hitsViewer().setSelection(new StructuredSelection(line), true);
        view.hitsViewer().getTable().notifyListeners(SWT.DefaultSelection, new Event());
        drain();
        DocumentEditor editor = assertInstanceOf(DocumentEditor.class, page().getActiveEditor());
        assertEquals(new DocumentEditorInput(CORPUS, line.documentId()), editor.getEditorInput());
        assertEquals("lithium", editor.textWidget().getSelectionText().toLowerCase(Locale.ROOT));
        assertEquals(line.start(), editor.textWidget().getSelection().x);
        screenshot(page().getWorkbenchWindow().getShell(), "search-hit-opened.png");
    }

    @Test
    void aQueryThatCannotBeReadShowsItsColumnWithACaret() throws Exception {
        SearchView view = view();
        String query = "lithium AND (type:Chemical OR";
        QuerySyntaxException expected = assertThrows(QuerySyntaxException.class, () -> WorkbenchIndex.index().search(CORPUS, query, 1));
        assertTrue(expected.column() >= 1 && expected.column() <= query.length() + 1, "column " + expected.column());

        view.setQuery(query);
        SearchView.SearchRun run = view.search();
        WorkbenchDriver.waitUntil("the search to fail", 60, () -> run.hits().isDone());
        ExecutionException failure = assertThrows(ExecutionException.class, () -> run.hits().get());
        assertInstanceOf(QuerySyntaxException.class, failure.getCause());
        drain();
        String[] lines = view.errorText().split("\n");
        assertEquals(3, lines.length, view.errorText());
        assertTrue(lines[0].startsWith("Column " + expected.column() + ": "), lines[0]);
        assertEquals(query, lines[1]);
        assertEquals(expected.column() - 1, lines[2].indexOf('^'));
        assertEquals(expected.column() - 1, view.queryField().getSelection().x);
        assertEquals(0, view.hitsViewer().getTable().getItemCount());
        screenshot(page().getWorkbenchWindow().getShell(), "search-syntax-error.png");

        // a good query clears the error
        view.setQuery("state:new lithium");
        assertTrue(finish(view.search()).totalHits() > 0);
        assertEquals("", view.errorText());
    }

    @Test
    void theHitsShowBeforeTheFacetCountsAndTheUiThreadNeverWaitsForEither() throws Exception {
        SearchView view = view();
        view.setQuery("lithium");
        SearchView.SearchRun run = view.search();
        // search() has returned on the UI thread before any part of the answer: the work is elsewhere
        assertFalse(run.hits().isDone());
        assertFalse(run.facets().isDone());
        assertEquals("Searching…", view.statusText());
        AtomicReference<String> whenHitsShown = new AtomicReference<>();
        run.hits().thenRun(() -> whenHitsShown.set(run.facets().isDone() + " " + view.facetsViewer().getTable().getItemCount() + " "
                + view.hitsViewer().getTable().getItemCount()));
        SearchResult result = finish(run);
        assertEquals("false 0 " + result.hits().size(), whenHitsShown.get(), "facets done, facet rows, hit rows when the hits were shown");
        assertTrue(view.facetsViewer().getTable().getItemCount() > 0);
        assertTrue(view.statusText().startsWith(result.totalHits() + " documents match"), view.statusText());
    }

    @Test
    void typingANewQueryCancelsTheOneRunning() throws Exception {
        SearchView view = view();
        view.setQuery("lithium");
        SearchView.SearchRun first = view.search();
        assertEquals(first, view.running().orElseThrow());
        // an edit of the field (setText sends the Modify event typing does) cancels the run at once
        view.setQuery("cisplatin");
        assertTrue(first.isCancelled());
        assertTrue(view.running().isEmpty());
        ExecutionException cancelled = assertThrows(ExecutionException.class, () -> first.hits().get());
        assertInstanceOf(SearchCancelledException.class, cancelled.getCause());

        SearchResult second = finish(view.search());
        assertTrue(second.totalHits() > 0);
        drain();
        // nothing of the cancelled lithium run reached the tables, whenever its job finished
        TableItem[] rows = view.hitsViewer().getTable().getItems();
        assertEquals(second.hits().size(), rows.length);
        for (TableItem row : rows) {
            assertEquals("cisplatin", row.getText(2).toLowerCase(Locale.ROOT), "hit column of " + row.getText(0));
        }
    }

    /** Waits, running the event loop, until the run has shown its facets, and gives its whole answer. */
    private static SearchResult finish(SearchView.SearchRun run) {
        WorkbenchDriver.waitUntil("the search of '" + run.query() + "' to show its facets", 120, () -> run.facets().isDone());
        return run.result();
    }

    @Test
    void aKwicLinePlacesTheSnippetsHighlightInTheText() {
        String text = "Acute heart failure after cisplatin.\nHeart failure is rare.";
        KwicLine phrase = KwicLine.of("1", "Acute <b>heart</b> <b>failure</b> after cisplatin.", text, 10, CurationState.NEW);
        assertEquals(6, phrase.start());
        assertEquals(19, phrase.end());
        assertEquals("heart failure", phrase.hit());
        assertEquals("Acute ", phrase.left());
        assertEquals(" after cis", phrase.right());
        KwicLine second = KwicLine.of("1", "<b>Heart</b> failure is rare.", text, 8, CurationState.NEW);
        assertEquals(text.indexOf("Heart"), second.start());
        assertEquals("platin. ", second.left(), "newlines read as spaces");
        KwicLine noWord = KwicLine.of("1", "Acute heart failure after cisplatin.", text, 10, CurationState.NEW);
        assertEquals("", noWord.hit());
        assertEquals(0, noWord.start());
    }
}
