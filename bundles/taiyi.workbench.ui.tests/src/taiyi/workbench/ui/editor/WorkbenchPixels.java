package taiyi.workbench.ui.editor;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;

/** Looks for a colour in captured pixels. */
final class WorkbenchPixels {

    private WorkbenchPixels() {
    }

    static boolean contains(ImageData data, RGB color) {
        for (int y = 0; y < data.height; y++) {
            for (int x = 0; x < data.width; x++) {
                RGB rgb = data.palette.getRGB(data.getPixel(x, y));
                if (Math.abs(rgb.red - color.red) <= 2 && Math.abs(rgb.green - color.green) <= 2
                        && Math.abs(rgb.blue - color.blue) <= 2) {
                    return true;
                }
            }
        }
        return false;
    }
}
