package taiyi.workbench.formats;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import taiyi.workbench.core.model.Document;

/**
 * The warning for a line-based file whose last line has no line end. Such a file still imports,
 * since editors and scripts often leave the final newline out, but a file cut short by a failed
 * copy or download looks exactly the same, and then its last document is silently incomplete (a
 * PubTator abstract cut mid-sentence, a CoNLL sentence missing its last tokens). The curator is told
 * which file and which document to look at.
 */
public final class UnterminatedLastLine {

    private UnterminatedLastLine() {
    }

    /**
     * Warns when {@code text}, the whole file, is not empty and does not end with a line end.
     *
     * @param documents what the file was read into; the last line belongs to the last of them
     */
    public static void check(Path file, String text, List<Document> documents, Consumer<FormatWarning> warnings) {
        if (text.isEmpty() || text.endsWith("\n") || text.endsWith("\r")) {
            return;
        }
        int line = 1;
        int lastLineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lastLineStart = i + 1;
            }
        }
        String what = documents.isEmpty() ? "its last document" : "document " + documents.get(documents.size() - 1).id();
        warnings.accept(new FormatWarning(file, line, text.length() - lastLineStart + 1, "",
                "the last line has no line end: the file may have been cut short, so " + what + " may be truncated"));
    }
}
