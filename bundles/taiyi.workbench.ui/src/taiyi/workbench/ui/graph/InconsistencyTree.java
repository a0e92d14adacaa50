package taiyi.workbench.ui.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

import taiyi.workbench.curation.graph.InconsistentRelation;
import taiyi.workbench.ui.l10n.Messages;

/**
 * The concept pairs related in some documents and not in others where both occur, beneath the
 * corpus graph: each pair with its counts, under it the documents that relate it and those that
 * leave it out. Double-clicking a document opens it; double-clicking a pair selects its edge.
 */
final class InconsistencyTree {

    /** A document under a pair: one that relates the pair, or one that names both concepts without relating them. */
    record DocumentRow(String documentId, boolean related) {
    }

    private final TreeViewer viewer;

    InconsistencyTree(Composite parent, Consumer<String> openDocument, Consumer<InconsistentRelation> selectPair) {
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ArrayContentProvider.getInstance().getElements(input);
            }

            @Override
            public Object[] getChildren(Object parentElement) {
                if (parentElement instanceof InconsistentRelation r) {
                    List<DocumentRow> rows = new ArrayList<>();
                    r.unrelatedIn().forEach(d -> rows.add(new DocumentRow(d, false)));
                    r.relatedIn().forEach(d -> rows.add(new DocumentRow(d, true)));
                    return rows.toArray();
                }
                return new Object[0];
            }

            @Override
            public Object getParent(Object element) {
                return null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return element instanceof InconsistentRelation;
            }
        });
        viewer.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                if (element instanceof InconsistentRelation r) {
                    return NLS.bind(Messages.InconsistencyTree_pair, new Object[] {r.type(), r.headLabel(), r.tailLabel(), r.relatedIn().size(),
                            r.unrelatedIn().size(), r.head(), r.tail()});
                }
                DocumentRow row = (DocumentRow) element;
                return NLS.bind(row.related() ? Messages.InconsistencyTree_relates : Messages.InconsistencyTree_doesNotRelate, row.documentId());
            }
        });
        viewer.addDoubleClickListener(e -> {
            Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (first instanceof DocumentRow row) {
                openDocument.accept(row.documentId());
            } else if (first instanceof InconsistentRelation r) {
                selectPair.accept(r);
            }
        });
    }

    void show(List<InconsistentRelation> found) {
        viewer.setInput(found);
    }

    TreeViewer viewer() {
        return viewer;
    }
}
