package taiyi.workbench.inference.run;

import java.util.List;

/**
 * A finished (or cancelled) pre-annotation run.
 *
 * @param outcomes per document handled, in order
 * @param cancelled whether it stopped before every document was handled
 * @param elapsedMillis wall time
 */
public record PreannotationSummary(List<DocumentOutcome> outcomes, boolean cancelled, long elapsedMillis) {

    public PreannotationSummary {
        outcomes = List.copyOf(outcomes);
    }

    public long annotated() {
        return outcomes.stream().filter(o -> !o.skipped()).count();
    }

    public long skipped() {
        return outcomes.stream().filter(DocumentOutcome::skipped).count();
    }

    public int mentions() {
        return outcomes.stream().mapToInt(DocumentOutcome::mentions).sum();
    }

    public int relations() {
        return outcomes.stream().mapToInt(DocumentOutcome::relations).sum();
    }

    public int labels() {
        return outcomes.stream().mapToInt(DocumentOutcome::labels).sum();
    }

    public int problems() {
        return outcomes.stream().mapToInt(o -> o.problems().size()).sum();
    }

    /** One line for a status bar or the CLI's last line. */
    public String describe() {
        return String.format("%d documents pre-annotated (%d skipped as already done): %d mentions, %d relations, %d labels"
                + " suggested, %d problems, in %.1f s%s", annotated(), skipped(), mentions(), relations(), labels(), problems(),
                elapsedMillis / 1000.0, cancelled ? " (cancelled)" : "");
    }
}
