package taiyi.workbench.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import taiyi.workbench.bench.BenchCommand;

/** The {@code taiyi} root command; its subcommands are the steps of the loop. */
@Command(name = "taiyi", mixinStandardHelpOptions = true, versionProvider = TaiyiCommand.Version.class,
        description = "Taiyi Workbench, headless: curate bilingual biomedical corpora with a model in the loop.",
        subcommands = {VersionCommand.class, ImportCommand.class, ExportCommand.class, StatsCommand.class, SearchCommand.class,
                IndexCommand.class, PreannotateCommand.class, CurateCommand.class, RoundCommand.class, QueueCommand.class, DbCommand.class,
                RelationsCommand.class, LearnCommand.class, BenchCommand.class, AdapterCommand.class, TrainCommand.class,
                EvaluateCommand.class, AgreementCommand.class, SimulateCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class TaiyiCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try 'taiyi --help'");
    }

    /** Runs the command line and returns the process exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs with the given output streams; used by tests. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // library failures (a refused database, an unreadable file) are the user's to fix: one line, no trace
            commandLine.getErr().println("taiyi " + commandLine.getCommandName() + ": " + e.getMessage());
            return 1;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The whole command tree, every command and subcommand answering {@code --help}. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new TaiyiCommand());
        addHelpOptions(cl);
        return cl;
    }

    /**
     * Gives every subcommand, at any depth, {@code -h/--help} (and {@code -V/--version}): a help option
     * is a usage-help option, so picocli prints the usage and exits 0 before it checks the required
     * options, where a missing {@code --help} option was reported as unknown and the required options as
     * missing. Done here, over the tree, so that a command added later cannot forget it.
     */
    private static void addHelpOptions(CommandLine command) {
        for (CommandLine sub : command.getSubcommands().values()) {
            CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
            if (spec.findOption("--help") == null) {
                spec.mixinStandardHelpOptions(true);
            }
            addHelpOptions(sub);
        }
    }

    /** {@code taiyi --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Taiyi Workbench " + WorkbenchVersion.get()};
        }
    }
}
