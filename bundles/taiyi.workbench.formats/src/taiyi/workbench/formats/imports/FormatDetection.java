package taiyi.workbench.formats.imports;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import taiyi.workbench.formats.Format;

/**
 * Which formats read a file with a given extension, and so whether the extension alone tells the
 * format. Several formats share {@code .txt}, {@code .json} and {@code .jsonl}; the user chooses for
 * those, so a guess never turns a CMeEE file into BioC JSON behind the user's back.
 */
public final class FormatDetection {

    /** The extensions each format reads; the first is the one it usually has. */
    private static final Map<Format, List<String>> EXTENSIONS = Map.of(
            Format.PUBTATOR, List.of(".txt", ".pubtator"),
            Format.BIOC_XML, List.of(".xml"),
            Format.BIOC_JSON, List.of(".json"),
            Format.BRAT, List.of(".ann"),
            Format.CMEEE, List.of(".json"),
            Format.CMEIE, List.of(".jsonl", ".json"),
            Format.CONLL, List.of(".tsv", ".conll", ".bio", ".iob"),
            Format.JSON, List.of(".jsonl", ".json"),
            Format.TEXT, List.of(".txt"),
            Format.TEXT_LINES, List.of(".txt"));

    private FormatDetection() {
    }

    /** The formats that read files named like {@code file}, in {@link Format} order; empty when none does. */
    public static Set<Format> candidates(Path file) {
        String ext = extension(file);
        Set<Format> out = EnumSet.noneOf(Format.class);
        if (ext.isEmpty()) {
            return out;
        }
        for (Format f : Format.values()) {
            if (EXTENSIONS.get(f).contains(ext)) {
                out.add(f);
            }
        }
        return out;
    }

    /** The format of {@code file} when its extension names exactly one. */
    public static Optional<Format> detect(Path file) {
        Set<Format> candidates = candidates(file);
        return candidates.size() == 1 ? Optional.of(candidates.iterator().next()) : Optional.empty();
    }

    /** Whether a file found in a chosen folder is one {@code format} reads. */
    public static boolean reads(Format format, Path file) {
        return EXTENSIONS.get(format).contains(extension(file));
    }

    /** The lower-case extension with its dot, or empty. */
    static String extension(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return "";
        }
        String n = name.toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot <= 0 ? "" : n.substring(dot);
    }
}
