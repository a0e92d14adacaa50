package taiyi.workbench.inference.djl.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One {@code .safetensors} file: an unsigned 64-bit little-endian header length, a JSON header
 * naming each tensor's dtype, shape and byte range, then the tensor bytes.
 *
 * <p>The whole header is checked when the file opens (known dtypes, byte counts that match the
 * shapes, ranges inside the file, no overlaps or holes), so a damaged file is refused before any
 * tensor is read. Each tensor is then mapped on its own, which is why files past 2 GiB are fine;
 * only a single tensor over 2 GiB is refused, because a {@link ByteBuffer} cannot hold it.
 */
public final class SafetensorsFile implements WeightSource {

    /** Headers of real checkpoints are a few hundred KB; this stops a garbage length from allocating gigabytes. */
    static final long MAX_HEADER_BYTES = 100L << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, Entry> entries;
    private final Map<String, String> metadata;

    private record Entry(String name, TensorType type, long[] shape, long begin, long end) {
    }

    private SafetensorsFile(Path path, FileChannel channel, long dataStart, Map<String, Entry> entries,
            Map<String, String> metadata) {
        this.path = path;
        this.channel = channel;
        this.dataStart = dataStart;
        this.entries = entries;
        this.metadata = metadata;
    }

    /** Opens and validates the file; a broken file is reported with its path and the tensor at fault. */
    public static SafetensorsFile open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long size = channel.size();
            if (size < 8) {
                throw new IOException(path + ": " + size + " bytes is too short for a safetensors header length");
            }
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, lengthBytes, 0);
            long headerLength = lengthBytes.flip().getLong();
            if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > size - 8) {
                throw new IOException(path + ": header length " + Long.toUnsignedString(headerLength)
                        + " does not fit the file (" + size + " bytes)");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLength);
            readFully(channel, header, 8);
            String json = new String(header.array(), StandardCharsets.UTF_8);
            long dataStart = 8 + headerLength;
            Map<String, String> metadata = new LinkedHashMap<>();
            Map<String, Entry> entries = parseHeader(path, json, size - dataStart, metadata);
            return new SafetensorsFile(path, channel, dataStart, entries, Collections.unmodifiableMap(metadata));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("unexpected end of file at byte " + at);
            }
            at += n;
        }
    }

    private static Map<String, Entry> parseHeader(Path path, String json, long dataSize, Map<String, String> metadata)
            throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IOException(path + ": header is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(path + ": header is not a JSON object");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode node = field.getValue();
            if (name.equals("__metadata__")) {
                node.fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
                continue;
            }
            entries.put(name, parseEntry(path, name, node, dataSize));
        }
        checkLayout(path, entries.values(), dataSize);
        return entries;
    }

    private static Entry parseEntry(Path path, String name, JsonNode node, long dataSize) throws IOException {
        String where = path + ": tensor " + name;
        if (!node.isObject()) {
            throw new IOException(where + ": entry is not a JSON object");
        }
        String dtype = node.path("dtype").asText("");
        TensorType type;
        try {
            type = TensorType.valueOf(dtype);
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": unsupported dtype '" + dtype + "' (known: " + Arrays.toString(TensorType.values())
                    + ")", e);
        }
        JsonNode shapeNode = node.path("shape");
        if (!shapeNode.isArray()) {
            throw new IOException(where + ": shape is missing or not an array");
        }
        long[] shape = new long[shapeNode.size()];
        long elements = 1;
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.canConvertToLong() || !d.isIntegralNumber() || d.asLong() < 0) {
                throw new IOException(where + ": shape " + shapeNode + " has a dimension that is not a non-negative integer");
            }
            shape[i] = d.asLong();
            try {
                elements = Math.multiplyExact(elements, shape[i]);
            } catch (ArithmeticException e) {
                throw new IOException(where + ": shape " + shapeNode + " overflows", e);
            }
        }
        JsonNode offsets = node.path("data_offsets");
        if (!offsets.isArray() || offsets.size() != 2 || !offsets.get(0).isIntegralNumber()
                || !offsets.get(1).isIntegralNumber()) {
            throw new IOException(where + ": data_offsets must be two integers, is " + offsets);
        }
        long begin = offsets.get(0).asLong();
        long end = offsets.get(1).asLong();
        if (begin < 0 || end < begin || end > dataSize) {
            throw new IOException(where + ": data_offsets [" + begin + ", " + end + "] are outside the " + dataSize
                    + " data bytes of the file");
        }
        long expected = elements * type.bytes();
        if (end - begin != expected) {
            throw new IOException(where + ": " + type + " " + Arrays.toString(shape) + " needs " + expected
                    + " bytes but data_offsets [" + begin + ", " + end + "] span " + (end - begin));
        }
        return new Entry(name, type, shape, begin, end);
    }

    /** The spec wants the data section fully indexed: tensors in order, no overlap, no hole. */
    private static void checkLayout(Path path, java.util.Collection<Entry> entries, long dataSize) throws IOException {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long at = 0;
        Entry previous = null;
        for (Entry e : sorted) {
            if (e.begin() < at) {
                throw new IOException(path + ": tensor " + e.name() + " bytes [" + e.begin() + ", " + e.end()
                        + "] overlap tensor " + previous.name() + " [" + previous.begin() + ", " + previous.end() + "]");
            }
            if (e.begin() > at) {
                throw new IOException(path + ": tensor " + e.name() + " starts at byte " + e.begin() + " leaving a hole after "
                        + (previous == null ? "the header" : "tensor " + previous.name() + " (ends at " + at + ")"));
            }
            at = e.end();
            previous = e;
        }
        if (at != dataSize) {
            throw new IOException(path + ": the tensors end at data byte " + at + " but the file has " + dataSize
                    + " data bytes" + (previous == null ? "" : " (last tensor " + previous.name() + ")"));
        }
    }

    /** The free-form {@code __metadata__} strings of the header. */
    public Map<String, String> metadata() {
        return metadata;
    }

    public Path path() {
        return path;
    }

    @Override
    public Set<String> names() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    @Override
    public Optional<WeightTensor> find(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            return Optional.empty();
        }
        long length = e.end() - e.begin();
        if (length > Integer.MAX_VALUE) {
            throw new IllegalStateException(path + ": tensor " + name + " is " + length
                    + " bytes; a single tensor over 2 GiB cannot be mapped (store it in f16/bf16 or split it)");
        }
        try {
            ByteBuffer data = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + e.begin(), length);
            return Optional.of(new WeightTensor(name, e.type(), e.shape(), data));
        } catch (IOException x) {
            throw new java.io.UncheckedIOException(path + ": cannot map tensor " + name, x);
        }
    }

    @Override
    public String describe() {
        return path.toString();
    }

    /** Closes the file; buffers already handed out stay readable until they are collected. */
    @Override
    public void close() throws IOException {
        channel.close();
    }
}
