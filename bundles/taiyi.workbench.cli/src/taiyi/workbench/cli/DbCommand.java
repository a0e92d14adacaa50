package taiyi.workbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.DatabaseCopy;
import taiyi.workbench.store.StoreLocation;

/** {@code taiyi db}: moving corpus databases. */
@Command(name = "db", description = "Move corpus databases between H2 folders and PostgreSQL.", subcommands = {DbCommand.Copy.class})
final class DbCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: try 'taiyi db copy --help'");
    }

    /** {@code taiyi db copy}: corpora from one database to another, verified. */
    @Command(name = "copy", description = "Copy corpora between databases (an H2 folder or jdbc:postgresql://host[:port]/db, either "
            + "way), verified by row counts and a hash of every document's log. Credentials of a server come from TAIYI_DB_USER and "
            + "TAIYI_DB_PASSWORD (for two servers as different users, TAIYI_FROM_DB_USER/PASSWORD for the source).")
    static final class Copy implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--from", required = true, paramLabel = "DIR|JDBC_URL", description = "The database to copy from.")
        String from;

        @Option(names = "--to", required = true, paramLabel = "DIR|JDBC_URL", description = "The database to copy to (created if new).")
        String to;

        @Option(names = "--corpus", paramLabel = "NAME", description = "A corpus to copy (repeatable; default: every corpus).")
        List<String> corpora = new ArrayList<>();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            StoreLocation source = StoreLocation.parse(from, sourceEnvironment());
            StoreLocation target = StoreLocation.parse(to);
            if (source.equals(target)) {
                spec.commandLine().getErr().println("taiyi db copy: --from and --to are the same database: " + source);
                return 2;
            }
            long t0 = System.nanoTime();
            List<DatabaseCopy.CopiedCorpus> copied;
            try (CorpusStore a = CorpusStore.open(source); CorpusStore b = CorpusStore.open(target)) {
                copied = DatabaseCopy.copy(a, b, corpora);
            }
            long documents = 0;
            long events = 0;
            for (DatabaseCopy.CopiedCorpus c : copied) {
                out.printf("corpus '%s': %d documents, %d log events, rows %s; logs sha256 %s (equal in both)%n", c.corpus(),
                        c.documents(), c.events(), c.rowsByTable(), c.logsHash());
                documents += c.documents();
                events += c.events();
            }
            out.printf("taiyi db copy: %d corpora, %d documents, %d log events copied from %s to %s and verified in %.1f s%n",
                    copied.size(), documents, events, source, target, (System.nanoTime() - t0) / 1e9);
            return 0;
        }

        /** The environment, with TAIYI_FROM_DB_USER/PASSWORD standing in for the source's credentials when set. */
        private static java.util.Map<String, String> sourceEnvironment() {
            java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
            String user = System.getenv("TAIYI_FROM_DB_USER");
            if (user != null) {
                env.put(StoreLocation.USER_VARIABLE, user);
                env.put(StoreLocation.PASSWORD_VARIABLE, System.getenv().getOrDefault("TAIYI_FROM_DB_PASSWORD", ""));
            }
            return env;
        }
    }
}
