package taiyi.workbench.formats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a writer had no place for, counted over the documents of one write and told as one
 * {@link FormatWarning} on the written target ({@code out.tsv: warning: left out 1012 relations,
 * 9591 concepts, ...}), so that a user who exports to a lossy format hears what stays behind.
 */
public final class LeftOut {

    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, String> singulars = new LinkedHashMap<>();

    /** Counts {@code n} things of one kind, named in the singular and the plural. */
    public LeftOut add(int n, String singular, String plural) {
        if (n > 0) {
            counts.merge(plural, n, Integer::sum);
            singulars.put(plural, singular);
        }
        return this;
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** Tells {@code warnings} what was left out, if anything, as a warning on {@code target}. */
    public void report(Path target, String format, Consumer<FormatWarning> warnings) {
        if (counts.isEmpty()) {
            return;
        }
        List<String> items = new ArrayList<>();
        counts.forEach((plural, n) -> items.add(n + " " + (n == 1 ? singulars.get(plural) : plural)));
        warnings.accept(new FormatWarning(target, 0, 0, "", "left out what " + format + " has no place for: "
                + String.join(", ", items)));
    }
}
