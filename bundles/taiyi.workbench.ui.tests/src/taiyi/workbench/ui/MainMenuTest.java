package taiyi.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.ui.WorkbenchDriver.drain;
import static taiyi.workbench.ui.WorkbenchDriver.page;

import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.junit.jupiter.api.Test;

/** The application's main menu, as SWT shows it. */
class MainMenuTest {

    private static String plain(MenuItem item) {
        return item.getText().replace("&", "").split("\t")[0];
    }

    /** The labels of a menu once it has been shown (contributions fill menus when they open). */
    private static List<String> labels(Menu menu) {
        menu.notifyListeners(SWT.Show, new Event());
        drain();
        return Arrays.stream(menu.getItems()).filter(i -> (i.getStyle() & SWT.SEPARATOR) == 0).map(MainMenuTest::plain).toList();
    }

    private static Menu submenu(Menu menu, String label) {
        menu.notifyListeners(SWT.Show, new Event());
        drain();
        MenuItem item = Arrays.stream(menu.getItems()).filter(i -> plain(i).equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no menu '" + label + "' in " + labels(menu)));
        assertNotNull(item.getMenu(), label + " is not a menu");
        return item.getMenu();
    }

    @Test
    void fileEditWindowAndHelpHoldTheirCommands() {
        Menu bar = page().getWorkbenchWindow().getShell().getMenuBar();
        assertEquals(List.of("File", "Edit", "Learning", "Window", "Help"), Arrays.stream(bar.getItems()).map(MainMenuTest::plain).toList());
        assertEquals(List.of("Export Round…", "Train Adapter…"), labels(submenu(bar, "Learning")));
        List<String> file = labels(submenu(bar, "File"));
        assertTrue(file.contains("Import…") && file.get(file.size() - 1).equals("Exit"), file.toString());
        assertTrue(labels(submenu(bar, "Edit")).containsAll(List.of("Undo", "Redo")), labels(submenu(bar, "Edit")).toString());
        Menu window = submenu(bar, "Window");
        assertTrue(labels(window).contains("Preferences"), labels(window).toString());
        List<String> views = labels(submenu(window, "Show View"));
        assertTrue(views.containsAll(List.of("Corpora", "Search", "Import Problems")), views.toString());
        assertTrue(labels(submenu(bar, "Help")).stream().anyMatch(l -> l.startsWith("About")), labels(submenu(bar, "Help")).toString());
    }
}
