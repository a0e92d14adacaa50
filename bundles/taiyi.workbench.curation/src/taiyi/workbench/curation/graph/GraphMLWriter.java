package taiyi.workbench.curation.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a relation graph as GraphML, which network tools (Gephi, Cytoscape, yEd, NetworkX) read:
 * a node per concept (its key as id; label, entity type, mention and document counts as data),
 * a directed edge per relation type and status between two concepts (type, status, mean score of
 * suggestions, documents, and the relations or suggestions it stands for as
 * {@code document/annotation} pairs).
 */
public final class GraphMLWriter {

    static final String NAMESPACE = "http://graphml.graphdrawing.org/xmlns";

    /** Writes to a file, whole or not at all: a temporary file beside it, moved in place when complete. */
    public void write(RelationGraph graph, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".part");
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                write(graph, out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public void write(RelationGraph graph, Writer out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("graphml");
            xml.writeDefaultNamespace(NAMESPACE);
            key(xml, "label", "node", "string");
            key(xml, "entityType", "node", "string");
            key(xml, "mentions", "node", "int");
            key(xml, "documents", "node", "int");
            key(xml, "relationType", "edge", "string");
            key(xml, "status", "edge", "string");
            key(xml, "score", "edge", "double");
            key(xml, "edgeDocuments", "edge", "int");
            key(xml, "sources", "edge", "string");
            xml.writeCharacters("\n");
            xml.writeStartElement("graph");
            xml.writeAttribute("id", "relations");
            xml.writeAttribute("edgedefault", "directed");
            xml.writeCharacters("\n");
            for (GraphNode n : graph.nodes()) {
                xml.writeStartElement("node");
                xml.writeAttribute("id", n.key());
                data(xml, "label", n.label());
                data(xml, "entityType", n.type());
                data(xml, "mentions", Integer.toString(n.mentions()));
                data(xml, "documents", Integer.toString(n.documents()));
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            int i = 0;
            for (GraphEdge e : graph.edges()) {
                xml.writeStartElement("edge");
                xml.writeAttribute("id", "e" + i++);
                xml.writeAttribute("source", e.head());
                xml.writeAttribute("target", e.tail());
                data(xml, "relationType", e.type());
                data(xml, "status", e.status().name().toLowerCase(java.util.Locale.ROOT));
                if (!Double.isNaN(e.score())) {
                    data(xml, "score", Double.toString(e.score()));
                }
                data(xml, "edgeDocuments", Integer.toString(e.documents()));
                data(xml, "sources", sources(e.sources()));
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new UncheckedIOException(new IOException("cannot write GraphML: " + e.getMessage(), e));
        }
    }

    private static String sources(List<EdgeSource> sources) {
        return sources.stream().map(s -> s.documentId() + "/" + s.annotationId()).collect(Collectors.joining(" "));
    }

    private static void key(XMLStreamWriter xml, String id, String on, String type) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeEmptyElement("key");
        xml.writeAttribute("id", id);
        xml.writeAttribute("for", on);
        xml.writeAttribute("attr.name", id);
        xml.writeAttribute("attr.type", type);
    }

    private static void data(XMLStreamWriter xml, String key, String value) throws XMLStreamException {
        xml.writeStartElement("data");
        xml.writeAttribute("key", key);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
