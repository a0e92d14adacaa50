package taiyi.workbench.formats.bioc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.DocumentReader;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.formats.FormatWarning;
import taiyi.workbench.formats.bioc.BiocCollection.BiocAnnotation;
import taiyi.workbench.formats.bioc.BiocCollection.BiocDocument;
import taiyi.workbench.formats.bioc.BiocCollection.BiocLocation;
import taiyi.workbench.formats.bioc.BiocCollection.BiocNode;
import taiyi.workbench.formats.bioc.BiocCollection.BiocPassage;
import taiyi.workbench.formats.bioc.BiocCollection.BiocRelation;
import taiyi.workbench.formats.bioc.BiocCollection.BiocSentence;
import taiyi.workbench.formats.bioc.BiocCollection.Position;

/**
 * Reads BioC XML files; {@link BiocDocumentMapper} says how BioC becomes documents.
 *
 * <p>DTD processing is off: the customary {@code <!DOCTYPE collection SYSTEM 'BioC.dtd'>} is skipped
 * without fetching anything, and a file that declares entities of its own, or refers to one, is
 * refused, since an external entity would let a file read local files or reach the network. Errors
 * name the line, and the column in the reason, of the offending element.
 */
public final class BiocXmlReader implements DocumentReader {

    @Override
    public List<Document> read(Path file) throws FormatException {
        return read(file, warning -> {
        });
    }

    /** Reads the file, warning of individual mentions whose location disagrees with their text. */
    @Override
    public List<Document> read(Path file, Consumer<FormatWarning> warnings) throws FormatException {
        return BiocDocumentMapper.toDocuments(file, parse(file), warnings);
    }

    /** The file's BioC structure, not yet mapped. */
    BiocCollection parse(Path file) throws FormatException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        // problems surface as exceptions with their location; nothing goes to the console
        factory.setXMLReporter((message, type, info, location) -> {
        });
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                return new Parser(file, xml).collection();
            } catch (XMLStreamException e) {
                Location l = e.getLocation() != null ? e.getLocation() : xml.getLocation();
                throw new Position(Math.max(l.getLineNumber(), 0), Math.max(l.getColumnNumber(), 0))
                        .error(file, "not well-formed XML: " + message(e), e);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() != null ? Math.max(e.getLocation().getLineNumber(), 0) : 0;
            throw new FormatException(file, line, "not well-formed XML: " + message(e), e);
        } catch (IOException e) {
            throw new FormatException(file, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The parser's message without the location prefix it puts in front. */
    private static String message(XMLStreamException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int at = m.indexOf("Message: ");
        return at >= 0 ? m.substring(at + "Message: ".length()) : m;
    }

    /** Recursive descent over the BioC elements, one method per element. */
    private static final class Parser {
        final Path file;
        final XMLStreamReader xml;

        Parser(Path file, XMLStreamReader xml) {
            this.file = file;
            this.xml = xml;
        }

        BiocCollection collection() throws XMLStreamException, FormatException {
            while (xml.next() != XMLStreamConstants.START_ELEMENT) {
                switch (xml.getEventType()) {
                    case XMLStreamConstants.DTD -> refuseEntities();
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw entityReference();
                    case XMLStreamConstants.END_DOCUMENT -> throw error("no <collection> element");
                    default -> {
                    }
                }
            }
            expect("collection");
            String source = "";
            String date = "";
            String key = "";
            Map<String, String> infons = new LinkedHashMap<>();
            List<BiocDocument> documents = new ArrayList<>();
            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "source" -> source = text();
                    case "date" -> date = text();
                    case "key" -> key = text();
                    case "infon" -> infon(infons);
                    case "document" -> documents.add(document());
                    default -> throw unexpected("collection");
                }
            }
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw entityReference();
                }
            }
            return new BiocCollection(source, date, key, infons, documents);
        }

        private BiocDocument document() throws XMLStreamException, FormatException {
            Position at = here();
            String id = null;
            Map<String, String> infons = new LinkedHashMap<>();
            List<BiocPassage> passages = new ArrayList<>();
            List<BiocAnnotation> annotations = new ArrayList<>();
            List<BiocRelation> relations = new ArrayList<>();
            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "id" -> id = text();
                    case "infon" -> infon(infons);
                    case "passage" -> passages.add(passage());
                    case "annotation" -> annotations.add(annotation());
                    case "relation" -> relations.add(relation());
                    default -> throw unexpected("document");
                }
            }
            return new BiocDocument(id, infons, passages, annotations, relations, at);
        }

        private BiocPassage passage() throws XMLStreamException, FormatException {
            Position at = here();
            Integer offset = null;
            String text = null;
            Map<String, String> infons = new LinkedHashMap<>();
            List<BiocSentence> sentences = new ArrayList<>();
            List<BiocAnnotation> annotations = new ArrayList<>();
            List<BiocRelation> relations = new ArrayList<>();
            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "infon" -> infon(infons);
                    case "offset" -> offset = number(text(), "passage offset");
                    case "text" -> text = text();
                    case "sentence" -> sentences.add(sentence());
                    case "annotation" -> annotations.add(annotation());
                    case "relation" -> relations.add(relation());
                    default -> throw unexpected("passage");
                }
            }
            if (offset == null) {
                throw error(at, "passage without an <offset>");
            }
            return new BiocPassage(offset, infons, text, sentences, annotations, relations, at);
        }

        private BiocSentence sentence() throws XMLStreamException, FormatException {
            Position at = here();
            Integer offset = null;
            String text = null;
            Map<String, String> infons = new LinkedHashMap<>();
            List<BiocAnnotation> annotations = new ArrayList<>();
            List<BiocRelation> relations = new ArrayList<>();
            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "infon" -> infon(infons);
                    case "offset" -> offset = number(text(), "sentence offset");
                    case "text" -> text = text();
                    case "annotation" -> annotations.add(annotation());
                    case "relation" -> relations.add(relation());
                    default -> throw unexpected("sentence");
                }
            }
            if (offset == null) {
                throw error(at, "sentence without an <offset>");
            }
            return new BiocSentence(offset, infons, text, annotations, relations, at);
        }

        private BiocAnnotation annotation() throws XMLStreamException, FormatException {
            Position at = here();
            String id = xml.getAttributeValue(null, "id");
            String text = null;
            Map<String, String> infons = new LinkedHashMap<>();
            List<BiocLocation> locations = new ArrayList<>();
            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "infon" -> infon(infons);
                    case "location" -> {
                        int offset = number(attribute("offset"), "location offset");
                        int length = number(attribute("length"), "location length");
                        locations.add(new BiocLocation(offset, length));
                        empty();
                    }
                    case "text" -> text = text();
                    default -> throw unexpected("annotation");
                }
            }
            return new BiocAnnotation(id, infons, locations, text, at);
        }

        private BiocRelation relation() throws XMLStreamException, FormatException {
            Position at = here();
            String id = xml.getAttributeValue(null, "id");
            Map<String, String> infons = new LinkedHashMap<>();
            List<BiocNode> nodes = new ArrayList<>();
            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "infon" -> infon(infons);
                    case "node" -> {
                        String role = xml.getAttributeValue(null, "role");
                        nodes.add(new BiocNode(attribute("refid"), role == null ? "" : role));
                        empty();
                    }
                    default -> throw unexpected("relation");
                }
            }
            return new BiocRelation(id, infons, nodes, at);
        }

        private void infon(Map<String, String> infons) throws XMLStreamException, FormatException {
            Position at = here();
            String key = attribute("key");
            if (infons.put(key, text()) != null) {
                throw error(at, "infon '" + key + "' occurs twice in one element");
            }
        }

        private String attribute(String name) throws FormatException {
            String value = xml.getAttributeValue(null, name);
            if (value == null) {
                throw error(here(), "<" + xml.getLocalName() + "> without its " + name + " attribute");
            }
            return value;
        }

        private int number(String value, String what) throws FormatException {
            try {
                int n = Integer.parseInt(value.strip());
                if (n < 0) {
                    throw error(here(), what + " " + value + " is negative");
                }
                return n;
            } catch (NumberFormatException e) {
                throw here().error(file, what + " '" + value
                        + "' is not a number that fits an int", e);
            }
        }

        /** The text content of a leaf element; the cursor ends on its end tag. */
        private String text() throws XMLStreamException, FormatException {
            StringBuilder content = new StringBuilder();
            while (true) {
                switch (xml.next()) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        content.append(xml.getText());
                    case XMLStreamConstants.END_ELEMENT -> {
                        return content.toString();
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw entityReference();
                    case XMLStreamConstants.START_ELEMENT -> throw error(here(), "<" + xml.getLocalName()
                            + "> inside an element that holds text only");
                    default -> {
                        // comments and processing instructions carry no text
                    }
                }
            }
        }

        /** Skips to the end tag of an element that must have no content. */
        private void empty() throws XMLStreamException, FormatException {
            if (nextTag() != XMLStreamConstants.END_ELEMENT) {
                throw unexpected("empty element");
            }
        }

        /** The next start or end tag; text in between must be whitespace. */
        private int nextTag() throws XMLStreamException, FormatException {
            while (true) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> {
                        return event;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!xml.isWhiteSpace()) {
                            throw error(here(), "text '" + abbreviated(xml.getText()) + "' where BioC expects elements");
                        }
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw entityReference();
                    case XMLStreamConstants.END_DOCUMENT -> throw error(here(), "the file ends inside an element");
                    default -> {
                    }
                }
            }
        }

        private void refuseEntities() throws FormatException {
            String doctype = xml.getText();
            if (doctype != null && doctype.contains("<!ENTITY")) {
                throw error(here(), "the DOCTYPE declares entities; BioC needs none, and external ones could read"
                        + " local files, so the file is refused");
            }
        }

        private FormatException entityReference() {
            return error(here(), "reference to entity &" + xml.getLocalName() + "; refused (DTDs and entities are off)");
        }

        private void expect(String name) throws FormatException {
            if (!xml.getLocalName().equals(name)) {
                throw error(here(), "expected <" + name + ">, found <" + xml.getLocalName() + ">");
            }
        }

        private FormatException unexpected(String parent) {
            String found = xml.isStartElement() ? "<" + xml.getLocalName() + ">" : "content";
            return error(here(), "unexpected " + found + " in <" + parent + ">");
        }

        private Position here() {
            Location l = xml.getLocation();
            return new Position(Math.max(l.getLineNumber(), 0), Math.max(l.getColumnNumber(), 0));
        }

        private FormatException error(String reason) {
            return error(here(), reason);
        }

        private FormatException error(Position at, String reason) {
            return at.error(file, reason, null);
        }

        private static String abbreviated(String s) {
            String t = s.strip();
            return t.length() > 40 ? t.substring(0, 40) + "…" : t;
        }
    }
}
