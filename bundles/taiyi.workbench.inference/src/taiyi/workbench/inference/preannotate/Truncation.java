package taiyi.workbench.inference.preannotate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import taiyi.workbench.inference.Generation;

/**
 * An answer cut by the token limit may end in the middle of an item ({@code 疾病：糖尿} for
 * {@code 糖尿病}); the last item is dropped unless its line was finished, and the drop reported.
 */
final class Truncation {

    private Truncation() {
    }

    static <T> List<T> complete(List<T> items, Function<T, String> describe, ToIntFunction<T> end, Generation answer,
            Consumer<String> report) {
        if (answer.stopReason() != Generation.StopReason.MAX_TOKENS || items.isEmpty()) {
            return items;
        }
        T last = items.stream().max(Comparator.comparingInt(end)).orElseThrow();
        if (answer.text().indexOf('\n', end.applyAsInt(last)) >= 0) {
            return items;
        }
        List<T> kept = new ArrayList<>(items);
        kept.remove(last);
        report.accept("the answer reached the token limit; dropped its last item '" + describe.apply(last)
                + "', which may be cut off");
        return kept;
    }
}
