package taiyi.workbench.ui.navigator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.Status;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.statushandlers.StatusManager;

import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.learning.queue.RankedDocument;
import taiyi.workbench.learning.queue.StoredQueuePool;
import taiyi.workbench.store.CorpusStats;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.CorpusSummary;
import taiyi.workbench.store.DocumentSummary;
import taiyi.workbench.store.StoreChangeListener;
import taiyi.workbench.ui.WorkbenchDatabase;
import taiyi.workbench.ui.editor.DocumentEditor;
import taiyi.workbench.ui.editor.DocumentEditorInput;
import taiyi.workbench.ui.queue.QueuePreferences;
import taiyi.workbench.ui.l10n.Messages;

/**
 * Lists corpora and, under each, its documents with their curation state, curated mentions and open
 * suggestions; opening a document edits it. The view menu filters the documents by state and can
 * sort them by their rank in the curation queue (the strategy of the Queue preferences; done
 * documents, which the queue does not hold, last); the tree reloads after every change the store
 * commits (an import, a decision), whoever made it.
 */
public final class CorpusNavigatorView extends ViewPart {

    public static final String ID = "taiyi.workbench.ui.corpusNavigator";
    /** The view menu's item that sorts documents by queue rank. */
    public static final String SORT_BY_QUEUE = Messages.CorpusNavigatorView_sortByQueue;

    private TreeViewer viewer;
    private CorpusStore store;
    private StateFilter filter = StateFilter.ALL;
    private volatile boolean sortByQueue;
    /** Queue ranks of the documents shown, by corpus and id, while sorting by the queue. */
    private final Map<String, Map<String, Integer>> queueRanks = new ConcurrentHashMap<>();
    /** Set while a refresh is queued, so an import of many files refreshes once per burst, not once per file. */
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    /**
     * Open-suggestion counts of documents already shown, by corpus and id. Counting one reads the
     * document's suggestion layer and folds its log, so a refresh after a decision recounts only the
     * documents the store says changed, not every document of an expanded corpus per keystroke.
     */
    private final Map<String, Map<String, Integer>> openCounts = new ConcurrentHashMap<>();
    private final StoreChangeListener storeChanged = (corpus, ids) -> {
        Map<String, Integer> counts = openCounts.get(corpus);
        if (counts != null) {
            ids.forEach(counts::remove);
        }
        queueRefresh();
    };

    @Override
    public void createPartControl(Composite parent) {
        store = WorkbenchDatabase.store();
        viewer = new TreeViewer(parent, SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL);
        viewer.setUseHashlookup(true);
        viewer.setContentProvider(new CorpusContentProvider());
        viewer.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                if (element instanceof CorpusSummary c) {
                    return NLS.bind(Messages.CorpusNavigatorView_corpus, new Object[] {c.name(), c.documents(), c.mentions()});
                }
                if (element instanceof DocumentRow r) {
                    DocumentSummary d = r.summary();
                    return queueRankLabel(d) + NLS.bind(Messages.CorpusNavigatorView_document,
                            new Object[] {d.id(), stateName(d.state()), d.mentions(), r.openSuggestions(), d.title()});
                }
                return String.valueOf(element);
            }

            @Override
            public String getToolTipText(Object element) {
                if (element instanceof DocumentRow r) {
                    DocumentSummary d = r.summary();
                    return NLS.bind(Messages.CorpusNavigatorView_documentTooltip,
                            new Object[] {d.mentions(), d.relations(), r.openSuggestions(), d.language().code()});
                }
                if (element instanceof CorpusSummary c) {
                    return typeCounts(c.name());
                }
                return null;
            }
        });
        // the label provider's tooltips (each corpus's counts by type) show only with this
        ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.addOpenListener(e -> open((IStructuredSelection) e.getSelection()));
        viewer.setInput(store);
        getSite().setSelectionProvider(viewer);
        contributeFilterMenu(getViewSite().getActionBars().getMenuManager());
        store.addChangeListener(storeChanged);
    }

    static String stateName(CurationState state) {
        return switch (state) {
            case NEW -> Messages.CorpusNavigatorView_stateNew;
            case IN_PROGRESS -> Messages.CorpusNavigatorView_stateInProgress;
            case DONE -> Messages.CorpusNavigatorView_stateDone;
        };
    }

    /**
     * A corpus's curated mentions and relations counted by type, each type by its display name in
     * the UI language with its code (what a search names) beside it; read when the tooltip shows.
     */
    public String typeCounts(String corpus) {
        try {
            CorpusStats stats = store.statistics().stats(corpus);
            LabelSchema schema = store.documents().schema(corpus);
            Language language = Messages.language();
            String mentions = stats.mentionsByType().entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> NLS.bind(Messages.CorpusNavigatorView_typeCount,
                            new Object[] {schema.entityTypeName(e.getKey(), language), e.getKey(), e.getValue()}))
                    .collect(java.util.stream.Collectors.joining(Messages.CorpusNavigatorView_listSeparator));
            String relations = stats.relationsByType().entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> NLS.bind(Messages.CorpusNavigatorView_typeCount,
                            new Object[] {schema.relationTypeName(e.getKey(), language), e.getKey(), e.getValue()}))
                    .collect(java.util.stream.Collectors.joining(Messages.CorpusNavigatorView_listSeparator));
            String out = NLS.bind(Messages.CorpusNavigatorView_mentionsByType, mentions.isEmpty() ? Messages.CorpusNavigatorView_noneCounted : mentions);
            return relations.isEmpty() ? out : out + "\n" + NLS.bind(Messages.CorpusNavigatorView_relationsByType, relations);
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    /** The rank of every queued document of a corpus, under the queue preferences. */
    private Map<String, Integer> readQueueRanks(String corpus) {
        Map<String, Integer> ranks = new java.util.HashMap<>();
        for (RankedDocument r : QueuePreferences.current().queue().next(StoredQueuePool.read(store, corpus), Integer.MAX_VALUE)) {
            ranks.put(r.documentId(), r.rank());
        }
        return ranks;
    }

    private String queueRankLabel(DocumentSummary d) {
        if (!sortByQueue) {
            return "";
        }
        Integer rank = queueRanks.getOrDefault(d.corpus(), Map.of()).get(d.id());
        return rank == null ? "" : "#" + rank + "  ";
    }

    private void contributeFilterMenu(IMenuManager menu) {
        Action byQueue = new Action(SORT_BY_QUEUE, IAction.AS_CHECK_BOX) {
            @Override
            public void run() {
                setSortByQueue(isChecked());
            }
        };
        menu.add(byQueue);
        menu.add(new org.eclipse.jface.action.Separator());
        for (StateFilter f : StateFilter.values()) {
            Action action = new Action(f.label(), IAction.AS_RADIO_BUTTON) {
                @Override
                public void run() {
                    if (isChecked()) {
                        setStateFilter(f);
                    }
                }
            };
            action.setChecked(f == filter);
            menu.add(action);
        }
    }

    private void queueRefresh() {
        if (viewer == null || !refreshQueued.compareAndSet(false, true)) {
            return;
        }
        Display display = viewer.getControl().getDisplay();
        display.asyncExec(() -> {
            refreshQueued.set(false);
            if (!viewer.getControl().isDisposed()) {
                reload();
            }
        });
    }

    private void open(IStructuredSelection selection) {
        for (Object element : selection) {
            if (element instanceof DocumentRow r) {
                DocumentSummary d = r.summary();
                try {
                    getSite().getPage().openEditor(new DocumentEditorInput(d.corpus(), d.id()), DocumentEditor.ID);
                } catch (PartInitException e) {
                    StatusManager.getManager().handle(Status.error(NLS.bind(Messages.CorpusNavigatorView_cannotOpen, d.id(), e.getMessage()), e),
                            StatusManager.SHOW | StatusManager.LOG);
                }
            } else if (element instanceof CorpusSummary) {
                viewer.setExpandedState(element, !viewer.getExpandedState(element));
            }
        }
    }

    /** Shows only the documents in a state (or all). */
    public void setStateFilter(StateFilter f) {
        filter = f;
        reload();
    }

    public StateFilter stateFilter() {
        return filter;
    }

    /** Sorts each corpus's documents by their rank in the curation queue (or back in corpus order). */
    public void setSortByQueue(boolean on) {
        sortByQueue = on;
        queueRanks.clear();
        reload();
    }

    public boolean sortsByQueue() {
        return sortByQueue;
    }

    /**
     * Reloads corpora and documents from the database, keeping expanded corpora expanded; every
     * count is read again (another process, the CLI, may have changed any document).
     */
    public void refresh() {
        openCounts.clear();
        reload();
    }

    private void reload() {
        // a decision may move any document in the queue: ranks are read again, counts only where changed
        queueRanks.clear();
        Object[] expanded = viewer.getExpandedElements();
        viewer.getControl().setRedraw(false);
        try {
            viewer.refresh();
            // corpora are records: a changed count makes a new element, so expand by name
            List<String> names = java.util.Arrays.stream(expanded).filter(CorpusSummary.class::isInstance)
                    .map(o -> ((CorpusSummary) o).name()).toList();
            for (org.eclipse.swt.widgets.TreeItem item : viewer.getTree().getItems()) {
                if (item.getData() instanceof CorpusSummary c && names.contains(c.name())) {
                    viewer.setExpandedState(c, true);
                }
            }
        } finally {
            viewer.getControl().setRedraw(true);
        }
    }

    /** The tree, for tests and commands. */
    public TreeViewer viewer() {
        return viewer;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (store != null) {
            store.removeChangeListener(storeChanged);
        }
        super.dispose();
    }

    /** Corpora at the top, their documents in the chosen state below; read from the store when expanded. */
    private final class CorpusContentProvider implements ITreeContentProvider {

        @Override
        public void inputChanged(Viewer v, Object oldInput, Object newInput) {
            // the store is the view's; nothing is cached here
        }

        @Override
        public Object[] getElements(Object input) {
            return store.statistics().corpora().toArray();
        }

        @Override
        public Object[] getChildren(Object parent) {
            if (!(parent instanceof CorpusSummary c)) {
                return new Object[0];
            }
            StateFilter f = filter;
            Map<String, Integer> counts = openCounts.computeIfAbsent(c.name(), k -> new ConcurrentHashMap<>());
            java.util.stream.Stream<DocumentSummary> documents = store.documents().summaries(c.name()).stream()
                    .filter(d -> f.accepts(d.state()));
            if (sortByQueue) {
                Map<String, Integer> ranks = queueRanks.computeIfAbsent(c.name(), CorpusNavigatorView.this::readQueueRanks);
                // stable: documents outside the queue (done) keep corpus order after the ranked ones
                documents = documents.sorted(java.util.Comparator.comparingInt(d -> ranks.getOrDefault(d.id(), Integer.MAX_VALUE)));
            }
            return documents.map(d -> new DocumentRow(d, counts.computeIfAbsent(d.id(), id -> DocumentRow.of(store, d).openSuggestions())))
                    .toArray();
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return element instanceof CorpusSummary c && c.documents() > 0;
        }
    }
}
