package taiyi.workbench.formats.imports;

import java.util.Optional;

/**
 * What became of one file: imported with its counts, or refused with the problem.
 *
 * @param item the file and its format
 * @param documents documents imported (0 when refused)
 * @param mentions entity mentions imported
 * @param relations relations imported
 * @param problem why the file was refused; empty when it was imported
 */
public record FileOutcome(ImportItem item, int documents, int mentions, int relations, Optional<ImportProblem> problem) {

    static FileOutcome imported(ImportItem item, int documents, int mentions, int relations) {
        return new FileOutcome(item, documents, mentions, relations, Optional.empty());
    }

    static FileOutcome refused(ImportItem item, ImportProblem problem) {
        return new FileOutcome(item, 0, 0, 0, Optional.of(problem));
    }

    public boolean refused() {
        return problem.isPresent();
    }
}
