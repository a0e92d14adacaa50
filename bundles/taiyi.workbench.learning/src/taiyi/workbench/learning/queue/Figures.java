package taiyi.workbench.learning.queue;

import java.util.Locale;

/** How the queue's reasons print a figure: three decimals, the same on every locale. */
final class Figures {

    private Figures() {
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
