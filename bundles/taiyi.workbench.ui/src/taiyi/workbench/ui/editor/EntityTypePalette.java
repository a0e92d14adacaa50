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
    private final Map<String, Color> strongColors = new HashMap<>();
    private final Display display;

    public EntityTypePalette(Display display) {
        this.display = display;
    }

    public Color colorOf(String type) {
        return colors.computeIfAbsent(type, t -> new Color(display, rgbOf(t)));
    }

    /** The type's hue, saturated and darker: for underlines, suggestion outlines and arcs over white. */
    public Color strongColorOf(String type) {
        return strongColors.computeIfAbsent(type, t -> new Color(display, strongRgbOf(t)));
    }

    /** Frees the colours; the palette must not be used afterwards. */
    public void dispose() {
        colors.values().forEach(Color::dispose);
        colors.clear();
        strongColors.values().forEach(Color::dispose);
        strongColors.clear();
    }

    /** The strong colour of a type, independent of any display. */
    public static RGB strongRgbOf(String type) {
        return new RGB(rgbOf(type).getHSB()[0], 0.85f, 0.7f);
    }

    /** The colour of a type, independent of any display. */
    public static RGB rgbOf(String type) {
        float hue = (Math.floorMod(type.hashCode(), 360) * 137.508f) % 360f;
        return new RGB(hue, 0.35f, 1.0f);
    }
}
