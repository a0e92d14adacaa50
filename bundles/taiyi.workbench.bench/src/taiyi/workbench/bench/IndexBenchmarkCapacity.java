package taiyi.workbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code taiyi bench index --documents N} needs before it starts, and whether the machine has
 * it: the benchmark keeps its replicated documents in the heap (so that both timed loops read the
 * same objects and neither pays for making them) and writes two indexes of the same texts. A run
 * that cannot fit is refused up front rather than dying of a full disk or an OutOfMemoryError after
 * minutes of indexing.
 *
 * <p>The figures are measured ones, rounded up: the two indexes of a 300,000-document run (307 M
 * characters) took 716 MB, 2.3 bytes per character, and a merge may briefly hold a segment twice;
 * a replicated document costs about 200 bytes of heap and each suggestion made for it another
 * 200 (mention, spans, provenance, id).
 *
 * @param documents how many documents the run would index
 * @param characters how many characters of text they hold
 * @param suggestions how many suggestions the replication makes for them
 * @param ramBufferMb the indexing buffer of each writer
 */
record IndexBenchmarkCapacity(long documents, long characters, long suggestions, double ramBufferMb) {

    static final double DISK_BYTES_PER_CHARACTER = 3.5;
    static final long HEAP_BYTES_PER_DOCUMENT = 200;
    static final long HEAP_BYTES_PER_SUGGESTION = 200;
    /** Beyond the documents and the writer's buffer: the searcher, merges, the JIT and GC's room to move. */
    static final long HEAP_RESERVE = 768L << 20;

    long diskBytes() {
        return (long) (characters * DISK_BYTES_PER_CHARACTER);
    }

    long heapBytes() {
        return documents * HEAP_BYTES_PER_DOCUMENT + suggestions * HEAP_BYTES_PER_SUGGESTION + (long) (ramBufferMb * (1 << 20))
                + HEAP_RESERVE;
    }

    /**
     * Why the run cannot fit, or empty when it can.
     *
     * @param usableDisk bytes the index folder's file system has free for this user
     * @param maxHeap the heap the VM may grow to ({@code Runtime.maxMemory()})
     */
    Optional<String> refusal(String folder, long usableDisk, long maxHeap) {
        List<String> short_ = new ArrayList<>();
        if (diskBytes() > usableDisk) {
            short_.add(String.format("about %s of disk for its two indexes in %s, which has %s free (--dir chooses another folder)",
                    size(diskBytes()), folder, size(usableDisk)));
        }
        if (heapBytes() > maxHeap) {
            short_.add(String.format("about %s of heap for its documents and the writer, and the VM may use %s (-Xmx raises it)",
                    size(heapBytes()), size(maxHeap)));
        }
        if (short_.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.format("--documents %d (%.0f M characters) needs %s; give fewer documents", documents,
                characters / 1e6, String.join(", and ", short_)));
    }

    static String size(long bytes) {
        return bytes >= 1L << 40 ? String.format("%.1f TB", bytes / (double) (1L << 40))
                : bytes >= 1L << 30 ? String.format("%.1f GB", bytes / (double) (1L << 30))
                        : String.format("%.0f MB", bytes / (double) (1L << 20));
    }
}
