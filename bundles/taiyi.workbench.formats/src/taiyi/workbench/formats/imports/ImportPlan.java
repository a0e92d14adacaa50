package taiyi.workbench.formats.imports;

import java.util.List;

/**
 * The files a user's choice expands to, and the chosen things that cannot be imported at all (a
 * missing path, a file whose format the extension does not tell).
 *
 * @param items the files to import, in the order chosen (a folder's files sorted by path)
 * @param problems what is refused before reading anything
 */
public record ImportPlan(List<ImportItem> items, List<ImportProblem> problems) {

    public ImportPlan {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }
}
