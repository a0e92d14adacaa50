package taiyi.workbench.cli;

import picocli.CommandLine;
import taiyi.workbench.formats.Format;

/** Reads {@code --format} values by their CLI names ({@code bioc-xml}, not {@code BIOC_XML}). */
final class FormatConverter implements CommandLine.ITypeConverter<Format> {

    @Override
    public Format convert(String value) {
        try {
            return Format.byName(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
