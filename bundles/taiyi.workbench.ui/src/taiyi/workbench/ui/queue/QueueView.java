package taiyi.workbench.ui.queue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.part.ViewPart;

import taiyi.workbench.learning.queue.CurationQueue;
import taiyi.workbench.learning.queue.QueuePool;
import taiyi.workbench.learning.queue.RankedDocument;
import taiyi.workbench.learning.queue.StoredQueuePool;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.CorpusSummary;
import taiyi.workbench.store.StoreChangeListener;
import taiyi.workbench.ui.WorkbenchDatabase;
import taiyi.workbench.ui.preferences.ModelPreferences;
import taiyi.workbench.ui.l10n.Messages;

/**
 * The next documents to curate in a corpus, ranked by the strategy chosen in the preferences, each
 * with the reason and the score; double-clicking one (or N) opens it at its most uncertain
 * suggestion. The ranking is read in a background job and again after every change the store
 * commits and every change of the queue's preferences.
 */
public final class QueueView extends ViewPart {

    public static final String ID = "taiyi.workbench.ui.queue";
    /** The context in which N opens the next document while the Queue view is active. */
    public static final String CONTEXT_ID = "taiyi.workbench.ui.queueContext";
    /** How many documents the view lists. */
    static final int SHOWN = 50;

    private CorpusStore store;
    private Combo corpora;
    private Label status;
    private TableViewer viewer;
    private volatile String corpus;
    private volatile List<RankedDocument> ranked = List.of();
    /** Bumped by each reload, so that a slow, stale reading never overwrites a newer one. */
    private final AtomicInteger generation = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicBoolean reloadQueued = new AtomicBoolean();
    private final StoreChangeListener storeChanged = (changedCorpus, ids) -> queueReload();
    private final IEclipsePreferences.IPreferenceChangeListener preferencesChanged = e -> {
        if (e.getKey().startsWith("queue.")) {
            queueReload();
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        store = WorkbenchDatabase.store();
        GridLayoutFactory.fillDefaults().numColumns(3).margins(4, 4).applyTo(parent);
        new Label(parent, SWT.NONE).setText(Messages.QueueView_corpus);
        corpora = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        GridDataFactory.fillDefaults().hint(200, SWT.DEFAULT).applyTo(corpora);
        corpora.addListener(SWT.Selection, e -> setCorpus(corpora.getText()));
        status = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(viewer.getControl());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column("#", 40, r -> Integer.toString(r.rank()));
        column(Messages.QueueView_document, 110, RankedDocument::documentId);
        column(Messages.QueueView_strategy, 90, RankedDocument::strategy);
        column(Messages.QueueView_score, 70, r -> String.format(Locale.ROOT, "%.3f", r.score()));
        column(Messages.QueueView_reason, 600, RankedDocument::reason);
        viewer.addOpenListener(e -> {
            Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (first instanceof RankedDocument r && corpus != null) {
                QueueNavigation.open(getSite().getPage(), store, corpus, r);
            }
        });
        getSite().setSelectionProvider(viewer);
        getSite().getService(IContextService.class).activateContext(CONTEXT_ID);
        store.addChangeListener(storeChanged);
        InstanceScope.INSTANCE.getNode(ModelPreferences.QUALIFIER).addPreferenceChangeListener(preferencesChanged);
        fillCorpora();
        if (corpora.getItemCount() > 0) {
            setCorpus(corpora.getItem(0));
        }
    }

    private void column(String title, int width, java.util.function.Function<RankedDocument, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((RankedDocument) element);
            }
        });
    }

    private void fillCorpora() {
        String chosen = corpus;
        corpora.setItems(store.statistics().corpora().stream().map(CorpusSummary::name).toArray(String[]::new));
        if (chosen != null) {
            corpora.setText(chosen);
        }
    }

    /** Ranks the documents of another corpus. */
    public void setCorpus(String name) {
        corpus = name;
        if (!name.equals(corpora.getText())) {
            corpora.setText(name);
        }
        reload();
    }

    /** The corpus the view ranks, or null before there is one. */
    public String corpus() {
        return corpus;
    }

    /** The documents listed, rank 1 first. */
    public List<RankedDocument> ranked() {
        return ranked;
    }

    /** How many readings have finished: a test waits for it to pass what it saw before a change. */
    public int readings() {
        return finished.get();
    }

    public TableViewer viewer() {
        return viewer;
    }

    private void queueReload() {
        if (viewer == null || !reloadQueued.compareAndSet(false, true)) {
            return;
        }
        viewer.getControl().getDisplay().asyncExec(() -> {
            reloadQueued.set(false);
            if (!viewer.getControl().isDisposed()) {
                fillCorpora();
                if (corpus == null && corpora.getItemCount() > 0) {
                    setCorpus(corpora.getItem(0));
                } else {
                    reload();
                }
            }
        });
    }

    /** Ranks the corpus again in the background; the table shows the result when it is ready. */
    public void reload() {
        String name = corpus;
        if (name == null) {
            return;
        }
        int mine = generation.incrementAndGet();
        CurationQueue queue = QueuePreferences.current().queue();
        status.setText(Messages.QueueView_ranking);
        Job job = Job.create(NLS.bind(Messages.QueueView_rankingJob, name), (IProgressMonitor monitor) -> {
            List<RankedDocument> next;
            String summary;
            try {
                QueuePool pool = StoredQueuePool.read(store, name);
                next = queue.next(pool, SHOWN);
                summary = NLS.bind(Messages.QueueView_summary, new Object[] {queue.strategy().id(), pool.candidates().size(),
                        pool.curated().size(), String.format(Locale.ROOT, "%.2f", queue.explorationShare(pool))});
            } catch (RuntimeException e) {
                next = List.of();
                summary = NLS.bind(Messages.QueueView_cannotRank, e.getMessage());
            }
            List<RankedDocument> result = next;
            String text = summary;
            if (!viewer.getControl().isDisposed()) {
                viewer.getControl().getDisplay().asyncExec(() -> {
                    if (mine == generation.get() && !viewer.getControl().isDisposed()) {
                        ranked = result;
                        viewer.setInput(result);
                        status.setText(text);
                        status.getParent().layout();
                        finished.incrementAndGet();
                    }
                });
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
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
        InstanceScope.INSTANCE.getNode(ModelPreferences.QUALIFIER).removePreferenceChangeListener(preferencesChanged);
        super.dispose();
    }
}
