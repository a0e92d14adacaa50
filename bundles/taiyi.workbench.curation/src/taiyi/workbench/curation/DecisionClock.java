package taiyi.workbench.curation;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How long a decision took: the time since the previous decision, or since the item it is about got
 * the caret, whichever is later. The log keeps it per event so cost-aware queues can learn which
 * items are slow to curate.
 */
public final class DecisionClock {

    private final LongSupplier nanos;
    private long since;
    private String focused;

    public DecisionClock() {
        this(System::nanoTime);
    }

    DecisionClock(LongSupplier nanos) {
        this.nanos = nanos;
        this.since = nanos.getAsLong();
    }

    /** The caret is on {@code itemId} (null: on no item); a new item restarts the clock. */
    public void focus(String itemId) {
        if (!Objects.equals(itemId, focused)) {
            focused = itemId;
            since = nanos.getAsLong();
        }
    }

    /** The milliseconds the decision took, restarting the clock for the next one. */
    public long decide() {
        long now = nanos.getAsLong();
        long ms = Math.max(0, (now - since) / 1_000_000L);
        since = now;
        return ms;
    }
}
