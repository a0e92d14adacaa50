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

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

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
 * Reads BioC JSON, the shape the {@code bioc} Python package writes: a collection object with
 * {@code source}, {@code date}, {@code key}, {@code infons} and {@code documents}; documents with
 * {@code id}, {@code infons}, {@code passages}, {@code relations} (and optionally
 * {@code annotations}); passages with {@code offset}, {@code infons}, {@code text},
 * {@code sentences}, {@code annotations}, {@code relations}. {@link BiocDocumentMapper} says how
 * that becomes documents.
 *
 * <p>The file is read as a stream so that every error names the line of the offending object (its
 * column in the reason). Duplicate keys are refused. Keys outside that schema, such as
 * {@code bioctype} and {@code version} or PubTator's extra document fields, are skipped.
 */
public final class BiocJsonReader implements DocumentReader {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

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
        try (InputStream in = Files.newInputStream(file); JsonParser json = JSON.createParser(in)) {
            Parser parser = new Parser(file, json);
            json.nextToken();
            BiocCollection collection = parser.collection();
            if (json.nextToken() != null) {
                throw parser.error(parser.here(), "content after the collection object");
            }
            return collection;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            Position at = l == null ? Position.NOWHERE : new Position(Math.max(l.getLineNr(), 0), Math.max(l.getColumnNr(), 0));
            throw at.error(file, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FormatException(file, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Handles one key of an object; the parser stands on the key's value. */
    @FunctionalInterface
    private interface Field {
        /** @return false when the key is not one this object has */
        boolean read(String name) throws IOException, FormatException;
    }

    /** Reads one element of an array; the parser stands on its first token. */
    @FunctionalInterface
    private interface Element {
        void read() throws IOException, FormatException;
    }

    /** Recursive descent over the BioC objects, one method per object kind. */
    private static final class Parser {
        final Path file;
        final JsonParser json;

        Parser(Path file, JsonParser json) {
            this.file = file;
            this.json = json;
        }

        BiocCollection collection() throws IOException, FormatException {
            String[] header = { "", "", "" };
            Map<String, String> infons = new LinkedHashMap<>();
            List<BiocDocument> documents = new ArrayList<>();
            object("collection", name -> switch (name) {
                case "source" -> set(header, 0, nullableString(name));
                case "date" -> set(header, 1, nullableString(name));
                case "key" -> set(header, 2, nullableString(name));
                case "infons" -> infons(infons);
                case "documents" -> array(name, () -> documents.add(document()));
                default -> false;
            });
            return new BiocCollection(header[0], header[1], header[2], infons, documents);
        }

        private BiocDocument document() throws IOException, FormatException {
            Position at = here();
            String[] id = { null };
            Map<String, String> infons = new LinkedHashMap<>();
            List<BiocPassage> passages = new ArrayList<>();
            List<BiocAnnotation> annotations = new ArrayList<>();
            List<BiocRelation> relations = new ArrayList<>();
            object("document", name -> switch (name) {
                case "id" -> set(id, 0, string(name));
                case "infons" -> infons(infons);
                case "passages" -> array(name, () -> passages.add(passage()));
                case "annotations" -> array(name, () -> annotations.add(annotation()));
                case "relations" -> array(name, () -> relations.add(relation()));
                default -> false;
            });
            return new BiocDocument(id[0], infons, passages, annotations, relations, at);
        }

        private BiocPassage passage() throws IOException, FormatException {
            Position at = here();
            int[] offset = { -1 };
            String[] text = { null };
            Map<String, String> infons = new LinkedHashMap<>();
            List<BiocSentence> sentences = new ArrayList<>();
            List<BiocAnnotation> annotations = new ArrayList<>();
            List<BiocRelation> relations = new ArrayList<>();
            object("passage", name -> switch (name) {
                case "offset" -> set(offset, 0, number("passage offset"));
                case "infons" -> infons(infons);
                case "text" -> set(text, 0, nullableString(name));
                case "sentences" -> array(name, () -> sentences.add(sentence()));
                case "annotations" -> array(name, () -> annotations.add(annotation()));
                case "relations" -> array(name, () -> relations.add(relation()));
                default -> false;
            });
            if (offset[0] < 0) {
                throw error(at, "passage without an offset");
            }
            return new BiocPassage(offset[0], infons, text[0], sentences, annotations, relations, at);
        }

        private BiocSentence sentence() throws IOException, FormatException {
            Position at = here();
            int[] offset = { -1 };
            String[] text = { null };
            Map<String, String> infons = new LinkedHashMap<>();
            List<BiocAnnotation> annotations = new ArrayList<>();
            List<BiocRelation> relations = new ArrayList<>();
            object("sentence", name -> switch (name) {
                case "offset" -> set(offset, 0, number("sentence offset"));
                case "infons" -> infons(infons);
                case "text" -> set(text, 0, nullableString(name));
                case "annotations" -> array(name, () -> annotations.add(annotation()));
                case "relations" -> array(name, () -> relations.add(relation()));
                default -> false;
            });
            if (offset[0] < 0) {
                throw error(at, "sentence without an offset");
            }
            return new BiocSentence(offset[0], infons, text[0], annotations, relations, at);
        }

        private BiocAnnotation annotation() throws IOException, FormatException {
            Position at = here();
            String[] idAndText = { null, null };
            Map<String, String> infons = new LinkedHashMap<>();
            List<BiocLocation> locations = new ArrayList<>();
            object("annotation", name -> switch (name) {
                case "id" -> set(idAndText, 0, string(name));
                case "infons" -> infons(infons);
                case "text" -> set(idAndText, 1, nullableString(name));
                case "locations" -> array(name, () -> locations.add(location()));
                default -> false;
            });
            return new BiocAnnotation(idAndText[0], infons, locations, idAndText[1], at);
        }

        private BiocLocation location() throws IOException, FormatException {
            Position at = here();
            int[] offsetAndLength = { -1, -1 };
            object("location", name -> switch (name) {
                case "offset" -> set(offsetAndLength, 0, number("location offset"));
                case "length" -> set(offsetAndLength, 1, number("location length"));
                default -> false;
            });
            if (offsetAndLength[0] < 0 || offsetAndLength[1] < 0) {
                throw error(at, "location without an offset or a length");
            }
            return new BiocLocation(offsetAndLength[0], offsetAndLength[1]);
        }

        private BiocRelation relation() throws IOException, FormatException {
            Position at = here();
            String[] id = { null };
            Map<String, String> infons = new LinkedHashMap<>();
            List<BiocNode> nodes = new ArrayList<>();
            object("relation", name -> switch (name) {
                case "id" -> set(id, 0, string(name));
                case "infons" -> infons(infons);
                case "nodes" -> array(name, () -> nodes.add(node()));
                default -> false;
            });
            return new BiocRelation(id[0], infons, nodes, at);
        }

        private BiocNode node() throws IOException, FormatException {
            Position at = here();
            String[] refidAndRole = { null, "" };
            object("node", name -> switch (name) {
                case "refid" -> set(refidAndRole, 0, string(name));
                case "role" -> set(refidAndRole, 1, nullableString(name));
                default -> false;
            });
            if (refidAndRole[0] == null) {
                throw error(at, "node without a refid");
            }
            return new BiocNode(refidAndRole[0], refidAndRole[1] == null ? "" : refidAndRole[1]);
        }

        /** Infon values are strings; numbers and booleans are taken as their text. */
        private boolean infons(Map<String, String> infons) throws IOException, FormatException {
            object("infons", name -> {
                JsonToken t = json.currentToken();
                if (!t.isScalarValue() || t == JsonToken.VALUE_NULL) {
                    throw error(here(), "infon '" + name + "' is not a string");
                }
                infons.put(name, json.getText());
                return true;
            });
            return true;
        }

        private void object(String what, Field field) throws IOException, FormatException {
            if (json.currentToken() != JsonToken.START_OBJECT) {
                throw error(here(), what + " is not a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                json.nextToken();
                if (!field.read(name)) {
                    json.skipChildren();
                }
            }
        }

        private boolean array(String what, Element element) throws IOException, FormatException {
            if (json.currentToken() != JsonToken.START_ARRAY) {
                throw error(here(), "'" + what + "' is not a JSON array");
            }
            while (json.nextToken() != JsonToken.END_ARRAY) {
                element.read();
            }
            return true;
        }

        private String string(String what) throws IOException, FormatException {
            String s = nullableString(what);
            if (s == null) {
                throw error(here(), "'" + what + "' is null");
            }
            return s;
        }

        private String nullableString(String what) throws IOException, FormatException {
            return switch (json.currentToken()) {
                case VALUE_NULL -> null;
                case VALUE_STRING -> json.getText();
                default -> throw error(here(), "'" + what + "' is not a string");
            };
        }

        private int number(String what) throws IOException, FormatException {
            if (json.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                throw error(here(), what + " " + json.getText() + " is not a whole number");
            }
            if (json.getNumberType() != JsonParser.NumberType.INT) {
                throw error(here(), what + " " + json.getText() + " does not fit an int");
            }
            int n = json.getIntValue();
            if (n < 0) {
                throw error(here(), what + " " + n + " is negative");
            }
            return n;
        }

        private static <T> boolean set(T[] slot, int index, T value) {
            slot[index] = value;
            return true;
        }

        private static boolean set(int[] slot, int index, int value) {
            slot[index] = value;
            return true;
        }

        Position here() {
            JsonLocation l = json.currentTokenLocation();
            return new Position(Math.max(l.getLineNr(), 0), Math.max(l.getColumnNr(), 0));
        }

        FormatException error(Position at, String reason) {
            return at.error(file, reason, null);
        }
    }
}
