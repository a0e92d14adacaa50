package taiyi.workbench.inference.djl.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The entries of a PyTorch zip checkpoint and where each one's bytes start in the file. PyTorch
 * stores every entry uncompressed (and 64-byte aligned) precisely so that storages can be
 * memory-mapped in place; {@link java.util.zip.ZipFile} does not reveal those offsets, hence this
 * reader of the central directory (with ZIP64, which files over 4 GiB need).
 */
final class PyTorchZipArchive {

    /** One stored entry: {@code size} bytes from {@code dataOffset} in the file. */
    record Entry(String name, long dataOffset, long size) {
    }

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final long MAX_COMMENT = 0xffff;

    private final Map<String, Entry> entries;

    private PyTorchZipArchive(Map<String, Entry> entries) {
        this.entries = entries;
    }

    static PyTorchZipArchive read(FileChannel channel, String file) throws IOException {
        long size = channel.size();
        if (size < 4) {
            throw new PyTorchFormatException(file + ": " + size + " bytes is too short for a PyTorch checkpoint");
        }
        ByteBuffer head = readAt(channel, 0, 4, file);
        int magic = head.getInt(0);
        if (magic != LOCAL_HEADER) {
            if ((head.get(0) & 0xff) == 0x80) {
                throw new PyTorchFormatException(file + ": this is the legacy torch.save format (PyTorch before 1.6),"
                        + " which is not read; re-save it in Python with torch.save(torch.load(path), path)");
            }
            throw new PyTorchFormatException(file + ": not a PyTorch checkpoint (it does not start as a zip file)");
        }
        long end = findEndOfDirectory(channel, size, file);
        ByteBuffer eocd = readAt(channel, end, 22, file);
        long count = eocd.getShort(10) & 0xffff;
        long directorySize = eocd.getInt(12) & 0xffffffffL;
        long directoryOffset = eocd.getInt(16) & 0xffffffffL;
        if (count == 0xffff || directorySize == 0xffffffffL || directoryOffset == 0xffffffffL) {
            if (end < 20) {
                throw damaged(file, "ZIP64 locator missing");
            }
            ByteBuffer locator = readAt(channel, end - 20, 20, file);
            if (locator.getInt(0) != ZIP64_LOCATOR) {
                throw damaged(file, "ZIP64 locator missing");
            }
            long zip64End = locator.getLong(8);
            ByteBuffer z = readAt(channel, zip64End, 56, file);
            if (z.getInt(0) != ZIP64_END) {
                throw damaged(file, "ZIP64 end record missing");
            }
            count = z.getLong(32);
            directorySize = z.getLong(40);
            directoryOffset = z.getLong(48);
        }
        if (directoryOffset < 0 || directorySize < 0 || directoryOffset + directorySize > size
                || directorySize > Integer.MAX_VALUE) {
            throw damaged(file, "central directory outside the file");
        }
        ByteBuffer dir = readAt(channel, directoryOffset, (int) directorySize, file);
        Map<String, Entry> entries = new LinkedHashMap<>();
        int p = 0;
        for (long i = 0; i < count; i++) {
            if (p + 46 > dir.limit() || dir.getInt(p) != CENTRAL_HEADER) {
                throw damaged(file, "central directory entry " + i + " is broken");
            }
            int method = dir.getShort(p + 10) & 0xffff;
            long compressed = dir.getInt(p + 20) & 0xffffffffL;
            long uncompressed = dir.getInt(p + 24) & 0xffffffffL;
            int nameLength = dir.getShort(p + 28) & 0xffff;
            int extraLength = dir.getShort(p + 30) & 0xffff;
            int commentLength = dir.getShort(p + 32) & 0xffff;
            long localOffset = dir.getInt(p + 42) & 0xffffffffL;
            if (p + 46 + nameLength + extraLength > dir.limit()) {
                throw damaged(file, "central directory entry " + i + " is broken");
            }
            byte[] nameBytes = new byte[nameLength];
            dir.get(p + 46, nameBytes);
            String name = new String(nameBytes, StandardCharsets.UTF_8);
            // ZIP64 extra field: the 64-bit values of exactly those fields that read 0xffffffff
            int extra = p + 46 + nameLength;
            int extraEnd = extra + extraLength;
            while (extra + 4 <= extraEnd) {
                int id = dir.getShort(extra) & 0xffff;
                int length = dir.getShort(extra + 2) & 0xffff;
                if (id == 1) {
                    int q = extra + 4;
                    if (uncompressed == 0xffffffffL) {
                        uncompressed = dir.getLong(q);
                        q += 8;
                    }
                    if (compressed == 0xffffffffL) {
                        compressed = dir.getLong(q);
                        q += 8;
                    }
                    if (localOffset == 0xffffffffL) {
                        localOffset = dir.getLong(q);
                    }
                }
                extra += 4 + length;
            }
            if (method != 0 || compressed != uncompressed) {
                throw new PyTorchFormatException(file + ": entry " + name + " is compressed (method " + method
                        + "); PyTorch stores checkpoint entries uncompressed, so this file was re-packed");
            }
            entries.put(name, new Entry(name, dataOffset(channel, localOffset, size, name, file), uncompressed));
            p += 46 + nameLength + extraLength + commentLength;
        }
        for (Entry e : entries.values()) {
            if (e.dataOffset() + e.size() > size) {
                throw damaged(file, "entry " + e.name() + " runs past the end of the file");
            }
        }
        return new PyTorchZipArchive(entries);
    }

    private static long dataOffset(FileChannel channel, long localOffset, long size, String name, String file)
            throws IOException {
        if (localOffset + 30 > size) {
            throw damaged(file, "entry " + name + " starts past the end of the file");
        }
        ByteBuffer local = readAt(channel, localOffset, 30, file);
        if (local.getInt(0) != LOCAL_HEADER) {
            throw damaged(file, "entry " + name + " has no local header");
        }
        return localOffset + 30 + (local.getShort(26) & 0xffff) + (local.getShort(28) & 0xffff);
    }

    private static long findEndOfDirectory(FileChannel channel, long size, String file) throws IOException {
        int window = (int) Math.min(size, 22 + MAX_COMMENT);
        ByteBuffer tail = readAt(channel, size - window, window, file);
        for (int i = window - 22; i >= 0; i--) {
            if (tail.getInt(i) == END_OF_DIRECTORY) {
                return size - window + i;
            }
        }
        throw damaged(file, "no end-of-central-directory record, so the file is truncated or not a zip");
    }

    private static ByteBuffer readAt(FileChannel channel, long offset, int length, String file) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (channel.read(b, offset + b.position()) < 0) {
                throw damaged(file, "ends at byte " + (offset + b.position()) + " inside a zip record");
            }
        }
        return b.flip();
    }

    private static PyTorchFormatException damaged(String file, String what) {
        return new PyTorchFormatException(file + ": damaged or truncated PyTorch checkpoint: " + what);
    }

    Optional<Entry> entry(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    Iterable<Entry> entries() {
        return entries.values();
    }
}
