package taiyi.workbench.formats.bioc;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import taiyi.workbench.formats.FormatException;

/**
 * A BioC collection as the file holds it, before it becomes model documents: the one structure both
 * the XML and the JSON side read into and write from, so that {@link BiocDocumentMapper} alone knows
 * how BioC maps onto the model. Offsets are BioC's, code points from the start of the document.
 * Every element remembers where it stood in the file so that a mapping error can point there.
 *
 * @param source the collection's {@code source}
 * @param date the collection's {@code date}
 * @param key the collection's {@code key}
 * @param infons collection-level infons, in file order
 * @param documents the documents
 */
record BiocCollection(String source, String date, String key, Map<String, String> infons,
        List<BiocDocument> documents) {

    BiocCollection {
        infons = frozen(infons);
        documents = List.copyOf(documents);
    }

    /** The collection's header fields with other documents. */
    BiocCollection withDocuments(List<BiocDocument> others) {
        return new BiocCollection(source, date, key, infons, others);
    }

    /**
     * A place in the file, 1-based; {@link #NOWHERE} for structures built in memory.
     *
     * @param line line number, 0 when unknown
     * @param column column number, 0 when unknown
     */
    record Position(int line, int column) {
        static final Position NOWHERE = new Position(0, 0);

        /** A format error at this place. */
        FormatException error(Path file, String reason, Throwable cause) {
            return new FormatException(file, line, column, reason, cause);
        }
    }

    /**
     * @param annotations document-level annotations (BioC JSON allows them), usually none
     */
    record BiocDocument(String id, Map<String, String> infons, List<BiocPassage> passages,
            List<BiocAnnotation> annotations, List<BiocRelation> relations, Position at) {
        BiocDocument {
            infons = frozen(infons);
            passages = List.copyOf(passages);
            annotations = List.copyOf(annotations);
            relations = List.copyOf(relations);
        }
    }

    /**
     * @param text the passage text, or null where the passage holds its text in sentences
     */
    record BiocPassage(int offset, Map<String, String> infons, String text, List<BiocSentence> sentences,
            List<BiocAnnotation> annotations, List<BiocRelation> relations, Position at) {
        BiocPassage {
            infons = frozen(infons);
            sentences = List.copyOf(sentences);
            annotations = List.copyOf(annotations);
            relations = List.copyOf(relations);
        }
    }

    /**
     * @param text the sentence text, possibly null
     */
    record BiocSentence(int offset, Map<String, String> infons, String text, List<BiocAnnotation> annotations,
            List<BiocRelation> relations, Position at) {
        BiocSentence {
            infons = frozen(infons);
            annotations = List.copyOf(annotations);
            relations = List.copyOf(relations);
        }
    }

    /**
     * @param text the annotated text, or null where the file gives none
     */
    record BiocAnnotation(String id, Map<String, String> infons, List<BiocLocation> locations, String text,
            Position at) {
        BiocAnnotation {
            infons = frozen(infons);
            locations = List.copyOf(locations);
        }
    }

    record BiocLocation(int offset, int length) {
    }

    record BiocRelation(String id, Map<String, String> infons, List<BiocNode> nodes, Position at) {
        BiocRelation {
            infons = frozen(infons);
            nodes = List.copyOf(nodes);
        }
    }

    record BiocNode(String refid, String role) {
    }

    private static Map<String, String> frozen(Map<String, String> infons) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(infons));
    }
}
