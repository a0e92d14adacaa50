package taiyi.workbench.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Whether the collector has stopped growing the heap: two collections since its committed size
 * last changed, so the young generation has been allocated through at its present size. A
 * benchmark warms up until then: runs timed while G1 still grows (or regrows, after the
 * {@code System.gc()} that measures the live heap) the heap pay for the first touch of its new
 * pages and for collections no settled workbench would run.
 */
final class HeapSettling {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private long committed = -1;
    private long collectionsAtChange;

    boolean settled() {
        long now = memory.getHeapMemoryUsage().getCommitted();
        long collections = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, gc.getCollectionCount());
        }
        if (now != committed) {
            committed = now;
            collectionsAtChange = collections;
            return false;
        }
        return collections >= collectionsAtChange + 2;
    }
}
