package taiyi.workbench.ui.navigator;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.statushandlers.StatusManager;
import org.eclipse.core.runtime.Status;

import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.CorpusSummary;
import taiyi.workbench.store.DocumentSummary;
import taiyi.workbench.ui.WorkbenchDatabase;
import taiyi.workbench.ui.editor.DocumentEditor;
import taiyi.workbench.ui.editor.DocumentEditorInput;

/** Lists corpora and, under each, its documents with their counts; opening a document edits it. */
public final class CorpusNavigatorView extends ViewPart {

    public static final String ID = "taiyi.workbench.ui.corpusNavigator";

    private TreeViewer viewer;

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TreeViewer(parent, SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL | SWT.VIRTUAL);
        viewer.setUseHashlookup(true);
        viewer.setContentProvider(new CorpusContentProvider());
        viewer.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                if (element instanceof CorpusSummary c) {
                    return c.name() + "  (" + c.documents() + " documents, " + c.mentions() + " mentions)";
                }
                if (element instanceof DocumentSummary d) {
                    return d.id() + "  [" + d.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "]  "
                            + d.title();
                }
                return String.valueOf(element);
            }

            @Override
            public String getToolTipText(Object element) {
                if (element instanceof DocumentSummary d) {
                    return d.mentions() + " mentions, " + d.relations() + " relations, language " + d.language().code();
                }
                return null;
            }
        });
        viewer.addOpenListener(e -> open((IStructuredSelection) e.getSelection()));
        viewer.setInput(WorkbenchDatabase.store());
        getSite().setSelectionProvider(viewer);
    }

    private void open(IStructuredSelection selection) {
        for (Object element : selection) {
            if (element instanceof DocumentSummary d) {
                try {
                    getSite().getPage().openEditor(new DocumentEditorInput(d.corpus(), d.id()), DocumentEditor.ID);
                } catch (PartInitException e) {
                    StatusManager.getManager().handle(Status.error("Cannot open document " + d.id() + ": " + e.getMessage(), e),
                            StatusManager.SHOW | StatusManager.LOG);
                }
            } else if (element instanceof CorpusSummary) {
                viewer.setExpandedState(element, !viewer.getExpandedState(element));
            }
        }
    }

    /** Reloads corpora and documents from the database. */
    public void refresh() {
        viewer.refresh();
    }

    /** The tree, for tests and commands. */
    public TreeViewer viewer() {
        return viewer;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    /** Corpora at the top, their documents below; read from the store when expanded. */
    private static final class CorpusContentProvider implements ITreeContentProvider {
        private CorpusStore store;

        @Override
        public void inputChanged(org.eclipse.jface.viewers.Viewer v, Object oldInput, Object newInput) {
            store = (CorpusStore) newInput;
        }

        @Override
        public Object[] getElements(Object input) {
            return store.corpora().toArray();
        }

        @Override
        public Object[] getChildren(Object parent) {
            return parent instanceof CorpusSummary c ? store.documents(c.name()).toArray() : new Object[0];
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
