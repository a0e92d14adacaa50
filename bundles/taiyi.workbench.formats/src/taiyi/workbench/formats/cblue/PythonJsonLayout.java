package taiyi.workbench.formats.cblue;

import java.io.IOException;
import java.io.Writer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.StreamWriteFeature;

/**
 * Lays JSON out as Python's {@code json.dumps} does, which is how the CBLUE files were written:
 * {@code indent=4} for CMeEE's array, the default {@code ", "} and {@code ": "} separators on one
 * line for CMeIE's JSON Lines. A written file then differs from a published one only where the
 * annotations do. Stateful (it tracks nesting): one instance per generator.
 */
final class PythonJsonLayout implements PrettyPrinter {

    /** Leaves the target open: {@link taiyi.workbench.formats.AtomicOutput} owns and flushes it. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final String indent;
    private int depth;

    private PythonJsonLayout(String indent) {
        this.indent = indent;
    }

    /** {@code json.dumps(value, indent=4)}. */
    static PythonJsonLayout indented() {
        return new PythonJsonLayout("    ");
    }

    /** {@code json.dumps(value)}: everything on one line. */
    static PythonJsonLayout oneLine() {
        return new PythonJsonLayout(null);
    }

    /** A generator writing to {@code out} in this layout; non-ASCII is written as is, not escaped. */
    JsonGenerator generator(Writer out) throws IOException {
        return FACTORY.createGenerator(out).setPrettyPrinter(this);
    }

    private void newLine(JsonGenerator g) throws IOException {
        if (indent != null) {
            g.writeRaw('\n');
            for (int i = 0; i < depth; i++) {
                g.writeRaw(indent);
            }
        }
    }

    private void separator(JsonGenerator g) throws IOException {
        g.writeRaw(indent != null ? "," : ", ");
        newLine(g);
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        g.writeRaw('{');
        depth++;
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        newLine(g);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        separator(g);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        depth--;
        if (entries > 0) {
            newLine(g);
        }
        g.writeRaw('}');
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        g.writeRaw('[');
        depth++;
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        newLine(g);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        separator(g);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        depth--;
        if (values > 0) {
            newLine(g);
        }
        g.writeRaw(']');
    }
}
