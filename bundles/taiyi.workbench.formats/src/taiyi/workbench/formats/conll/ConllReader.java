package taiyi.workbench.formats.conll;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.formats.DocumentReader;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.formats.FormatWarning;
import taiyi.workbench.formats.UnterminatedLastLine;
import taiyi.workbench.formats.DocumentFileName;
import taiyi.workbench.formats.Utf8File;

/**
 * Reads token/BIO columns: one {@code token<TAB>tag} per line, a blank line after each sentence.
 *
 * <p>Every sentence becomes a document with id {@code STEM-n} (the file's stem, the sentence's
 * 1-based number in the file) whose text is its tokens joined by single spaces. Tags are {@code O},
 * {@code B-Type} and {@code I-Type}; an entity starts at every {@code B-}, and also at an {@code I-}
 * that follows {@code O}, the sentence start or a tag of another type (IOB1 files start entities
 * with {@code I-}, and a type change cannot continue the entity before it). Mention ids are
 * {@code T1}, {@code T2}, … in sentence order.
 *
 * <p>{@code -DOCSTART-} lines, where present, separate source documents: they end the current
 * sentence, and every later sentence carries the number of the section it belongs to (1, 2, …) in
 * the metadata {@link #SOURCE_DOCUMENT}, which {@link ConllWriter} turns back into
 * {@code -DOCSTART-} lines.
 */
public final class ConllReader implements DocumentReader {

    /** Metadata key: the 1-based number of the {@code -DOCSTART-} section a sentence belongs to. */
    public static final String SOURCE_DOCUMENT = "conll_document";
    /** The token that marks the start of a source document. */
    public static final String DOCSTART = "-DOCSTART-";

    @Override
    public List<Document> read(Path file) throws FormatException {
        return read(file, warning -> {
        });
    }

    /** Reads the file, warning when its last line has no line end (the file may have been cut short). */
    @Override
    public List<Document> read(Path file, Consumer<FormatWarning> warnings) throws FormatException {
        String stem = DocumentFileName.stem(file);
        String text = Utf8File.read(file);
        String[] lines = Utf8File.withoutByteOrderMark(text).split("\n", -1);
        List<Document> documents = new ArrayList<>();
        SentenceBuilder sentence = new SentenceBuilder();
        int section = 0;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank()) {
                sentence.finishInto(documents, stem, section);
                continue;
            }
            if (line.equals(DOCSTART) || line.startsWith(DOCSTART + "\t") || line.startsWith(DOCSTART + " ")) {
                sentence.finishInto(documents, stem, section);
                section++;
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length != 2) {
                throw new FormatException(file, lineNo, "expected token<TAB>tag, found " + cols.length + " column"
                        + (cols.length == 1 ? "" : "s"));
            }
            if (cols[0].isEmpty()) {
                throw new FormatException(file, lineNo, "empty token");
            }
            sentence.add(file, lineNo, cols[0], cols[1].strip());
        }
        sentence.finishInto(documents, stem, section);
        UnterminatedLastLine.check(file, text, documents, warnings);
        return documents;
    }

    /** The tokens and entities of the sentence being read. */
    private static final class SentenceBuilder {
        final StringBuilder text = new StringBuilder();
        final List<EntityMention> mentions = new ArrayList<>();
        String openType;
        int openStart;
        int openEnd;

        void add(Path file, int lineNo, String token, String tag) throws FormatException {
            if (text.length() > 0) {
                text.append(' ');
            }
            int start = text.length();
            text.append(token);
            int end = text.length();
            if (tag.equals("O")) {
                close();
                return;
            }
            if (tag.length() < 3 || tag.charAt(1) != '-' || tag.charAt(0) != 'B' && tag.charAt(0) != 'I') {
                throw new FormatException(file, lineNo, "tag '" + tag + "' is not O, B-Type or I-Type");
            }
            String type = tag.substring(2);
            if (tag.charAt(0) == 'I' && type.equals(openType)) {
                openEnd = end;
                return;
            }
            close();
            openType = type;
            openStart = start;
            openEnd = end;
        }

        private void close() {
            if (openType != null) {
                mentions.add(EntityMention.of("T" + (mentions.size() + 1), openType, openStart, openEnd, List.of()));
                openType = null;
            }
        }

        void finishInto(List<Document> documents, String stem, int section) {
            close();
            if (text.length() == 0) {
                return;
            }
            String body = text.toString();
            Map<String, String> metadata = section > 0 ? Map.of(SOURCE_DOCUMENT, Integer.toString(section)) : Map.of();
            documents.add(new Document(stem + "-" + (documents.size() + 1), Language.detect(body), body, List.of(),
                    metadata, List.of(), List.copyOf(mentions), List.of()));
            text.setLength(0);
            mentions.clear();
        }
    }
}
