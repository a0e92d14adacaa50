package taiyi.workbench.app;

import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * On the first start the workbench window fills the screen it opens on: an editor of long
 * abstracts with arcs above the lines wants every pixel, and a fixed size is too small on a large
 * display and too large on a small one. Later starts restore the size the curator left.
 */
final class FirstWindowBounds {

    private FirstWindowBounds() {
    }

    /** The usable area of the primary monitor (without panels and docks). */
    static Rectangle screen() {
        return Display.getCurrent().getPrimaryMonitor().getClientArea();
    }

    /**
     * Maximises the window when it still has the first start's size. The bounds are set as well,
     * because without a window manager (or before it answers) a maximise request does nothing.
     */
    static void fillScreenIfFirstStart(Shell shell) {
        Rectangle screen = screen();
        Rectangle bounds = shell.getBounds();
        if (bounds.width == screen.width && bounds.height == screen.height) {
            shell.setBounds(screen);
            shell.setMaximized(true);
        }
    }
}
