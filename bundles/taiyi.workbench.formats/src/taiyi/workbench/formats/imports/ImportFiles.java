package taiyi.workbench.formats.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import taiyi.workbench.formats.Format;

/**
 * Expands the files and folders a user chose into the files to import, each with its format.
 *
 * <p>A chosen file is read as the chosen format, or as the one its extension names. A folder is
 * walked (subfolders too, sorted by path): with a chosen format, the files with that format's
 * extensions; without one, every file whose extension names a single format, while files no
 * format reads (a licence, {@code annotation.conf}) are passed over and files with a shared
 * extension are refused, asking for a format. Under brat, a document is its {@code .ann} file with
 * the {@code .txt} beside it, so the {@code .txt} files of a folder are not items of their own.
 */
public final class ImportFiles {

    private ImportFiles() {
    }

    /**
     * @param chosen files and folders, as picked
     * @param format the format for all of them, or empty to tell each file's from its extension
     */
    public static ImportPlan expand(List<Path> chosen, Optional<Format> format) {
        List<ImportItem> items = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        for (Path path : chosen) {
            if (Files.isDirectory(path)) {
                int before = items.size();
                walk(path, format, items, problems);
                if (items.size() == before && problems.stream().noneMatch(p -> p.file().startsWith(path))) {
                    problems.add(new ImportProblem(path, 0, 0, "the folder holds no file "
                            + format.map(f -> "of format " + f.cliName()).orElse("of a format its extension names")));
                }
            } else if (!Files.isRegularFile(path)) {
                problems.add(new ImportProblem(path, 0, 0, "no such file or folder"));
            } else if (format.isPresent()) {
                items.add(new ImportItem(path, format.get()));
            } else {
                Optional<Format> detected = FormatDetection.detect(path);
                if (detected.isPresent()) {
                    items.add(new ImportItem(path, detected.get()));
                } else {
                    problems.add(undetected(path));
                }
            }
        }
        return new ImportPlan(items, problems);
    }

    private static void walk(Path folder, Optional<Format> format, List<ImportItem> items, List<ImportProblem> problems) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            problems.add(new ImportProblem(folder, 0, 0, "cannot list the folder: " + e.getMessage()));
            return;
        }
        for (Path file : files) {
            if (format.isPresent()) {
                if (FormatDetection.reads(format.get(), file)) {
                    items.add(new ImportItem(file, format.get()));
                }
                continue;
            }
            if (isBratText(file)) {
                continue;
            }
            Set<Format> candidates = FormatDetection.candidates(file);
            if (candidates.size() == 1) {
                items.add(new ImportItem(file, candidates.iterator().next()));
            } else if (candidates.size() > 1) {
                problems.add(undetected(file));
            }
        }
    }

    /** The text half of a brat pair: read with its {@code .ann}. */
    private static boolean isBratText(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".txt") && Files.exists(file.resolveSibling(name.substring(0, name.length() - 4) + ".ann"));
    }

    private static ImportProblem undetected(Path file) {
        Set<Format> candidates = FormatDetection.candidates(file);
        String ext = FormatDetection.extension(file);
        String reason = candidates.isEmpty()
                ? "no format reads " + (ext.isEmpty() ? "files without an extension" : "'" + ext + "' files") + "; choose one"
                : "the extension '" + ext + "' fits " + candidates.stream().map(Format::cliName).collect(Collectors.joining(", "))
                        + "; choose the format";
        return new ImportProblem(file, 0, 0, reason);
    }
}
