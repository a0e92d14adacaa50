package taiyi.workbench.ui.imports;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;

import taiyi.workbench.formats.imports.ImportProblem;
import taiyi.workbench.ui.l10n.Messages;

/**
 * "Import Problems": the files imports refused (errors) and what readers warned about in the files
 * they imported (warnings), one row each with severity, file, line, column, document and reason,
 * like the Problems view of an IDE. Double-clicking a row copies it as {@code file:line: reason}.
 */
public final class ImportProblemsView extends ViewPart {

    public static final String ID = "taiyi.workbench.ui.importProblems";

    private TableViewer viewer;
    private final Consumer<List<ImportProblem>> listener = problems -> {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            viewer.getControl().getDisplay().asyncExec(() -> {
                if (!viewer.getControl().isDisposed()) {
                    viewer.setInput(problems);
                }
            });
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column(Messages.ImportProblemsView_severity, 70, p -> p.isWarning() ? Messages.ImportProblemsView_warning : Messages.ImportProblemsView_error);
        column(Messages.ImportProblemsView_file, 320, p -> p.file().toString());
        column(Messages.ImportProblemsView_line, 60, p -> p.line() > 0 ? Integer.toString(p.line()) : "");
        column(Messages.ImportProblemsView_column, 60, p -> p.column() > 0 ? Integer.toString(p.column()) : "");
        column(Messages.ImportProblemsView_document, 90, ImportProblem::documentId);
        column(Messages.ImportProblemsView_reason, 520, ImportProblem::reason);
        viewer.addDoubleClickListener(e -> copy((IStructuredSelection) e.getSelection()));
        ImportProblemsLog.instance().addListener(listener);
        viewer.setInput(ImportProblemsLog.instance().problems());

        Action clear = new Action(Messages.ImportProblemsView_clear) {
            @Override
            public void run() {
                ImportProblemsLog.instance().clear();
            }
        };
        clear.setToolTipText(Messages.ImportProblemsView_clearTooltip);
        getViewSite().getActionBars().getToolBarManager().add(clear);
        getSite().setSelectionProvider(viewer);
    }

    private interface Text {
        String of(ImportProblem p);
    }

    private void column(String title, int width, Text text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.of((ImportProblem) element);
            }
        });
    }

    /** Puts the selected problems on the clipboard, one {@code file:line: reason} per line; returns the text. */
    public String copy(IStructuredSelection selection) {
        StringBuilder text = new StringBuilder();
        for (Object o : selection) {
            text.append(o).append(System.lineSeparator());
        }
        if (text.length() > 0) {
            Clipboard clipboard = new Clipboard(viewer.getControl().getDisplay());
            try {
                clipboard.setContents(new Object[] {text.toString()}, new Transfer[] {TextTransfer.getInstance()});
            } finally {
                clipboard.dispose();
            }
        }
        return text.toString();
    }

    /** The table, for tests. */
    public TableViewer viewer() {
        return viewer;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        ImportProblemsLog.instance().removeListener(listener);
        super.dispose();
    }
}
