package taiyi.workbench.formats.imports;

import java.util.List;
import java.util.Optional;

import taiyi.workbench.formats.FormatWarning;

/**
 * What became of one file: imported with its counts and the reader's warnings, or refused with the
 * problem.
 *
 * @param item the file and its format
 * @param documents documents imported (0 when refused)
 * @param mentions entity mentions imported
 * @param relations relations imported
 * @param problem why the file was refused; empty when it was imported
 * @param warnings what the reader imported but warned of, in reading order (none when refused)
 */
public record FileOutcome(ImportItem item, int documents, int mentions, int relations, Optional<ImportProblem> problem,
        List<FormatWarning> warnings) {

    public FileOutcome {
        warnings = List.copyOf(warnings);
    }

    /** An outcome without warnings. */
    public FileOutcome(ImportItem item, int documents, int mentions, int relations, Optional<ImportProblem> problem) {
        this(item, documents, mentions, relations, problem, List.of());
    }

    static FileOutcome imported(ImportItem item, int documents, int mentions, int relations, List<FormatWarning> warnings) {
        return new FileOutcome(item, documents, mentions, relations, Optional.empty(), warnings);
    }

    static FileOutcome refused(ImportItem item, ImportProblem problem) {
        return new FileOutcome(item, 0, 0, 0, Optional.of(problem));
    }

    public boolean refused() {
        return problem.isPresent();
    }
}
