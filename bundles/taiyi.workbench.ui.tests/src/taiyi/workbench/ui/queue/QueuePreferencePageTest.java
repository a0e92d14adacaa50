package taiyi.workbench.ui.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.ui.WorkbenchDriver.drain;
import static taiyi.workbench.ui.WorkbenchDriver.find;
import static taiyi.workbench.ui.WorkbenchDriver.page;
import static taiyi.workbench.ui.WorkbenchDriver.press;
import static taiyi.workbench.ui.WorkbenchDriver.screenshot;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import taiyi.workbench.learning.queue.Exploration;
import taiyi.workbench.ui.preferences.ModelPreferences;

/** Window > Preferences > Taiyi > Queue: the strategy and exploration share chosen there are what the queue uses. */
class QueuePreferencePageTest {

    @AfterEach
    void forgetValues() throws Exception {
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(ModelPreferences.QUALIFIER);
        node.remove(QueuePreferences.STRATEGY);
        node.remove(QueuePreferences.EXPLORATION);
        node.remove(QueuePreferences.WARM_UP);
        node.flush();
    }

    private static <T extends Control> T field(Shell shell, String label, Class<T> type) {
        Label l = find(shell, Label.class, x -> x.getText().replace("&", "").equals(label)).get(0);
        List<Control> siblings = Arrays.asList(l.getParent().getChildren());
        return type.cast(siblings.get(siblings.indexOf(l) + 1));
    }

    private static void type(Text field, String value) {
        field.setText(value);
        for (int type : new int[] {SWT.KeyDown, SWT.KeyUp}) {
            Event key = new Event();
            key.character = value.isEmpty() ? SWT.BS : value.charAt(value.length() - 1);
            field.notifyListeners(type, key);
        }
        drain();
    }

    @Test
    void theStrategyAndShareChosenOnThePageRankTheQueue() throws Exception {
        QueuePreferences before = QueuePreferences.current();
        assertEquals("margin", before.strategy());
        assertEquals(Exploration.DEFAULT.share(), before.exploration(), 1e-12);

        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(page().getWorkbenchWindow().getShell(),
                QueuePreferencePage.ID, null, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        drain();
        try {
            Shell shell = dialog.getShell();
            QueuePreferencePage page = assertInstanceOf(QueuePreferencePage.class, dialog.getSelectedPage());
            Combo strategy = field(shell, "Strategy:", Combo.class);
            strategy.select(Arrays.asList(strategy.getItems()).indexOf(QueuePreferencePage.label("mnlp")));
            strategy.notifyListeners(SWT.Selection, new Event());
            Text share = field(shell, "Exploration share (0 to 1):", Text.class);
            type(share, "1.5");
            assertFalse(page.isValid(), "share 1.5 was accepted");
            assertEquals("The exploration share must be a number from 0 to 1", page.getErrorMessage());
            assertFalse(find(shell, Button.class, b -> b.getText().replace("&", "").equals("Apply and Close")).get(0).isEnabled());
            type(share, "0.25");
            assertTrue(page.isValid());
            screenshot(shell, "preferences-queue.png");
            press(shell, "Apply and Close");
        } finally {
            if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
                dialog.close();
            }
        }
        QueuePreferences after = QueuePreferences.current();
        assertEquals("mnlp", after.strategy());
        assertEquals(0.25, after.exploration(), 1e-12);
        assertEquals("mnlp", after.queue().strategy().id());
    }
}
