package taiyi.workbench.store;

import java.util.Arrays;
import java.util.List;

import taiyi.workbench.core.curation.CorrectionEvent;

/**
 * A child JVM of {@link TeamCurationTest}: one curator of a team, making random decisions on shared
 * documents, each on the history it read ({@link RandomCurator#stepOnSeenHistory()}). Prints
 * {@code ACK <event id> <document id>} (flushed) for each decision the store acknowledged,
 * {@code STALE} for each it refused because another writer had decided on the document since, and
 * {@code DONE} after the requested number of acknowledged decisions.
 *
 * <p>Arguments: database folder or PostgreSQL URL (see {@link CorrectionWriterProcess#location}),
 * corpus, curator name, seed, decisions, document ids.
 */
public final class TeamCuratorProcess {

    private TeamCuratorProcess() {
    }

    public static void main(String[] args) {
        if (args.length < 6) {
            System.err.println("usage: TeamCuratorProcess DB_FOLDER|JDBC_URL CORPUS NAME SEED DECISIONS DOCUMENT_ID...");
            System.exit(2);
        }
        try (CorpusStore store = CorpusStore.open(CorrectionWriterProcess.location(args[0]))) {
            long seed = Long.parseLong(args[3]);
            int decisions = Integer.parseInt(args[4]);
            List<String> documents = Arrays.asList(args).subList(5, args.length);
            // everyone may edit everyone's mentions: conflicts are the point
            RandomCurator curator = new RandomCurator(store, args[1], documents, args[2], args[2], false, seed);
            System.out.println("READY");
            int acknowledged = 0;
            while (acknowledged < decisions) {
                try {
                    CorrectionEvent stored = curator.stepOnSeenHistory();
                    System.out.println("ACK " + stored.id() + " " + stored.documentId());
                    acknowledged++;
                } catch (StaleDecisionException stale) {
                    System.out.println("STALE");
                }
                System.out.flush();
            }
            System.out.println("DONE");
            System.out.flush();
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
    }
}
