package taiyi.workbench.inference.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Problems of one answer, capped: a model that loops can write thousands of bad lines, and a
 * curator needs the first few and a count, not a wall.
 */
final class ProblemLog {

    static final int LIMIT = 20;

    private final List<String> problems = new ArrayList<>();
    private int dropped;

    void add(int line, String message) {
        if (problems.size() < LIMIT) {
            problems.add("line " + line + ": " + message);
        } else {
            dropped++;
        }
    }

    List<String> list() {
        List<String> out = new ArrayList<>(problems);
        if (dropped > 0) {
            out.add("… and " + dropped + " more problems");
        }
        return out;
    }

    /** A line shortened for a message. */
    static String quote(CharSequence s) {
        String t = s.toString();
        return "'" + (t.length() > 80 ? t.substring(0, 77) + "…" : t) + "'";
    }
}
