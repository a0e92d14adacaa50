package taiyi.workbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One run of the {@code taiyi} command line inside the test's OSGi framework: exit code, output, errors. */
record CommandRun(int code, String out, String err) {

    static CommandRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TaiyiCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    List<String> lines() {
        return out.lines().toList();
    }

    /** The summary line every command prints last; empty when it printed nothing. */
    String last() {
        List<String> lines = lines();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
