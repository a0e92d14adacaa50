package taiyi.workbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;

import com.zaxxer.hikari.HikariDataSource;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;

import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.pubtator.PubTatorReader;

/**
 * An acknowledged correction survives {@code kill -9}: a child JVM ({@link CorrectionWriterProcess})
 * records random corrections and prints an ACK after each {@code record()} returns; the test kills it
 * at a random moment, many times over, and after each kill reopens the database and finds every
 * acknowledged event in its document's log, at most the one correction that was in flight beyond
 * them, and every curated layer equal to the fold of its log.
 */
class CrashDurabilityTest {

    private static final String CORPUS = "ncbi-devel";
    private static final int KILLS = 50;
    /** The documents the child edits: few, so that their logs grow long and undo and redo walk far. */
    private static final int EDITED_DOCUMENTS = 6;
    private static final long CHILD_TIMEOUT_S = 60;

    @TempDir
    Path tmp;

    private record Ack(long eventId, String documentId) {
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreKind.class)
    void everyAcknowledgedCorrectionSurvivesKill9(StoreKind kind) throws Exception {
        List<Document> docs = new PubTatorReader()
                .read(Path.of(System.getProperty("taiyi.testdata"), "ncbi-disease/pubtator/NCBIdevelopset_corpus.txt"))
                .subList(0, 50);
        List<String> edited = new ArrayList<>();
        for (int i = 0; i < EDITED_DOCUMENTS; i++) {
            edited.add(docs.get(i * docs.size() / EDITED_DOCUMENTS).id());
        }
        StoreLocation db = kind.newDatabase(tmp);
        long lastSeenEventId = 0;
        try (CorpusStore store = CorpusStore.open(db)) {
            store.documents().importDocuments(CORPUS, docs, "NCBIdevelopset_corpus.txt");
            for (String id : edited) {
                lastSeenEventId = Math.max(lastSeenEventId, store.log().events(CORPUS, id).get(0).id());
            }
        }
        String classpath = childClasspath();
        Random random = new Random(20261126L);
        int totalAcks = 0;
        for (int run = 1; run <= KILLS; run++) {
            // half the runs die after a number of ACKs, half at a moment that may fall in JVM start-up,
            // in opening the store or anywhere in a correction
            Child child = run % 2 == 0
                    ? Child.killAfterAcks(classpath, db, run, edited, random.nextInt(41), tmp)
                    : Child.killAfterMillis(classpath, db, run, edited, random.nextInt(1500), tmp);
            totalAcks += child.acks.size();
            if (run % 10 != 0 && !db.isServer()) {
                // H2 takes over the lock file of a dead process only after it has aged (about 4 s a
                // time); the child is dead, so most runs remove it, and every tenth run takes the
                // workbench's own path after a crash
                Files.deleteIfExists(db.localFolder().resolve("taiyi.lock.db"));
            }
            lastSeenEventId = verify(db, edited, child, lastSeenEventId);
        }
        assertTrue(totalAcks > KILLS, "the children acknowledged only " + totalAcks + " corrections in " + KILLS + " runs");
    }

    /** Reopens the store after a kill; returns the newest event id now in the edited documents' logs. */
    private static long verify(StoreLocation db, List<String> edited, Child child, long lastSeenEventId) {
        Map<String, Set<Long>> ackedByDocument = child.acks.stream()
                .collect(Collectors.groupingBy(Ack::documentId, Collectors.mapping(Ack::eventId, Collectors.toSet())));
        long newest = lastSeenEventId;
        List<Long> unacknowledged = new ArrayList<>();
        try (CorpusStore store = CorpusStore.open(db)) {
            for (String documentId : edited) {
                List<CorrectionEvent> events = CuratedLayerAssertions.assertCuratedLayerIsTheFold(store, CORPUS, documentId);
                Set<Long> logged = new HashSet<>();
                for (CorrectionEvent e : events) {
                    logged.add(e.id());
                    newest = Math.max(newest, e.id());
                    if (e.id() > lastSeenEventId && !ackedByDocument.getOrDefault(documentId, Set.of()).contains(e.id())) {
                        unacknowledged.add(e.id());
                    }
                }
                Set<Long> lost = new HashSet<>(ackedByDocument.getOrDefault(documentId, Set.of()));
                lost.removeAll(logged);
                assertEquals(Set.of(), lost, "acknowledged events missing from the log of " + documentId);
            }
            // the child records one correction at a time, so at most one can be committed but not acknowledged
            assertTrue(unacknowledged.size() <= 1, "events in the log that were never acknowledged: " + unacknowledged);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("after run " + child.run + " (" + child.acks.size() + " ACKs, " + child.killRule
                    + "): " + e.getMessage() + "\nchild stderr:\n" + child.stderr(), e);
        }
        return newest;
    }

    /** One child JVM, started, killed and read to the end. */
    private static final class Child {

        private static final String EOF = "\u0000EOF";

        final int run;
        final String killRule;
        final List<Ack> acks = new ArrayList<>();
        private final Process process;
        private final Path stderrFile;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Thread reader;

        private Child(String classpath, StoreLocation db, int run, List<String> documents, String killRule, Path tmp) throws IOException {
            this.run = run;
            this.killRule = killRule;
            this.stderrFile = tmp.resolve("child-" + run + ".stderr");
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", classpath,
                    // C1 only and a small heap: the child lives a second, start-up is most of its time
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                    "-D" + CorrectionWriterProcess.LOCAL_FOLDER + "=" + tmp.resolve("child-local"),
                    CorrectionWriterProcess.class.getName(), StoreKind.argument(db), CORPUS, Integer.toString(run)));
            command.addAll(documents);
            process = new ProcessBuilder(command).redirectError(stderrFile.toFile()).start();
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("READ FAILED " + e);
                } finally {
                    lines.add(EOF);
                }
            }, "child-" + run + "-stdout");
            reader.start();
        }

        static Child killAfterAcks(String classpath, StoreLocation db, int run, List<String> documents, int acks, Path tmp)
                throws IOException, InterruptedException {
            Child child = new Child(classpath, db, run, documents, "killed after " + acks + " ACKs", tmp);
            child.await("READY");
            while (child.acks.size() < acks) {
                child.await("ACK");
            }
            child.kill();
            return child;
        }

        static Child killAfterMillis(String classpath, StoreLocation db, int run, List<String> documents, int millis, Path tmp)
                throws IOException, InterruptedException {
            Child child = new Child(classpath, db, run, documents, "killed " + millis + " ms after its start", tmp);
            Thread.sleep(millis);
            child.kill();
            return child;
        }

        /** Reads lines up to the next one starting with {@code prefix}; fails if the child dies first. */
        private void await(String prefix) throws InterruptedException {
            while (true) {
                String line = lines.poll(CHILD_TIMEOUT_S, TimeUnit.SECONDS);
                if (line == null || line.equals(EOF)) {
                    process.destroyForcibly();
                    fail("child " + run + " " + (line == null ? "said nothing for " + CHILD_TIMEOUT_S + " s" : "ended")
                            + " while the test waited for " + prefix + " (" + acks.size() + " ACKs so far)\nchild stderr:\n"
                            + stderr());
                }
                if (take(line) && line.startsWith(prefix)) {
                    return;
                }
            }
        }

        /** Notes an ACK line; returns whether the line was one the child may print. */
        private boolean take(String line) {
            if (line.startsWith("ACK ")) {
                String[] parts = line.split(" ", 3);
                acks.add(new Ack(Long.parseLong(parts[1]), parts[2]));
                return true;
            }
            return line.equals("READY");
        }

        /** SIGKILL on Linux; then every ACK the child flushed before it died is read from the pipe. */
        private void kill() throws InterruptedException {
            assertTrue(process.isAlive(), () -> "child " + run + " ended by itself before the kill (exit code "
                    + process.exitValue() + ")\nchild stderr:\n" + stderr());
            // the same SIGKILL as Process.destroyForcibly(), which would also close our end of the pipe
            // and so throw away ACKs the child printed but the reader had not read yet
            process.toHandle().destroyForcibly();
            assertTrue(process.waitFor(CHILD_TIMEOUT_S, TimeUnit.SECONDS), "child " + run + " outlived its kill");
            reader.join(TimeUnit.SECONDS.toMillis(CHILD_TIMEOUT_S));
            List<String> rest = new ArrayList<>();
            lines.drainTo(rest);
            for (String line : rest) {
                if (!line.equals(EOF) && !take(line)) {
                    fail("child " + run + " printed '" + line + "'\nchild stderr:\n" + stderr());
                }
            }
        }

        String stderr() {
            try {
                return Files.exists(stderrFile) ? Files.readString(stderrFile) : "(none)";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElseGet(
                () -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * The classpath of a plain JVM that can run the child: the folders and jars the OSGi runtime
     * loaded the store, the core model, this fragment, H2, Jackson, the PostgreSQL driver and
     * HikariCP from.
     */
    static String childClasspath() throws ClassNotFoundException {
        // jackson-annotations is no import of the store; databind's class loader sees it
        Class<?> jacksonAnnotations = Class.forName("com.fasterxml.jackson.annotation.JsonAutoDetect", false,
                ObjectMapper.class.getClassLoader());
        // nor is slf4j, which HikariCP logs through
        Class<?> slf4j = Class.forName("org.slf4j.LoggerFactory", false, HikariDataSource.class.getClassLoader());
        Set<Path> entries = new LinkedHashSet<>();
        for (Class<?> c : List.of(CorrectionWriterProcess.class, CorpusStore.class, CorrectionEvent.class,
                JdbcDataSource.class, JsonFactory.class, ObjectMapper.class, jacksonAnnotations,
                PGSimpleDataSource.class, HikariDataSource.class, slf4j)) {
            entries.addAll(classpathEntries(c));
        }
        return entries.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    /**
     * Where a class was loaded from, as classpath entries. A bundle is a jar, or (built in this
     * reactor) a project folder whose classes are in target/classes and whose other resources (the
     * store's db/migration/) are in the folder itself: both go on the classpath.
     */
    private static List<Path> classpathEntries(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        assertNotNull(source, () -> "no code source for " + c.getName());
        Path location;
        try {
            location = Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(source.getLocation().toString(), e);
        }
        if (!Files.isDirectory(location)) {
            return List.of(location);
        }
        if (location.endsWith(Path.of("target", "classes"))) {
            return List.of(location, location.getParent().getParent());
        }
        Path classes = location.resolve("target/classes");
        return Files.isDirectory(classes) ? List.of(classes, location) : List.of(location);
    }
}
