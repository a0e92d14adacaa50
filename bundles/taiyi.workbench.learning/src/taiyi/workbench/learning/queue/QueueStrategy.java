package taiyi.workbench.learning.queue;

import java.util.List;

/**
 * A way of ordering the documents still to curate, most worth a curator's time first. A strategy
 * ranks every candidate of the pool (none is dropped: a near-duplicate or a certain document only
 * comes late) and says why each stands where it does.
 *
 * <p>Strategies are deterministic for a given pool (random ones for a given seed), so a simulation
 * can be repeated; ties keep the pool's order.
 */
public interface QueueStrategy {

    /** The name preferences and {@code taiyi queue --strategy} use, e.g. {@code margin}. */
    String id();

    /** Every candidate of the pool, ranked: rank 1 first. */
    List<RankedDocument> rank(QueuePool pool);
}
