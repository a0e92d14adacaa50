package taiyi.workbench.inference.djl.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a {@code .safetensors} file, streaming each tensor's bytes so a model larger than memory
 * can be written. The file appears atomically: everything goes to a temporary file in the same
 * folder, which is renamed over the target only when complete, so a failed write leaves nothing.
 */
public final class SafetensorsWriter {

    /** Produces a tensor's bytes (little-endian, row-major) into a channel. */
    @FunctionalInterface
    public interface Content {
        void writeTo(WritableByteChannel out) throws IOException;
    }

    private record Pending(String name, TensorType type, long[] shape, long bytes, Content content) {
    }

    private final List<Pending> tensors = new ArrayList<>();
    private final Set<String> names = new LinkedHashSet<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();

    public SafetensorsWriter() {
        metadata.put("format", "pt");
    }

    /** Adds a string to the header's {@code __metadata__}. */
    public SafetensorsWriter metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    /** Adds a tensor whose bytes {@code content} will write when the file is written. */
    public SafetensorsWriter add(String name, TensorType type, long[] shape, Content content) {
        if (!names.add(name)) {
            throw new IllegalArgumentException("tensor " + name + " added twice");
        }
        long elements = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("tensor " + name + " has a negative dimension " + Arrays.toString(shape));
            }
            elements = Math.multiplyExact(elements, d);
        }
        tensors.add(new Pending(name, type, shape.clone(), elements * type.bytes(), content));
        return this;
    }

    /** Adds a tensor from bytes already in memory (copied when written). */
    public SafetensorsWriter add(WeightTensor tensor) {
        return add(tensor.name(), tensor.type(), tensor.shape(), out -> {
            ByteBuffer data = tensor.data().duplicate();
            while (data.hasRemaining()) {
                out.write(data);
            }
        });
    }

    /** Adds a float32 tensor. */
    public SafetensorsWriter addFloats(String name, long[] shape, float[] values) {
        return add(name, TensorType.F32, shape, out -> {
            ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(values);
            while (b.hasRemaining()) {
                out.write(b);
            }
        });
    }

    /** Writes the file atomically; on any error the target is untouched and the temporary file removed. */
    public void write(Path target) throws IOException {
        byte[] header = header();
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".part");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer start = ByteBuffer.allocate(8 + header.length).order(ByteOrder.LITTLE_ENDIAN);
                start.putLong(header.length).put(header).flip();
                while (start.hasRemaining()) {
                    channel.write(start);
                }
                for (Pending p : tensors) {
                    long before = channel.position();
                    p.content().writeTo(channel);
                    long written = channel.position() - before;
                    if (written != p.bytes()) {
                        throw new IOException(target + ": tensor " + p.name() + " " + p.type() + " " + Arrays.toString(p.shape())
                                + " needs " + p.bytes() + " bytes, its content wrote " + written);
                    }
                }
                channel.force(false);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private byte[] header() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ObjectNode meta = root.putObject("__metadata__");
        metadata.forEach(meta::put);
        long at = 0;
        for (Pending p : tensors) {
            ObjectNode t = root.putObject(p.name());
            t.put("dtype", p.type().name());
            ArrayNode shape = t.putArray("shape");
            for (long d : p.shape()) {
                shape.add(d);
            }
            t.putArray("data_offsets").add(at).add(at + p.bytes());
            at += p.bytes();
        }
        byte[] raw = json.writeValueAsBytes(root);
        // pad with spaces to a multiple of 8 so the tensor data is 8-byte aligned, as other writers do
        int padded = (raw.length + 7) / 8 * 8;
        byte[] header = Arrays.copyOf(raw, padded);
        Arrays.fill(header, raw.length, padded, (byte) ' ');
        return header;
    }
}
