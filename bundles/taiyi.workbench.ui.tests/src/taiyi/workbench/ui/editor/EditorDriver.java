package taiyi.workbench.ui.editor;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;

import taiyi.workbench.store.CorpusStore;

/**
 * Drives the editor as a user does, through public SWT: real KeyDown/KeyUp events sent to a widget
 * (the workbench's key-binding filter sees them first, as it does typed keys), mouse events at
 * pixel positions, and screenshots of the shell.
 */
final class EditorDriver {

    private EditorDriver() {
    }

    static void drain() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // let pending paints, layouts and asyncExecs run
        }
    }

    /**
     * Runs the event loop until the editor has published what is at the caret (its selection timer
     * has fired), however long a loaded machine delays the timer; a fixed wait raced with it.
     */
    static void awaitPublished(DocumentEditor editor) {
        taiyi.workbench.ui.WorkbenchDriver.waitUntil("the editor to publish its selection", 30, () -> !editor.selectionPending());
    }

    /** Types a printable key (letters as the unshifted key, like a keyboard sends them). */
    static void type(Control c, char ch) {
        key(c, ch, Character.toLowerCase(ch), 0);
    }

    static void key(Control c, char character, int keyCode, int stateMask) {
        Event down = new Event();
        down.type = SWT.KeyDown;
        down.character = character;
        down.keyCode = keyCode;
        down.stateMask = stateMask;
        down.widget = c;
        down.display = c.getDisplay();
        c.notifyListeners(SWT.KeyDown, down);
        Event up = new Event();
        up.type = SWT.KeyUp;
        up.character = character;
        up.keyCode = keyCode;
        up.stateMask = stateMask;
        c.notifyListeners(SWT.KeyUp, up);
        drain();
    }

    static void ctrl(Control c, char letter) {
        key(c, (char) (letter - 'a' + 1), letter, SWT.CTRL);
    }

    static void ctrlShift(Control c, char letter) {
        key(c, (char) (letter - 'a' + 1), letter, SWT.CTRL | SWT.SHIFT);
    }

    static void mouse(Control c, int type, int x, int y) {
        Event e = new Event();
        e.type = type;
        e.button = 1;
        e.x = x;
        e.y = y;
        e.count = 1;
        c.notifyListeners(type, e);
        drain();
    }

    /** A database of the test's own beside the workbench's, whose sample corpus other tests count. */
    static CorpusStore testStore(String prefix) throws java.io.IOException {
        return CorpusStore.open(Files.createTempDirectory(Path.of(System.getProperty("taiyi.data")).getParent(), prefix));
    }

    /** Saves what the shell shows, for review of the build (not compared). */
    static Path screenshot(Shell shell, String name) throws Exception {
        return taiyi.workbench.ui.WorkbenchDriver.screenshot(shell, name);
    }

    /**
     * What a control paints for its current state, as image data: the control is asked to paint
     * itself into an off-screen image ({@link Control#print(GC)}), so what is sampled does not depend
     * on what the X server shows at that moment (a paint not yet flushed, a popup or the mouse
     * pointer over the widget, a selection repainted later), which made screen copies race.
     */
    static ImageData capture(Control c) {
        drain();
        Rectangle size = c.getBounds();
        Image image = new Image(c.getDisplay(), size.width, size.height);
        GC gc = new GC(image);
        try {
            if (!c.print(gc)) {
                throw new IllegalStateException("the platform cannot print " + c);
            }
        } finally {
            gc.dispose();
        }
        ImageData data = image.getImageData();
        image.dispose();
        return data;
    }

    /** The colour most pixels of a rectangle have (glyph ink and anti-aliasing are a minority). */
    static RGB dominantColour(ImageData data, Rectangle box) {
        java.util.Map<RGB, Integer> counts = new java.util.HashMap<>();
        for (int y = Math.max(0, box.y); y < Math.min(data.height, box.y + box.height); y++) {
            for (int x = Math.max(0, box.x); x < Math.min(data.width, box.x + box.width); x++) {
                counts.merge(data.palette.getRGB(data.getPixel(x, y)), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
