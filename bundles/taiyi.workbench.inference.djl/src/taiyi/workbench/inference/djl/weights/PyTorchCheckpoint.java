package taiyi.workbench.inference.djl.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@code torch.save}d state_dict ({@code pytorch_model.bin} or a shard of one), read in Java
 * without Python and without executing the pickle ({@link PyTorchPickleReader}). The zip holds
 * {@code <archive>/data.pkl} (names, shapes, strides, storage keys) and one entry
 * {@code <archive>/data/<key>} per storage; storages are memory-mapped where they lie, and a
 * contiguous tensor is a view of its storage (several tensors may share one). A non-contiguous
 * tensor (e.g. saved transposed) is copied once into contiguous row-major order.
 * Tensors stay readable after {@link #close()} (the mappings live until they are collected);
 * {@link #find} is refused once closed.
 */
public final class PyTorchCheckpoint implements WeightSource {

    private final Path file;
    private final FileChannel channel;
    private final PyTorchZipArchive archive;
    private final String prefix;
    private final Map<String, PyTorchTensorLayout> layouts;
    private final Map<String, MappedByteBuffer> storages = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private PyTorchCheckpoint(Path file, FileChannel channel, PyTorchZipArchive archive, String prefix,
            Map<String, PyTorchTensorLayout> layouts) {
        this.file = file;
        this.channel = channel;
        this.archive = archive;
        this.prefix = prefix;
        this.layouts = layouts;
    }

    /**
     * Opens a checkpoint and reads its tensor index; refuses the legacy (pre-1.6) format, truncated
     * or re-compressed files, big-endian files and any pickle that is more than a state_dict.
     */
    public static PyTorchCheckpoint open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            String name = file.toString();
            PyTorchZipArchive archive = PyTorchZipArchive.read(channel, name);
            PyTorchZipArchive.Entry pickle = null;
            for (PyTorchZipArchive.Entry e : archive.entries()) {
                int slash = e.name().indexOf('/');
                if (slash > 0 && e.name().substring(slash).equals("/data.pkl")) {
                    pickle = e;
                    break;
                }
            }
            if (pickle == null) {
                throw new PyTorchFormatException(name + ": no <archive>/data.pkl entry, so not a torch.save checkpoint");
            }
            String prefix = pickle.name().substring(0, pickle.name().length() - "data.pkl".length());
            Optional<PyTorchZipArchive.Entry> byteorder = archive.entry(prefix + "byteorder");
            if (byteorder.isPresent()) {
                String order = new String(read(channel, byteorder.get(), name), StandardCharsets.US_ASCII).trim();
                if (!order.equals("little")) {
                    throw new PyTorchFormatException(name + ": saved with byte order '" + order
                            + "'; only little-endian checkpoints are read (re-save it on a little-endian machine)");
                }
            }
            String where = name + "!" + pickle.name();
            Map<String, PyTorchTensorLayout> layouts = PyTorchPickleReader.readStateDict(read(channel, pickle, name),
                    where);
            for (Map.Entry<String, PyTorchTensorLayout> e : layouts.entrySet()) {
                check(archive, prefix, e.getKey(), e.getValue(), name);
            }
            return new PyTorchCheckpoint(file, channel, archive, prefix, Collections.unmodifiableMap(layouts));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void check(PyTorchZipArchive archive, String prefix, String tensor, PyTorchTensorLayout layout,
            String file) throws PyTorchFormatException {
        String entryName = prefix + "data/" + layout.storageKey();
        PyTorchZipArchive.Entry entry = archive.entry(entryName).orElseThrow(() -> new PyTorchFormatException(file
                + ": tensor " + tensor + " needs storage entry " + entryName + ", which the file lacks"));
        long elementBytes = layout.storageType().type().bytes();
        if (entry.size() < layout.storageElements() * elementBytes) {
            throw new PyTorchFormatException(file + ": storage " + entryName + " has " + entry.size() + " bytes, but "
                    + layout.storageElements() + " elements of " + layout.storageType().type() + " need "
                    + layout.storageElements() * elementBytes);
        }
        if (layout.endElement() > layout.storageElements()) {
            throw new PyTorchFormatException(file + ": tensor " + tensor + " reaches element " + layout.endElement()
                    + " of storage " + layout.storageKey() + ", which has " + layout.storageElements());
        }
        if (layout.elementCount() * elementBytes > Integer.MAX_VALUE) {
            throw new PyTorchFormatException(file + ": tensor " + tensor + " is over 2 GiB, more than one buffer holds");
        }
    }

    private static byte[] read(FileChannel channel, PyTorchZipArchive.Entry entry, String file) throws IOException {
        if (entry.size() > Integer.MAX_VALUE) {
            throw new PyTorchFormatException(file + ": entry " + entry.name() + " is too large to read");
        }
        ByteBuffer b = ByteBuffer.allocate((int) entry.size());
        while (b.hasRemaining()) {
            if (channel.read(b, entry.dataOffset() + b.position()) < 0) {
                throw new PyTorchFormatException(file + ": entry " + entry.name() + " is cut short");
            }
        }
        return b.array();
    }

    @Override
    public Set<String> names() {
        return layouts.keySet();
    }

    @Override
    public Optional<WeightTensor> find(String name) {
        if (closed) {
            throw new IllegalStateException(describe() + " is closed");
        }
        PyTorchTensorLayout layout = layouts.get(name);
        if (layout == null) {
            return Optional.empty();
        }
        ByteBuffer storage = storage(layout);
        TensorType type = layout.storageType().type();
        int elementBytes = type.bytes();
        int bytes = (int) (layout.elementCount() * elementBytes);
        ByteBuffer data;
        if (layout.isContiguous()) {
            data = storage.slice((int) (layout.offset() * elementBytes), bytes);
        } else {
            data = contiguousCopy(storage, layout, elementBytes, bytes);
        }
        return Optional.of(new WeightTensor(name, type, layout.shape(), data.order(ByteOrder.LITTLE_ENDIAN)));
    }

    /** Gathers a strided tensor's elements in row-major order. */
    private static ByteBuffer contiguousCopy(ByteBuffer storage, PyTorchTensorLayout layout, int elementBytes,
            int bytes) {
        ByteBuffer out = ByteBuffer.allocateDirect(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long[] shape = layout.shape();
        long[] stride = layout.stride();
        long[] index = new long[shape.length];
        long count = layout.elementCount();
        for (long n = 0; n < count; n++) {
            long element = layout.offset();
            for (int d = 0; d < shape.length; d++) {
                element += index[d] * stride[d];
            }
            out.put(storage.slice((int) (element * elementBytes), elementBytes));
            for (int d = shape.length - 1; d >= 0; d--) {
                if (++index[d] < shape[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return out.flip();
    }

    private ByteBuffer storage(PyTorchTensorLayout layout) {
        return storages.computeIfAbsent(layout.storageKey(), key -> {
            PyTorchZipArchive.Entry entry = archive.entry(prefix + "data/" + key).orElseThrow();
            try {
                return channel.map(FileChannel.MapMode.READ_ONLY, entry.dataOffset(), entry.size());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(describe() + ": cannot map storage " + key, e);
            }
        });
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        channel.close();
    }
}
