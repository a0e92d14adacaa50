package taiyi.workbench.formats.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.AtomicOutput;
import taiyi.workbench.formats.DocumentFileName;
import taiyi.workbench.formats.DocumentWriter;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.formats.FormatWarning;
import taiyi.workbench.formats.LeftOut;

/**
 * Writes documents' texts as plain UTF-8, laid out as {@link TextLayout} says: a folder with
 * {@code ID.txt} per document, or one file with a text per line. Only the texts are written.
 *
 * <p>What {@link PlainTextReader} would read back differently is refused, naming the document: in
 * one-per-line layout a text with a line break or a blank text; in whole-file layout a CR (it reads
 * back as LF); and a first text starting with U+FEFF (it reads back as a byte order mark).
 */
public final class PlainTextWriter implements DocumentWriter {

    private final TextLayout layout;

    public PlainTextWriter(TextLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /** Writes, then tells what plain text has no place for: everything but the texts. */
    @Override
    public void write(List<Document> documents, Path target, Consumer<FormatWarning> leftOut) throws IOException, FormatException {
        write(documents, target);
        LeftOut out = new LeftOut();
        for (Document d : documents) {
            out.add(d.mentions().size(), "mention", "mentions").add(d.relations().size(), "relation", "relations")
                    .add(d.passages().size(), "passage", "passages").add(d.labels().size(), "label", "labels")
                    .add(d.metadata().size(), "metadata entry", "metadata entries");
        }
        out.report(target, "plain text", leftOut);
    }

    @Override
    public void write(List<Document> documents, Path target) throws IOException, FormatException {
        if (layout == TextLayout.WHOLE_FILE) {
            DocumentFileName.checkAll(documents, target);
            for (Document d : documents) {
                check(d, target, d.text().indexOf('\r') < 0, "its text contains a CR, which would read back as LF");
                check(d, target, !d.text().startsWith("\uFEFF"),
                        "its text starts with U+FEFF, which would read back as a byte order mark");
            }
            AtomicOutput.writeFolder(target, folder -> {
                for (Document d : documents) {
                    Files.writeString(folder.resolve(d.id() + ".txt"), d.text(), StandardCharsets.UTF_8);
                }
            });
            return;
        }
        for (Document d : documents) {
            String text = d.text();
            check(d, target, text.indexOf('\n') < 0 && text.indexOf('\r') < 0,
                    "its text contains a line break, but each document is written as one line");
            check(d, target, !text.isBlank(), "its text is blank, and blank lines are not read as documents");
        }
        if (!documents.isEmpty()) {
            check(documents.get(0), target, !documents.get(0).text().startsWith("\uFEFF"),
                    "its text starts with U+FEFF, which would read back as a byte order mark");
        }
        AtomicOutput.writeText(target, w -> {
            for (Document d : documents) {
                w.write(d.text());
                w.write('\n');
            }
        });
    }

    private static void check(Document d, Path target, boolean ok, String reason) throws FormatException {
        if (!ok) {
            throw new FormatException(target, 0, "document " + d.id() + ": " + reason);
        }
    }
}
