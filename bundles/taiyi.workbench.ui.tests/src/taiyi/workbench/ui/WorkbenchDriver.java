package taiyi.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

/** What the UI tests do to the running workbench through public SWT and workbench API. */
public final class WorkbenchDriver {

    private WorkbenchDriver() {
    }

    public static IWorkbenchPage page() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (window == null) {
            window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        }
        assertNotNull(window, "no workbench window is open");
        return window.getActivePage();
    }

    public static void drain() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // let pending paints, layouts and asyncExecs run
        }
    }

    /** Runs the event loop until {@code done} holds, failing after {@code seconds}. */
    public static void waitUntil(String what, int seconds, BooleanSupplier done) {
        Display display = Display.getCurrent();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
        drain();
    }

    /** A file or folder of the repository's testdata/. */
    public static Path testdata(String relative) {
        String dir = System.getProperty("taiyi.testdata");
        assertNotNull(dir, "system property taiyi.testdata is not set (the build sets it)");
        Path p = Path.of(dir, relative);
        assertTrue(Files.exists(p), "test corpus missing: " + p);
        return p;
    }

    /** Every control under {@code root} that matches. */
    public static <T extends Control> List<T> find(Composite root, Class<T> type, Predicate<T> match) {
        List<T> out = new ArrayList<>();
        for (Control c : root.getChildren()) {
            if (type.isInstance(c) && match.test(type.cast(c))) {
                out.add(type.cast(c));
            }
            if (c instanceof Composite composite) {
                out.addAll(find(composite, type, match));
            }
        }
        return out;
    }

    /** Presses the button labelled {@code label} (mnemonics ignored), as a click would. */
    public static void press(Shell shell, String label) {
        List<Button> buttons = find(shell, Button.class, b -> b.getText().replace("&", "").equals(label));
        assertTrue(buttons.size() == 1, "expected one button '" + label + "', found " + buttons.size());
        Button b = buttons.get(0);
        assertTrue(b.isEnabled(), "button '" + label + "' is disabled");
        b.notifyListeners(SWT.Selection, new Event());
    }

    /**
     * Saves what the shell shows into the screenshot folder, for review of the build (not
     * compared); returns the file, or null when the build asked for no screenshots.
     */
    public static Path screenshot(Shell shell, String name) throws Exception {
        String dir = System.getProperty("taiyi.screenshots");
        if (dir == null) {
            return null;
        }
        drain();
        Rectangle bounds = shell.getBounds();
        Image image = new Image(shell.getDisplay(), bounds.width, bounds.height);
        GC gc = new GC(shell.getDisplay());
        try {
            gc.copyArea(image, bounds.x, bounds.y);
        } finally {
            gc.dispose();
        }
        Path out = Path.of(dir, name);
        Files.createDirectories(out.getParent());
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {image.getImageData()};
        loader.save(out.toString(), SWT.IMAGE_PNG);
        image.dispose();
        assertTrue(Files.size(out) > 0);
        return out;
    }
}
