package taiyi.workbench.ui.editor;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/**
 * A small popup list of types at the caret: arrow keys and Enter, a digit, or a double click choose;
 * Escape or clicking elsewhere cancels. It does not block, so the editor stays responsive and tests
 * can drive it like a user.
 */
public final class TypeChooser {

    private final Shell shell;
    private final org.eclipse.swt.widgets.List list;
    private final List<String> types;
    private final Consumer<String> chosen;
    private boolean done;

    private TypeChooser(Control owner, Point at, String title, List<String> types, Consumer<String> chosen) {
        this.types = List.copyOf(types);
        this.chosen = chosen;
        shell = new Shell(owner.getShell(), SWT.ON_TOP | SWT.TOOL | SWT.BORDER);
        shell.setText(title);
        shell.setLayout(new FillLayout());
        list = new org.eclipse.swt.widgets.List(shell, SWT.SINGLE | SWT.V_SCROLL);
        for (int i = 0; i < types.size(); i++) {
            list.add((i < 9 ? (i + 1) + "  " : "   ") + types.get(i));
        }
        list.select(0);
        list.addListener(SWT.DefaultSelection, e -> choose(list.getSelectionIndex()));
        list.addListener(SWT.KeyDown, e -> {
            if (e.character >= '1' && e.character <= '9') {
                choose(e.character - '1');
                e.doit = false;
            } else if (e.keyCode == SWT.ESC) {
                close();
            }
        });
        shell.addListener(SWT.Deactivate, e -> owner.getDisplay().asyncExec(this::close));
        Point size = shell.computeSize(SWT.DEFAULT, SWT.DEFAULT);
        shell.setBounds(at.x, at.y, Math.max(160, size.x), Math.min(260, size.y));
    }

    /** Opens a chooser at a display point; {@code chosen} gets the type unless it is cancelled. */
    public static TypeChooser open(Control owner, Point at, String title, List<String> types, Consumer<String> chosen,
            Consumer<Shell> beforeOpen) {
        TypeChooser chooser = new TypeChooser(owner, at, title, types, chosen);
        beforeOpen.accept(chooser.shell);
        chooser.shell.open();
        chooser.list.setFocus();
        return chooser;
    }

    private void choose(int index) {
        if (done || index < 0 || index >= types.size()) {
            return;
        }
        String type = types.get(index);
        close();
        chosen.accept(type);
    }

    /** Chooses a type as a click would; for keyboard-free callers and tests. */
    public void choose(String type) {
        choose(types.indexOf(type));
    }

    public void close() {
        done = true;
        if (!shell.isDisposed()) {
            shell.dispose();
        }
    }

    public boolean isOpen() {
        return !shell.isDisposed();
    }

    public List<String> types() {
        return types;
    }

    /** The list widget, for posting keys to it. */
    public org.eclipse.swt.widgets.List listWidget() {
        return list;
    }
}
