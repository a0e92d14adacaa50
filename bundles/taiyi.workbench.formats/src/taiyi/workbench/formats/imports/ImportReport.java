package taiyi.workbench.formats.imports;

import java.util.List;

import taiyi.workbench.formats.FormatWarning;

/**
 * What an import did, file by file.
 *
 * @param outcomes one per file attempted, in order
 * @param cancelled whether the user stopped it before the last file (the files not reached are not in outcomes)
 */
public record ImportReport(List<FileOutcome> outcomes, boolean cancelled) {

    public ImportReport {
        outcomes = List.copyOf(outcomes);
    }

    public int documents() {
        return outcomes.stream().mapToInt(FileOutcome::documents).sum();
    }

    public int mentions() {
        return outcomes.stream().mapToInt(FileOutcome::mentions).sum();
    }

    public int relations() {
        return outcomes.stream().mapToInt(FileOutcome::relations).sum();
    }

    /** The problems of the refused files, in order. */
    public List<ImportProblem> problems() {
        return outcomes.stream().flatMap(o -> o.problem().stream()).toList();
    }

    /** The warnings of the imported files, file by file in order. */
    public List<FormatWarning> warnings() {
        return outcomes.stream().flatMap(o -> o.warnings().stream()).toList();
    }

    /** How many files were imported. */
    public int imported() {
        return (int) outcomes.stream().filter(o -> !o.refused()).count();
    }
}
