package taiyi.workbench.formats.imports;

import java.nio.file.Path;
import java.util.Objects;

import taiyi.workbench.formats.Format;

/**
 * One file to import and the format to read it as; one transaction.
 *
 * @param file the file (for brat, the {@code .ann} file or a folder of pairs)
 * @param format how to read it
 */
public record ImportItem(Path file, Format format) {

    public ImportItem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
    }
}
