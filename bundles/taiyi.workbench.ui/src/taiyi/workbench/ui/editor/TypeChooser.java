package taiyi.workbench.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import taiyi.workbench.ui.l10n.Messages;

/**
 * A small popup list of types at the caret, each by its display name in the UI language (its code
 * in the tooltip): arrow keys and Enter, a digit, or a double click choose; Escape or clicking
 * elsewhere cancels. A filter field above the list narrows it by name or code as the curator types
 * there, in Chinese too: it listens to what the field's text becomes ({@link SWT#Modify}), which is
 * where an input method's committed text arrives, not to keys. It does not block, so the editor
 * stays responsive and tests can drive it like a user.
 */
public final class TypeChooser {

    private final Shell shell;
    private final Text filter;
    private final org.eclipse.swt.widgets.List list;
    private final List<String> types;
    private final Function<String, String> names;
    private final Consumer<String> chosen;
    /** The types the list shows now, in order: all of them, or those the filter matches. */
    private List<String> shown;
    private boolean done;

    private TypeChooser(Control owner, Point at, String title, List<String> types, Function<String, String> names,
            Consumer<String> chosen) {
        this.types = List.copyOf(types);
        this.names = names;
        this.chosen = chosen;
        shell = new Shell(owner.getShell(), SWT.ON_TOP | SWT.TOOL | SWT.BORDER);
        shell.setText(title);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 0;
        shell.setLayout(layout);
        filter = new Text(shell, SWT.SINGLE | SWT.SEARCH | SWT.ICON_CANCEL);
        filter.setMessage(Messages.TypeChooser_filter);
        filter.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        list = new org.eclipse.swt.widgets.List(shell, SWT.SINGLE | SWT.V_SCROLL);
        list.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        show(this.types);
        filter.addListener(SWT.Modify, e -> show(matching(filter.getText())));
        filter.addListener(SWT.DefaultSelection, e -> choose(list.getSelectionIndex()));
        filter.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.ARROW_DOWN) {
                list.setFocus();
                e.doit = false;
            } else if (e.keyCode == SWT.ESC) {
                close();
            }
        });
        list.addListener(SWT.DefaultSelection, e -> choose(list.getSelectionIndex()));
        list.addListener(SWT.Selection, e -> showCode());
        list.addListener(SWT.KeyDown, e -> {
            if (e.character >= '1' && e.character <= '9') {
                // a digit keeps the number the type has in the full list, as the digit keys of the editor do
                int index = e.character - '1';
                if (index < this.types.size()) {
                    chooseType(this.types.get(index));
                }
                e.doit = false;
            } else if (e.keyCode == SWT.ESC) {
                close();
            }
        });
        shell.addListener(SWT.Deactivate, e -> owner.getDisplay().asyncExec(this::close));
        Point size = shell.computeSize(SWT.DEFAULT, SWT.DEFAULT);
        shell.setBounds(at.x, at.y, Math.max(180, size.x), Math.min(300, size.y));
    }

    /**
     * Opens a chooser at a display point; {@code chosen} gets the type unless it is cancelled.
     *
     * @param names the display name of each type in the UI language
     */
    public static TypeChooser open(Control owner, Point at, String title, List<String> types, Function<String, String> names,
            Consumer<String> chosen, Consumer<Shell> beforeOpen) {
        TypeChooser chooser = new TypeChooser(owner, at, title, types, names, chosen);
        beforeOpen.accept(chooser.shell);
        chooser.shell.open();
        chooser.list.setFocus();
        return chooser;
    }

    /** The types whose display name or code contains {@code text}, ignoring case; all for a blank one. */
    private List<String> matching(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return types;
        }
        List<String> out = new ArrayList<>();
        for (String t : types) {
            if (names.apply(t).toLowerCase(Locale.ROOT).contains(wanted) || t.toLowerCase(Locale.ROOT).contains(wanted)) {
                out.add(t);
            }
        }
        return out;
    }

    private void show(List<String> visible) {
        shown = List.copyOf(visible);
        list.removeAll();
        for (String t : shown) {
            int number = types.indexOf(t);
            list.add((number < 9 ? (number + 1) + "  " : "   ") + names.apply(t));
        }
        if (!shown.isEmpty()) {
            list.select(0);
        }
        showCode();
    }

    /** The code of the selected type in the list's tooltip. */
    private void showCode() {
        int i = list.getSelectionIndex();
        list.setToolTipText(i >= 0 && i < shown.size() ? shown.get(i) : null);
    }

    private void choose(int shownIndex) {
        if (shownIndex >= 0 && shownIndex < shown.size()) {
            chooseType(shown.get(shownIndex));
        }
    }

    private void chooseType(String type) {
        if (done) {
            return;
        }
        close();
        chosen.accept(type);
    }

    /** Chooses a type as a click would; for keyboard-free callers and tests. */
    public void choose(String type) {
        if (types.contains(type)) {
            chooseType(type);
        }
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

    /** Every type offered, by code, in the order of their digits. */
    public List<String> types() {
        return types;
    }

    /** The types the list shows now (the filter's matches), by code. */
    public List<String> shownTypes() {
        return shown;
    }

    /** The list widget, for posting keys to it. */
    public org.eclipse.swt.widgets.List listWidget() {
        return list;
    }

    /** The filter field, where typed or composed text narrows the list. */
    public Text filterWidget() {
        return filter;
    }
}
