package taiyi.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.action.StatusLineManager;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;

import taiyi.workbench.core.runtime.CjkFontCheck;
import taiyi.workbench.core.runtime.CjkFontCheck.Coverage;

/**
 * The missing-font notice reaches the curator in a status line and in the error log, naming the
 * package; and the machine the tests run on has a CJK font (or every Chinese editor test would look
 * at boxes).
 */
class CjkFontNoticeTest {

    @Test
    void thisMachineHasAFontThatCoversChinese() {
        CjkFontCheck.Result result = new CjkFontCheck().run();
        assertEquals(Coverage.COVERED, result.coverage(),
                "install " + CjkFontCheck.SUGGESTED_PACKAGE + " (releng/install-prerequisites.sh): " + result.detail());
    }

    @Test
    void aMissingFontIsNamedInTheStatusLineAndTheErrorLog() {
        CjkFontCheck.Result missing = new CjkFontCheck.Result(Coverage.MISSING, List.of(), "fontconfig knows no font for :lang=zh");
        List<IStatus> logged = new ArrayList<>();
        ILogListener listener = (status, plugin) -> logged.add(status);
        Platform.addLogListener(listener);
        Shell shell = new Shell(Display.getCurrent());
        try {
            shell.setLayout(new FillLayout());
            StatusLineManager statusLine = new StatusLineManager();
            statusLine.createControl(shell);
            shell.open();

            CjkFontNotice.show(missing, statusLine);
            while (shell.getDisplay().readAndDispatch()) {
                // let the status line lay out its message
            }
            List<String> shown = labels(statusLine.getControl());
            assertTrue(shown.contains(missing.notice()), shown.toString());
            assertTrue(missing.notice().contains("apt-get install fonts-noto-cjk"), missing.notice());
            assertTrue(logged.stream().anyMatch(s -> s.getSeverity() == IStatus.WARNING && s.getMessage().equals(missing.notice())),
                    logged.toString());
        } finally {
            Platform.removeLogListener(listener);
            shell.dispose();
        }
    }

    private static List<String> labels(Control control) {
        List<String> texts = new ArrayList<>();
        if (control instanceof CLabel label && label.getText() != null) {
            texts.add(label.getText());
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                texts.addAll(labels(child));
            }
        }
        return texts;
    }
}
