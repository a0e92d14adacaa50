package taiyi.workbench.ui.editor;

import org.eclipse.core.runtime.ListenerList;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;

/**
 * Publishes the annotation at the editor's caret (an {@link AnnotationItem}) to the workbench
 * selection service, so the properties view follows the caret. Listeners hear only real changes.
 */
final class AnnotationSelectionProvider implements ISelectionProvider {

    private final ListenerList<ISelectionChangedListener> listeners = new ListenerList<>();
    private ISelection current = StructuredSelection.EMPTY;

    @Override
    public void addSelectionChangedListener(ISelectionChangedListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeSelectionChangedListener(ISelectionChangedListener listener) {
        listeners.remove(listener);
    }

    @Override
    public ISelection getSelection() {
        return current;
    }

    @Override
    public void setSelection(ISelection selection) {
        if (current != null && selection.equals(current)) {
            return;
        }
        current = selection;
        SelectionChangedEvent event = new SelectionChangedEvent(this, selection);
        for (ISelectionChangedListener l : listeners) {
            l.selectionChanged(event);
        }
    }

    /** Sets the selection without telling anyone (before the editor is shown). */
    void showSilently(AnnotationItem item) {
        current = item == null ? StructuredSelection.EMPTY : new StructuredSelection(item);
    }

    void show(AnnotationItem item) {
        setSelection(item == null ? StructuredSelection.EMPTY : new StructuredSelection(item));
    }

    /**
     * Tells the listeners even when the item equals the one shown: a decision changed what is known
     * of it (its layer, its history) though not the item itself.
     */
    void showAgain(AnnotationItem item) {
        current = null;
        show(item);
    }
}
