package taiyi.workbench.formats;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import taiyi.workbench.core.model.Document;

/**
 * The file name a document gets in formats that write one file (or pair of files) per document:
 * its id plus an extension. Only ids that are portable file names are accepted, so that no id can
 * reach outside the target folder or mean something else on Windows or macOS.
 */
public final class DocumentFileName {

    private static final Pattern SAFE = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}\\p{M}._-]{0,199}");
    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com\\d|lpt\\d)(\\..*)?");

    private DocumentFileName() {
    }

    /**
     * Checks that every id is a safe file name and that no two ids collide on a file system that
     * ignores case; {@code target} is named in the error.
     */
    public static void checkAll(List<Document> documents, Path target) throws FormatException {
        Map<String, String> seen = new HashMap<>();
        for (Document d : documents) {
            String id = d.id();
            if (!SAFE.matcher(id).matches() || id.endsWith(".") || WINDOWS_DEVICE.matcher(id).matches()) {
                throw new FormatException(target, 0, "document id '" + id + "' is not a safe file name (letters, digits,"
                        + " '.', '_', '-'; at most 200; not starting with '.' or '-')");
            }
            String other = seen.put(id.toLowerCase(Locale.ROOT), id);
            if (other != null) {
                throw new FormatException(target, 0, "document ids '" + other + "' and '" + id
                        + "' would be the same file name" + (other.equals(id) ? "" : " on a case-insensitive file system"));
            }
        }
    }

    /** The stem of a file name: everything before its last dot. */
    public static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
