package taiyi.workbench.formats.cblue;

import java.nio.file.Path;

/**
 * The document ids CBLUE files lack: CBLUE sentences have no id field (some copies add one, which
 * is kept), so a sentence is named by its file's stem and its 1-based position, e.g.
 * {@code CMeEE_dev-12}. Writers leave out an id that equals the generated one, so a file written
 * under its own name keeps the published shape.
 */
final class SentenceIds {

    private SentenceIds() {
    }

    /** The file name without its last extension. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The id of the {@code position}th (1-based) sentence of a file with this stem. */
    static String generated(String stem, int position) {
        return stem + "-" + position;
    }
}
