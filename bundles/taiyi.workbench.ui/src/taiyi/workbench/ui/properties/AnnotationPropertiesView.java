package taiyi.workbench.ui.properties;

import java.util.List;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;

import taiyi.workbench.ui.editor.AnnotationItem;
import taiyi.workbench.ui.editor.DocumentEditor;
import taiyi.workbench.ui.l10n.Messages;

/**
 * Shows the mention, suggestion, relation or relation suggestion at the document editor's caret: its
 * properties and its history of correction events; with nothing at the caret, the document's
 * suggested labels. Follows the workbench selection, so it needs no wiring to editors.
 */
public final class AnnotationPropertiesView extends ViewPart implements ISelectionListener {

    public static final String ID = "taiyi.workbench.ui.annotationProperties";

    private TableViewer viewer;
    private List<AnnotationProperty> rows = List.of();

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        column(Messages.AnnotationPropertiesView_property, 110, AnnotationProperty::name);
        column(Messages.AnnotationPropertiesView_value, 520, AnnotationProperty::value);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setInput(rows);
        getSite().getPage().addSelectionListener(this);
        IWorkbenchPart active = getSite().getPage().getActiveEditor();
        if (active instanceof DocumentEditor editor) {
            selectionChanged(editor, editor.getSite().getSelectionProvider().getSelection());
        }
    }

    private void column(String title, int width, java.util.function.Function<AnnotationProperty, String> value) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return value.apply((AnnotationProperty) element);
            }
        });
    }

    @Override
    public void selectionChanged(IWorkbenchPart part, ISelection selection) {
        if (!(part instanceof DocumentEditor editor) || viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        Object first = selection instanceof IStructuredSelection s ? s.getFirstElement() : null;
        if (first instanceof AnnotationItem item) {
            rows = AnnotationProperties.of(item, editor.model(), editor.store().log().events(item.corpus(), item.documentId()),
                    editor.schema());
        } else {
            // nothing at the caret: what the model says of the whole document
            rows = AnnotationProperties.ofDocument(editor.model());
        }
        viewer.setInput(rows);
        setContentDescription(first instanceof AnnotationItem item ? item.documentId() + " / " + item.id() : "");
    }

    /** The rows shown now. */
    public List<AnnotationProperty> rows() {
        return rows;
    }

    @Override
    public void dispose() {
        getSite().getPage().removeSelectionListener(this);
        super.dispose();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
