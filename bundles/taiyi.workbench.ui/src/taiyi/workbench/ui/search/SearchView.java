package taiyi.workbench.ui.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.eclipse.core.runtime.Status;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.statushandlers.StatusManager;

import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.index.IndexException;
import taiyi.workbench.index.QuerySyntaxException;
import taiyi.workbench.index.SearchHit;
import taiyi.workbench.index.SearchResult;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.CorpusSummary;
import taiyi.workbench.store.DocumentSummary;
import taiyi.workbench.store.StoreChangeListener;
import taiyi.workbench.ui.WorkbenchDatabase;
import taiyi.workbench.ui.WorkbenchIndex;
import taiyi.workbench.ui.editor.DocumentEditor;
import taiyi.workbench.ui.editor.DocumentEditorInput;

/**
 * Search: a query in the curators' syntax on one corpus. A query that cannot be read is shown under
 * the field with a caret at the column where reading stopped; otherwise the facets count the
 * matching documents by type, status and language (double-click one to narrow the query) and the
 * hits are listed as keyword-in-context lines; double-clicking a line opens the document with the
 * hit selected.
 */
public final class SearchView extends ViewPart {

    public static final String ID = "taiyi.workbench.ui.search";
    /** Hits shown; the counts cover every match. */
    public static final int LIMIT = 200;
    /** Characters of context on each side of a hit. */
    static final int CONTEXT = 40;

    private CorpusStore store;
    private Text query;
    private Combo corpus;
    private Label error;
    private Label status;
    private TableViewer facets;
    private TableViewer hits;
    private String searchedCorpus;
    private final AtomicBoolean corporaQueued = new AtomicBoolean();
    private final StoreChangeListener storeChanged = (c, ids) -> queueCorporaRefresh();

    @Override
    public void createPartControl(Composite parent) {
        store = WorkbenchDatabase.store();
        Composite body = new Composite(parent, SWT.NONE);
        body.setLayout(new GridLayout(5, false));

        new Label(body, SWT.NONE).setText("&Query:");
        query = new Text(body, SWT.SINGLE | SWT.BORDER | SWT.SEARCH);
        query.setMessage("cisplatin AND type:Chemical status:unreviewed");
        query.setToolTipText("Words, \"phrases\", AND/OR/NOT, ( ), and the fields type: status: layer: concept: mention: "
                + "relation: label: state: lang: disagree: id:");
        query.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        query.addListener(SWT.DefaultSelection, e -> search());
        new Label(body, SWT.NONE).setText("&Corpus:");
        corpus = new Combo(body, SWT.READ_ONLY | SWT.DROP_DOWN);
        GridData corpusData = new GridData(SWT.FILL, SWT.CENTER, false, false);
        corpusData.widthHint = 200;
        corpus.setLayoutData(corpusData);
        refreshCorpora();
        Button go = new Button(body, SWT.PUSH);
        go.setText("&Search");
        go.addListener(SWT.Selection, e -> search());

        error = new Label(body, SWT.WRAP);
        error.setFont(JFaceResources.getTextFont());
        error.setForeground(body.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridData errorData = new GridData(SWT.FILL, SWT.TOP, true, false, 5, 1);
        errorData.exclude = true;
        error.setLayoutData(errorData);
        error.setVisible(false);

        SashForm sash = new SashForm(body, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1));
        facets = table(sash);
        column(facets, "Facet", 50, SWT.LEFT, f -> ((FacetCount) f).field());
        column(facets, "Value", 95, SWT.LEFT, f -> ((FacetCount) f).value());
        column(facets, "Docs", 45, SWT.RIGHT, f -> Integer.toString(((FacetCount) f).documents()));
        facets.addDoubleClickListener(e -> {
            Object f = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (f instanceof FacetCount facet) {
                narrow(facet);
            }
        });
        hits = table(sash);
        column(hits, "Document", 80, SWT.LEFT, k -> ((KwicLine) k).documentId());
        column(hits, "Left context", 290, SWT.RIGHT, k -> ((KwicLine) k).left());
        column(hits, "Hit", 120, SWT.CENTER, k -> ((KwicLine) k).hit());
        column(hits, "Right context", 290, SWT.LEFT, k -> ((KwicLine) k).right());
        column(hits, "State", 90, SWT.LEFT, k -> stateName(((KwicLine) k).state()));
        hits.addDoubleClickListener(e -> {
            Object k = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (k instanceof KwicLine line) {
                open(line);
            }
        });
        sash.setWeights(22, 78);

        status = new Label(body, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
        getSite().setSelectionProvider(hits);
        store.addChangeListener(storeChanged);
    }

    private static TableViewer table(Composite parent) {
        TableViewer viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        return viewer;
    }

    private static void column(TableViewer viewer, String title, int width, int align, Function<Object, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, align);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(element);
            }
        });
    }

    private static String stateName(CurationState state) {
        return state == CurationState.NEW ? "unreviewed" : state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private void queueCorporaRefresh() {
        if (corpus == null || !corporaQueued.compareAndSet(false, true)) {
            return;
        }
        corpus.getDisplay().asyncExec(() -> {
            corporaQueued.set(false);
            if (!corpus.isDisposed()) {
                refreshCorpora();
            }
        });
    }

    /** Reloads the corpus list, keeping the choice. */
    private void refreshCorpora() {
        String chosen = corpus.getText();
        List<String> names = store.statistics().corpora().stream().map(CorpusSummary::name).toList();
        if (names.equals(List.of(corpus.getItems()))) {
            return;
        }
        corpus.setItems(names.toArray(String[]::new));
        int i = names.indexOf(chosen);
        corpus.select(i >= 0 ? i : 0);
    }

    /** Types a query. */
    public void setQuery(String text) {
        query.setText(text);
    }

    /** Chooses the corpus to search. */
    public void setCorpus(String name) {
        refreshCorpora();
        int i = corpus.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no corpus named '" + name + "'; the database holds " + List.of(corpus.getItems()));
        }
        corpus.select(i);
    }

    /**
     * Runs the query on the chosen corpus and shows the result; a query that cannot be read shows
     * its error instead.
     *
     * @return the result, or empty when the query could not be run
     */
    public Optional<SearchResult> search() {
        String text = query.getText();
        String name = corpus.getText();
        showError(null);
        if (name.isEmpty()) {
            status.setText("No corpus to search: import one with File > Import…");
            return Optional.empty();
        }
        SearchResult result;
        try {
            // the index follows decisions in the background: see everything committed before the search
            WorkbenchIndex.index();
            WorkbenchIndex.awaitCaughtUp();
            result = WorkbenchIndex.index().search(name, text, LIMIT);
        } catch (QuerySyntaxException e) {
            showError(e);
            facets.setInput(List.of());
            hits.setInput(List.of());
            status.setText("");
            return Optional.empty();
        } catch (IndexException e) {
            status.setText("The search index failed: " + e.getMessage());
            StatusManager.getManager().handle(Status.error(e.getMessage(), e), StatusManager.LOG);
            return Optional.empty();
        }
        searchedCorpus = name;
        facets.setInput(FacetCount.of(result));
        hits.setInput(lines(name, result));
        status.setText(result.totalHits() + (result.totalHits() == 1 ? " document matches" : " documents match") + " in corpus '"
                + name + "'" + (result.totalHits() > result.hits().size() ? " (" + result.hits().size() + " shown)" : ""));
        status.getParent().layout(true);
        return Optional.of(result);
    }

    private List<KwicLine> lines(String name, SearchResult result) {
        Map<String, CurationState> states = new java.util.HashMap<>();
        for (DocumentSummary d : store.documents().summaries(name)) {
            states.put(d.id(), d.state());
        }
        List<KwicLine> out = new ArrayList<>(result.hits().size());
        for (SearchHit h : result.hits()) {
            Optional<Document> d = store.documents().document(name, h.documentId());
            if (d.isPresent()) {
                out.add(KwicLine.of(h.documentId(), h.snippet(), d.get().text(), CONTEXT,
                        states.getOrDefault(h.documentId(), CurationState.NEW)));
            }
        }
        return out;
    }

    private void showError(QuerySyntaxException e) {
        GridData data = (GridData) error.getLayoutData();
        if (e == null) {
            error.setText("");
        } else {
            // the query and a caret under the column, in the fixed-width font so they line up
            error.setText("Column " + e.column() + ": " + e.reason() + "\n" + e.query() + "\n"
                    + " ".repeat(Math.max(0, e.column() - 1)) + "^");
            int at = Math.max(0, Math.min(e.column() - 1, query.getCharCount()));
            query.setSelection(at, at);
            query.setFocus();
        }
        data.exclude = e == null;
        error.setVisible(e != null);
        error.getParent().layout(true);
    }

    private void narrow(FacetCount facet) {
        String text = query.getText().strip();
        query.setText(text.isEmpty() ? facet.clause() : "(" + text + ") AND " + facet.clause());
        search();
    }

    /** Opens the line's document with its hit selected. */
    public DocumentEditor open(KwicLine line) {
        try {
            IEditorPart part = getSite().getPage().openEditor(new DocumentEditorInput(searchedCorpus, line.documentId()),
                    DocumentEditor.ID);
            if (part instanceof DocumentEditor editor) {
                editor.reveal(line.start(), line.end());
                return editor;
            }
        } catch (PartInitException e) {
            StatusManager.getManager().handle(Status.error("Cannot open document " + line.documentId() + ": " + e.getMessage(), e),
                    StatusManager.SHOW | StatusManager.LOG);
        }
        return null;
    }

    /** The error under the query field; empty when the last query could be read. */
    public String errorText() {
        return error.getText();
    }

    /** The status line ("12 documents match…"). */
    public String statusText() {
        return status.getText();
    }

    public TableViewer hitsViewer() {
        return hits;
    }

    public TableViewer facetsViewer() {
        return facets;
    }

    public Text queryField() {
        return query;
    }

    @Override
    public void setFocus() {
        query.setFocus();
    }

    @Override
    public void dispose() {
        if (store != null) {
            store.removeChangeListener(storeChanged);
        }
        super.dispose();
    }
}
