package taiyi.workbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.pubtator.PubTatorReader;

/**
 * A team on one database: four curator processes ({@link TeamCuratorProcess}) make 500 random
 * decisions each on the same 20 documents, every one on the history it read. Afterwards every
 * acknowledged event is in its document's log, no event is there that nobody was told of, and each
 * curated layer is the fold of its log; decisions that crossed another writer's were refused as
 * stale, not lost or applied to a layer their curator had not seen.
 */
class TeamCurationTest {

    private static final String CORPUS = "cdr-team";
    private static final int WRITERS = 4;
    private static final int DECISIONS = 500;
    private static final int DOCUMENTS = 20;
    private static final long TIMEOUT_S = 600;

    @TempDir
    Path tmp;

    private record Ack(String writer, long eventId, String documentId) {
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void fourWriterProcessesLoseNoDecision(StoreKind kind) throws Exception {
        List<Document> docs = new PubTatorReader()
                .read(Path.of(System.getProperty("taiyi.testdata"), "bc5cdr/CDR_DevelopmentSet.PubTator.txt")).subList(0, DOCUMENTS);
        List<String> ids = docs.stream().map(Document::id).toList();
        StoreLocation db = kind.newDatabase(tmp);
        // the test holds the store open throughout: on H2 its AUTO_SERVER is the one the writers share
        try (CorpusStore store = CorpusStore.open(db)) {
            store.documents().importDocuments(CORPUS, docs, "CDR_DevelopmentSet.PubTator.txt");
            String classpath = CrashDurabilityTest.childClasspath();
            List<Process> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", classpath, "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC", "-Xmx256m", "-D" + CorrectionWriterProcess.LOCAL_FOLDER + "=" + tmp.resolve("w" + w),
                        TeamCuratorProcess.class.getName(), StoreKind.argument(db), CORPUS, "curator-" + w,
                        Long.toString(20261204L + w), Integer.toString(DECISIONS)));
                command.addAll(ids);
                writers.add(new ProcessBuilder(command).redirectError(tmp.resolve("w" + w + ".stderr").toFile()).start());
            }
            List<Ack> acks = new ArrayList<>();
            int stale = 0;
            for (int w = 0; w < WRITERS; w++) {
                Process p = writers.get(w);
                List<String> lines = readAll(p);
                assertTrue(p.waitFor(TIMEOUT_S, TimeUnit.SECONDS), "writer " + w + " did not finish");
                assertEquals(0, p.exitValue(), () -> "writer failed:\n" + stderr(tmp.resolve("w" + writers.indexOf(p) + ".stderr")));
                assertEquals("DONE", lines.get(lines.size() - 1), "writer " + w + " ended without DONE");
                for (String line : lines) {
                    if (line.startsWith("ACK ")) {
                        String[] parts = line.split(" ", 3);
                        acks.add(new Ack("curator-" + w, Long.parseLong(parts[1]), parts[2]));
                    } else if (line.equals("STALE")) {
                        stale++;
                    }
                }
            }
            assertEquals(WRITERS * DECISIONS, acks.size());

            Map<Long, CorrectionEvent> logged = new HashMap<>();
            for (String id : ids) {
                for (CorrectionEvent e : CuratedLayerAssertions.assertCuratedLayerIsTheFold(store, CORPUS, id)) {
                    if (e.action() != CorrectionAction.IMPORT) {
                        assertEquals(null, logged.put(e.id(), e), "event " + e.id() + " logged twice");
                    }
                }
            }
            for (Ack ack : acks) {
                CorrectionEvent e = logged.get(ack.eventId());
                assertTrue(e != null, "acknowledged event " + ack.eventId() + " of " + ack.writer() + " is missing");
                assertEquals(ack.documentId(), e.documentId(), "document of event " + ack.eventId());
                assertEquals(ack.writer(), e.user(), "curator of event " + ack.eventId());
            }
            // and nothing in the logs that no writer was told of
            assertEquals(acks.size(), logged.size(), "events logged but never acknowledged");
            // 20 documents shared by four fast writers: some decisions must have crossed
            assertTrue(stale > 0, "no decision was ever refused as stale; the test did not test concurrency");
            System.out.printf("TeamCurationTest %s: %d decisions acknowledged, %d refused as stale%n", kind, acks.size(), stale);
        }
    }

    private static List<String> readAll(Process p) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String stderr(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "(none)";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElseGet(
                () -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
