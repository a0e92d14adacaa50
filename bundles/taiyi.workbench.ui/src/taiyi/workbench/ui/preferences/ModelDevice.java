package taiyi.workbench.ui.preferences;

import java.util.Locale;

/** Where the model runs: chosen by the engine ({@link #AUTO}: the GPU when there is one), or forced. */
public enum ModelDevice {
    AUTO("Automatic (GPU when present)"),
    CPU("CPU"),
    GPU("GPU");

    private final String label;

    ModelDevice(String label) {
        this.label = label;
    }

    /** What the preference page shows. */
    public String label() {
        return label;
    }

    /** The value stored in the preferences. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The device a stored value names; {@link #AUTO} for anything else, so a hand-edited file cannot break startup. */
    public static ModelDevice fromKey(String key) {
        for (ModelDevice d : values()) {
            if (d.key().equalsIgnoreCase(key == null ? "" : key.strip())) {
                return d;
            }
        }
        return AUTO;
    }
}
