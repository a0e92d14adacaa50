package taiyi.workbench.store;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import taiyi.workbench.core.curation.CorrectionEvent;

/**
 * The child JVM of {@link CrashDurabilityTest}: records random valid corrections on documents of an
 * imported corpus until it is killed, printing {@code ACK <event id> <document id>} (flushed) each
 * time {@link CorpusStore#record} has returned, that is each time the store has acknowledged one.
 *
 * <p>Arguments: database folder or PostgreSQL URL (credentials in the environment, a local folder
 * in the system property {@value #LOCAL_FOLDER}), corpus, seed, document ids. Prints {@code READY} once the store is
 * open. Any refusal is a bug here (every correction is built from the document's current fold and
 * nobody else writes), so it ends the process with the stack trace on stderr and exit code 1.
 */
public final class CorrectionWriterProcess {

    /** The system property naming the local folder of a server store. */
    static final String LOCAL_FOLDER = "taiyi.child.local";

    private CorrectionWriterProcess() {
    }

    /**
     * The location a child process was given ({@link StoreKind#argument}), with the credentials of
     * its environment.
     */
    static StoreLocation location(String argument) {
        if (argument.startsWith("jdbc:")) {
            return StoreLocation.server(argument, System.getenv(StoreLocation.USER_VARIABLE),
                    System.getenv(StoreLocation.PASSWORD_VARIABLE),
                    Path.of(System.getProperty(LOCAL_FOLDER, System.getProperty("java.io.tmpdir"))));
        }
        return StoreLocation.folder(Path.of(argument));
    }

    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: CorrectionWriterProcess DB_FOLDER|JDBC_URL CORPUS SEED DOCUMENT_ID...");
            System.exit(2);
        }
        try {
            CorpusStore store = CorpusStore.open(location(args[0]));
            long seed = Long.parseLong(args[2]);
            List<String> documents = Arrays.asList(args).subList(3, args.length);
            // the seed in the id prefix keeps created ids fresh across the test's many child runs
            RandomCurator curator = new RandomCurator(store, args[1], documents, "crash-writer", "w" + seed, false, seed);
            System.out.println("READY");
            System.out.flush();
            while (true) {
                CorrectionEvent stored = curator.step();
                System.out.println("ACK " + stored.id() + " " + stored.documentId());
                System.out.flush();
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
    }
}
