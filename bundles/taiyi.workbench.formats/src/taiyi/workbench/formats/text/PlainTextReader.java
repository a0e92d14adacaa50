package taiyi.workbench.formats.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.DocumentFileName;
import taiyi.workbench.formats.DocumentReader;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.formats.FormatWarning;
import taiyi.workbench.formats.UnterminatedLastLine;
import taiyi.workbench.formats.Utf8File;

/**
 * Reads plain UTF-8 text as documents without annotations, laid out as {@link TextLayout} says.
 *
 * <p>A leading byte order mark is dropped. As there are no offsets to keep, line ends are
 * normalised: in {@link TextLayout#WHOLE_FILE} CRLF and lone CR become LF, and the text is otherwise
 * kept as is, an empty file giving a document with empty text; given a folder, every {@code .txt}
 * file in it is read, sorted by name. In {@link TextLayout#ONE_PER_LINE} each non-blank line is a
 * document whose text is the line as is, numbered by its line in the file so that an id points
 * back to its source.
 */
public final class PlainTextReader implements DocumentReader {

    private final TextLayout layout;

    public PlainTextReader(TextLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    @Override
    public List<Document> read(Path path) throws FormatException {
        return read(path, warning -> {
        });
    }

    /**
     * Reads the file or folder; one document per line warns when the last line has no line end (the
     * file may have been cut short). A whole-file document has no such warning: a text file without a
     * final newline is ordinary.
     */
    @Override
    public List<Document> read(Path path, Consumer<FormatWarning> warnings) throws FormatException {
        if (Files.isDirectory(path)) {
            if (layout != TextLayout.WHOLE_FILE) {
                throw new FormatException(path, 0, "a folder, but one document per line is read from a file");
            }
            List<Document> documents = new ArrayList<>();
            try (Stream<Path> files = Files.list(path)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".txt") && Files.isRegularFile(p))
                        .sorted().toList()) {
                    documents.add(readWhole(f));
                }
            } catch (IOException e) {
                throw new FormatException(path, 0, "cannot list: " + e, e);
            }
            return documents;
        }
        return layout == TextLayout.WHOLE_FILE ? List.of(readWhole(path)) : readLines(path, warnings);
    }

    private static Document readWhole(Path file) throws FormatException {
        String text = Utf8File.withoutByteOrderMark(Utf8File.read(file)).replace("\r\n", "\n").replace('\r', '\n');
        return Document.ofText(DocumentFileName.stem(file), text);
    }

    private static List<Document> readLines(Path file, Consumer<FormatWarning> warnings) throws FormatException {
        String stem = DocumentFileName.stem(file);
        String text = Utf8File.read(file);
        String[] lines = Utf8File.withoutByteOrderMark(text).split("\r\n|\r|\n", -1);
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                documents.add(Document.ofText(stem + "-" + (i + 1), lines[i]));
            }
        }
        UnterminatedLastLine.check(file, text, documents, warnings);
        return documents;
    }
}
