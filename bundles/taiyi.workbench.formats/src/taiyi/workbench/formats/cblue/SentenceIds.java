package taiyi.workbench.formats.cblue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.FormatException;

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

    /** Turns one document into a writer's sentence; {@code id} is null where the generated one does. */
    @FunctionalInterface
    interface SentenceOf<S> {
        S sentence(Document d, String id) throws FormatException;
    }

    /** The documents as sentences of a file written to {@code target}, ids kept only where needed. */
    static <S> List<S> sentences(List<Document> documents, Path target, SentenceOf<S> of) throws FormatException {
        String stem = stem(target);
        List<S> sentences = new ArrayList<>(documents.size());
        for (Document d : documents) {
            String generatedId = generated(stem, sentences.size() + 1);
            sentences.add(of.sentence(d, d.id().equals(generatedId) ? null : d.id()));
        }
        return sentences;
    }

    /** The id of the {@code position}th (1-based) sentence of a file with this stem. */
    static String generated(String stem, int position) {
        return stem + "-" + position;
    }
}
