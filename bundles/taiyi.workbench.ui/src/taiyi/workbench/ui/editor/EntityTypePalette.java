package taiyi.workbench.ui.editor;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

/**
 * A stable, light background colour per entity type, so a type looks the same in every document
 * and every session. Hues are spread by the type name's hash on the golden angle.
 */
public final class EntityTypePalette {

    private final Map<String, Color> colors = new HashMap<>();
    private final Display display;

    public EntityTypePalette(Display display) {
        this.display = display;
    }

    public Color colorOf(String type) {
        return colors.computeIfAbsent(type, t -> new Color(display, rgbOf(t)));
    }

    /** Frees the colours; the palette must not be used afterwards. */
    public void dispose() {
        colors.values().forEach(Color::dispose);
        colors.clear();
    }

    /** The colour of a type, independent of any display. */
    public static RGB rgbOf(String type) {
        float hue = (Math.floorMod(type.hashCode(), 360) * 137.508f) % 360f;
        return new RGB(hue, 0.35f, 1.0f);
    }
}
