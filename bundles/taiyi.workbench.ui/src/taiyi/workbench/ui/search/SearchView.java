package taiyi.workbench.ui.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.statushandlers.StatusManager;

import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.index.FacetCounts;
import taiyi.workbench.index.HitPage;
import taiyi.workbench.index.IndexException;
import taiyi.workbench.index.QuerySyntaxException;
import taiyi.workbench.index.SearchCancelledException;
import taiyi.workbench.index.SearchHit;
import taiyi.workbench.index.SearchResult;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.CorpusSummary;
import taiyi.workbench.store.StoreChangeListener;
import taiyi.workbench.ui.WorkbenchDatabase;
import taiyi.workbench.ui.WorkbenchIndex;
import taiyi.workbench.ui.editor.DocumentEditor;
import taiyi.workbench.ui.editor.DocumentEditorInput;
import taiyi.workbench.ui.l10n.Messages;

/**
 * Search: a query in the curators' syntax on one corpus. A query that cannot be read is shown under
 * the field with a caret at the column where reading stopped; otherwise the facets count the
 * matching documents by type, status and language (double-click one to narrow the query) and the
 * hits are listed as keyword-in-context lines; double-clicking a line opens the document with the
 * hit selected.
 *
 * <p>A query runs in the background ({@link SearchRun}), so a million-document corpus never holds the
 * UI thread: the first page shows when Lucene has it, the facet counts after; typing in the query
 * field, or starting another search, cancels the run.
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
    /** The schema of the corpus the facets count, for the types' display names. */
    private LabelSchema facetSchema = LabelSchema.empty();
    private TableViewer hits;
    private String searchedCorpus;
    /** The run whose answer the view waits for; touched on the UI thread only. */
    private SearchRun running;
    private final AtomicBoolean corporaQueued = new AtomicBoolean();
    private final StoreChangeListener storeChanged = (c, ids) -> queueCorporaRefresh();

    @Override
    public void createPartControl(Composite parent) {
        store = WorkbenchDatabase.store();
        Composite body = new Composite(parent, SWT.NONE);
        body.setLayout(new GridLayout(5, false));

        new Label(body, SWT.NONE).setText(Messages.SearchView_query);
        query = new Text(body, SWT.SINGLE | SWT.BORDER | SWT.SEARCH);
        query.setMessage(Messages.SearchView_queryHint);
        query.setToolTipText(Messages.SearchView_queryTooltip);
        query.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        query.addListener(SWT.DefaultSelection, e -> search());
        // a curator who types again no longer wants the answer being computed
        query.addListener(SWT.Modify, e -> cancelRunning());
        new Label(body, SWT.NONE).setText(Messages.SearchView_corpus);
        corpus = new Combo(body, SWT.READ_ONLY | SWT.DROP_DOWN);
        GridData corpusData = new GridData(SWT.FILL, SWT.CENTER, false, false);
        corpusData.widthHint = 200;
        corpus.setLayoutData(corpusData);
        refreshCorpora();
        Button go = new Button(body, SWT.PUSH);
        go.setText(Messages.SearchView_search);
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
        column(facets, Messages.SearchView_facet, 50, SWT.LEFT, f -> ((FacetCount) f).field(), null);
        // types in the UI language, their codes (what a query names) in the tooltip
        column(facets, Messages.SearchView_value, 95, SWT.LEFT, f -> facetValue((FacetCount) f), f -> ((FacetCount) f).clause());
        column(facets, Messages.SearchView_docs, 45, SWT.RIGHT, f -> Integer.toString(((FacetCount) f).documents()), null);
        ColumnViewerToolTipSupport.enableFor(facets);
        facets.addDoubleClickListener(e -> {
            Object f = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (f instanceof FacetCount facet) {
                narrow(facet);
            }
        });
        hits = table(sash);
        column(hits, Messages.SearchView_document, 80, SWT.LEFT, k -> ((KwicLine) k).documentId(), null);
        column(hits, Messages.SearchView_leftContext, 290, SWT.RIGHT, k -> ((KwicLine) k).left(), null);
        column(hits, Messages.SearchView_hit, 120, SWT.CENTER, k -> ((KwicLine) k).hit(), null);
        column(hits, Messages.SearchView_rightContext, 290, SWT.LEFT, k -> ((KwicLine) k).right(), null);
        column(hits, Messages.SearchView_state, 90, SWT.LEFT, k -> stateName(((KwicLine) k).state()), null);
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

    private static void column(TableViewer viewer, String title, int width, int align, Function<Object, String> text,
            Function<Object, String> toolTip) {
        TableViewerColumn c = new TableViewerColumn(viewer, align);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(element);
            }

            @Override
            public String getToolTipText(Object element) {
                return toolTip == null ? null : toolTip.apply(element);
            }
        });
    }

    private static String stateName(CurationState state) {
        return switch (state) {
            case NEW -> Messages.SearchView_stateNew;
            case IN_PROGRESS -> Messages.SearchView_stateInProgress;
            case DONE -> Messages.SearchView_stateDone;
        };
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
            throw new IllegalArgumentException(NLS.bind(Messages.SearchView_noSuchCorpus, name, List.of(corpus.getItems())));
        }
        corpus.select(i);
    }

    /**
     * One query's run in the background: its hits and then its facet counts, each completed on the
     * UI thread once shown (exceptionally with {@link QuerySyntaxException}, {@link IndexException} or
     * {@link SearchCancelledException}). A new search, or any edit of the query field, cancels it.
     */
    public static final class SearchRun {
        private final String query;
        private final CompletableFuture<HitPage> hits = new CompletableFuture<>();
        private final CompletableFuture<FacetCounts> facets = new CompletableFuture<>();
        private volatile boolean cancelled;
        private Job job;

        SearchRun(String query) {
            this.query = query;
        }

        public String query() {
            return query;
        }

        /** Completes when the first page is shown (the status line says how many match). */
        public CompletableFuture<HitPage> hits() {
            return hits;
        }

        /** Completes when the facet counts are shown, after the hits. */
        public CompletableFuture<FacetCounts> facets() {
            return facets;
        }

        public boolean isCancelled() {
            return cancelled;
        }

        /** Stops the run: Lucene stops between blocks of matches, and nothing more of it is shown. */
        void cancel() {
            cancelled = true;
            if (job != null) {
                job.cancel();
            }
            SearchCancelledException e = new SearchCancelledException(query);
            hits.completeExceptionally(e);
            facets.completeExceptionally(e);
        }

        /** The whole answer, once both parts are in. */
        public SearchResult result() {
            return SearchResult.of(hits.join(), facets.join());
        }
    }

    /**
     * Runs the query on the chosen corpus in the background, cancelling the one before: the hits
     * are shown as soon as Lucene has the first page, the facet counts (which visit every match)
     * after them; the UI thread only fills the tables. A query that cannot be read shows its error
     * instead.
     *
     * @return the run, whose stages complete as they are shown
     */
    public SearchRun search() {
        String text = query.getText();
        String name = corpus.getText();
        cancelRunning();
        showError(null);
        SearchRun run = new SearchRun(text);
        if (name.isEmpty()) {
            status.setText(Messages.SearchView_noCorpus);
            IndexException none = new IndexException("no corpus to search");
            run.hits.completeExceptionally(none);
            run.facets.completeExceptionally(none);
            return run;
        }
        running = run;
        facets.setInput(List.of());
        status.setText(Messages.SearchView_searching);
        Display display = query.getDisplay();
        BooleanSupplier stop = run::isCancelled;
        run.job = Job.create(NLS.bind(Messages.SearchView_job, text), (IProgressMonitor monitor) -> {
            BooleanSupplier cancelled = () -> stop.getAsBoolean() || monitor.isCanceled();
            try {
                // the index follows decisions in the background: see everything committed before the search
                WorkbenchIndex.index();
                WorkbenchIndex.awaitCaughtUp();
                HitPage page = WorkbenchIndex.index().hits(name, text, LIMIT, cancelled);
                List<KwicLine> lines = lines(name, text, page, cancelled);
                onUi(display, run, () -> showHits(run, name, page, lines));
                FacetCounts counts = WorkbenchIndex.index().facets(name, text, cancelled);
                LabelSchema schema = store.documents().schema(name);
                onUi(display, run, () -> showFacets(run, name, page, counts, schema));
            } catch (QuerySyntaxException e) {
                onUi(display, run, () -> {
                    showError(e);
                    hits.setInput(List.of());
                    status.setText("");
                    fail(run, e);
                });
            } catch (SearchCancelledException e) {
                // cancel() has completed the run's stages already
            } catch (RuntimeException e) {
                // the index or the store failed (IndexException, StoreException): say so rather than wait forever
                onUi(display, run, () -> {
                    status.setText(NLS.bind(Messages.SearchView_indexFailed, e.getMessage()));
                    fail(run, e);
                });
                StatusManager.getManager().handle(Status.error(e.getMessage(), e), StatusManager.LOG);
            }
            return Status.OK_STATUS;
        });
        run.job.setSystem(true);
        run.job.schedule();
        return run;
    }

    /** The run in progress, if any. */
    public Optional<SearchRun> running() {
        return Optional.ofNullable(running);
    }

    private void cancelRunning() {
        SearchRun run = running;
        if (run != null) {
            running = null;
            run.cancel();
        }
    }

    /** Runs {@code show} on the UI thread unless the run was cancelled (or the view closed) before it got there. */
    private void onUi(Display display, SearchRun run, Runnable show) {
        if (display.isDisposed()) {
            return;
        }
        display.asyncExec(() -> {
            if (!run.isCancelled() && !status.isDisposed()) {
                show.run();
            }
        });
    }

    private void fail(SearchRun run, RuntimeException e) {
        if (running == run) {
            running = null;
        }
        run.hits.completeExceptionally(e);
        run.facets.completeExceptionally(e);
    }

    private void showHits(SearchRun run, String name, HitPage page, List<KwicLine> lines) {
        searchedCorpus = name;
        hits.setInput(lines);
        status.setText(NLS.bind(Messages.SearchView_countingFacets, matches(name, page)));
        status.getParent().layout(true);
        run.hits.complete(page);
    }

    private void showFacets(SearchRun run, String name, HitPage page, FacetCounts counts, LabelSchema schema) {
        facetSchema = schema;
        facets.setInput(FacetCount.of(counts));
        status.setText(matches(name, page));
        if (running == run) {
            running = null;
        }
        run.facets.complete(counts);
    }

    private static String matches(String name, HitPage page) {
        String matching = NLS.bind(page.totalHits() == 1 ? Messages.SearchView_matchesOne : Messages.SearchView_matchesMany,
                page.totalHits(), name);
        return page.totalHits() > page.hits().size() ? NLS.bind(Messages.SearchView_matchesShown, matching, page.hits().size()) : matching;
    }

    /** A facet's value as the curator reads it: entity types by their display names in the UI language. */
    private String facetValue(FacetCount facet) {
        return facet.field().equals("type") ? facetSchema.entityTypeName(facet.value(), Messages.language()) : facet.value();
    }

    /** The hits as KWIC lines: each hit's text and curation state read from the store, off the UI thread. */
    private List<KwicLine> lines(String name, String text, HitPage page, BooleanSupplier cancelled) {
        List<KwicLine> out = new ArrayList<>(page.hits().size());
        for (SearchHit h : page.hits()) {
            if (cancelled.getAsBoolean()) {
                throw new SearchCancelledException(text);
            }
            Optional<Document> d = store.documents().documentBody(name, h.documentId());
            if (d.isPresent()) {
                out.add(KwicLine.of(h.documentId(), h.snippet(), d.get().text(), CONTEXT,
                        store.log().curation(name, h.documentId()).state()));
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
            error.setText(NLS.bind(Messages.SearchView_syntaxError, e.column(), e.reason()) + "\n" + e.query() + "\n"
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
            StatusManager.getManager().handle(Status.error(NLS.bind(Messages.SearchView_cannotOpen, line.documentId(), e.getMessage()), e),
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
        cancelRunning();
        if (store != null) {
            store.removeChangeListener(storeChanged);
        }
        super.dispose();
    }
}
