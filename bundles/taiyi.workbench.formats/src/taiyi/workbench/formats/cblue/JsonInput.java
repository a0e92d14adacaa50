package taiyi.workbench.formats.cblue;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

import taiyi.workbench.formats.FormatException;

/**
 * Jackson's streaming parser over JSON text that turns every problem into a
 * {@link FormatException} at the line and column of the offending token. It streams rather than
 * reading a tree because a tree forgets where its nodes came from, and the error must say where.
 */
final class JsonInput implements AutoCloseable {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Path file;
    private final int firstLine;
    private final JsonParser parser;

    /**
     * @param json the text to parse
     * @param firstLine the file line the text starts on (JSON Lines parse each line on its own)
     */
    JsonInput(Path file, String json, int firstLine) throws FormatException {
        this.file = file;
        this.firstLine = firstLine;
        try {
            this.parser = FACTORY.createParser(json);
        } catch (IOException e) {
            throw new FormatException(file, firstLine, "cannot parse JSON: " + e.getMessage(), e);
        }
    }

    /** Moves to the next token; null at the end of the input. */
    JsonToken next() throws FormatException {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw error(e.getLocation() != null ? e.getLocation() : parser.currentLocation(),
                    "malformed JSON: " + jacksonReason(e), e);
        } catch (IOException e) {
            throw error(parser.currentLocation(), "cannot parse JSON: " + e.getMessage(), e);
        }
    }

    JsonToken current() {
        return parser.currentToken();
    }

    /** Where the current token starts. */
    JsonLocation location() {
        return parser.currentTokenLocation();
    }

    /** The name of the current field. */
    String fieldName() throws FormatException {
        try {
            return parser.currentName();
        } catch (IOException e) {
            throw error(location(), "cannot parse JSON: " + e.getMessage(), e);
        }
    }

    /** Fails unless the current token is {@code expected}. */
    void expect(JsonToken expected, String what) throws FormatException {
        if (current() != expected) {
            throw error(location(), "expected " + what + ", found " + describe(current()));
        }
    }

    /** The current token as a string value. */
    String string(String what) throws FormatException {
        expect(JsonToken.VALUE_STRING, what + " as a string");
        try {
            return parser.getText();
        } catch (IOException e) {
            throw error(location(), "cannot parse JSON: " + e.getMessage(), e);
        }
    }

    /** The current token as a boolean value. */
    boolean bool(String what) throws FormatException {
        if (current() == JsonToken.VALUE_TRUE || current() == JsonToken.VALUE_FALSE) {
            return current() == JsonToken.VALUE_TRUE;
        }
        throw error(location(), "expected " + what + " as true or false, found " + describe(current()));
    }

    /** The current token as a non-negative integer that fits an int. */
    int index(String what) throws FormatException {
        if (current() != JsonToken.VALUE_NUMBER_INT) {
            throw error(location(), "expected " + what + " as a whole number, found " + describe(current()));
        }
        try {
            if (parser.getNumberType() != JsonParser.NumberType.INT) {
                throw error(location(), what + " " + parser.getText() + " is too large");
            }
            int value = parser.getIntValue();
            if (value < 0) {
                throw error(location(), what + " " + value + " is negative");
            }
            return value;
        } catch (IOException e) {
            throw error(location(), "cannot parse JSON: " + e.getMessage(), e);
        }
    }

    /** A document id given as a string or a whole number. */
    String id() throws FormatException {
        try {
            if (current() == JsonToken.VALUE_NUMBER_INT) {
                return parser.getText();
            }
        } catch (IOException e) {
            throw error(location(), "cannot parse JSON: " + e.getMessage(), e);
        }
        String id = string("id");
        if (id.isBlank()) {
            throw error(location(), "blank id");
        }
        return id;
    }

    /** Skips the current value, with its children when it is an object or array. */
    void skipValue() throws FormatException {
        try {
            parser.skipChildren();
        } catch (JsonProcessingException e) {
            throw error(e.getLocation() != null ? e.getLocation() : parser.currentLocation(),
                    "malformed JSON: " + jacksonReason(e), e);
        } catch (IOException e) {
            throw error(parser.currentLocation(), "cannot parse JSON: " + e.getMessage(), e);
        }
    }

    /** Fails when anything but whitespace follows the value just read. */
    void expectEnd() throws FormatException {
        JsonToken extra = next();
        if (extra != null) {
            throw error(location(), "unexpected " + describe(extra) + " after the end of the JSON value");
        }
    }

    FormatException error(JsonLocation at, String reason) {
        return error(at, reason, null);
    }

    FormatException error(JsonLocation at, String reason, Throwable cause) {
        int line = at != null && at.getLineNr() > 0 ? at.getLineNr() : 1;
        int column = at != null ? at.getColumnNr() : -1;
        return new FormatException(file, firstLine + line - 1, Math.max(column, 0), reason, cause);
    }

    /** Jackson's own words without the source description it puts into nested locations. */
    private static String jacksonReason(JsonProcessingException e) {
        return String.valueOf(e.getOriginalMessage()).replaceAll("\\[Source: [^;]*; (line: )", "[$1");
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the input";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case END_OBJECT -> "the end of an object";
            case END_ARRAY -> "the end of an array";
            case FIELD_NAME -> "a field name";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // a parser over a String holds nothing that could fail to close
        }
    }
}
