package taiyi.workbench.ui.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import taiyi.workbench.formats.imports.ImportProblem;

/**
 * The problems of the imports of this session, newest import last: kept apart from the view so an
 * import finishing while the view is closed still shows its problems when the view opens.
 */
public final class ImportProblemsLog {

    private static final ImportProblemsLog INSTANCE = new ImportProblemsLog();

    private final List<ImportProblem> problems = new ArrayList<>();
    private final List<Consumer<List<ImportProblem>>> listeners = new CopyOnWriteArrayList<>();

    private ImportProblemsLog() {
    }

    /** The workbench's log. */
    public static ImportProblemsLog instance() {
        return INSTANCE;
    }

    /** Adds the problems of one import. */
    public void add(List<ImportProblem> found) {
        List<ImportProblem> now;
        synchronized (problems) {
            problems.addAll(found);
            now = List.copyOf(problems);
        }
        listeners.forEach(l -> l.accept(now));
    }

    public void clear() {
        synchronized (problems) {
            problems.clear();
        }
        listeners.forEach(l -> l.accept(List.of()));
    }

    public List<ImportProblem> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    /** Told the whole list after every change, on the changing thread. */
    public void addListener(Consumer<List<ImportProblem>> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<List<ImportProblem>> listener) {
        listeners.remove(listener);
    }
}
