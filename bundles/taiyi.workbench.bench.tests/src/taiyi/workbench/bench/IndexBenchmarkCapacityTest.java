package taiyi.workbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.testing.TestCorpora;

/** {@code taiyi bench index --documents N} refuses, before writing anything, a run the disk or the heap cannot hold. */
class IndexBenchmarkCapacityTest {

    @Test
    void aRunTooLargeForTheDiskAndTheHeapIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path dir = Files.createTempDirectory("bench-index-capacity");
        try {
            StringWriter err = new StringWriter();
            CommandLine cli = new CommandLine(new BenchCommand());
            cli.setErr(new PrintWriter(err, true));
            cli.setOut(new PrintWriter(new StringWriter(), true));
            int exit = cli.execute("index", "--pubtator", TestCorpora.file("bc5cdr/CDR_DevelopmentSet.PubTator.txt").toString(),
                    "--documents", "2000000000", "--dir", dir.toString());
            String message = err.toString();
            assertEquals(2, exit, message);
            assertTrue(message.startsWith("taiyi bench index: --documents 2000000000 ("), message);
            assertTrue(message.contains("of disk for its two indexes in " + dir), message);
            assertTrue(message.contains("of heap"), message);
            try (Stream<Path> written = Files.list(dir)) {
                assertEquals(List.of(), written.toList(), "nothing written");
            }
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void theNeedsGrowWithTheDocumentsAndAFittingRunIsAccepted() throws Exception {
        List<Document> base = TestCorpora.bc5cdrDevel();
        long chars = base.stream().mapToLong(d -> d.text().length()).sum();
        IndexBenchmarkCapacity once = IndexBenchmark.capacity(base, base.size(), 256);
        IndexBenchmarkCapacity tenTimes = IndexBenchmark.capacity(base, 10L * base.size(), 256);
        assertEquals(chars, once.characters());
        assertEquals(10 * chars, tenTimes.characters());
        assertTrue(tenTimes.diskBytes() > 9 * once.diskBytes() && tenTimes.heapBytes() > once.heapBytes());
        // 500 abstracts in a 4 GB heap on a disk with 10 GB free: nothing to refuse
        assertEquals(java.util.Optional.empty(), once.refusal("/tmp", 10L << 30, 4L << 30));
        // the same run with 1 MB of disk names the disk alone
        String disk = once.refusal("/full", 1L << 20, 4L << 30).orElseThrow();
        assertTrue(disk.contains("of disk for its two indexes in /full, which has 1 MB free") && !disk.contains("heap"), disk);
    }
}
