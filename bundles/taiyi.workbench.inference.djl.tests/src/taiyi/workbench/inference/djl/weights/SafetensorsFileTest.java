package taiyi.workbench.inference.djl.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsFileTest {

    @TempDir
    Path dir;

    @Test
    void writtenTensorsReadBackWithTheirTypeShapeAndBytes() throws IOException {
        Path file = dir.resolve("two.safetensors");
        float[] a = {1.5f, -2f, 3.25f, 0f, 7f, -0.125f};
        new SafetensorsWriter().metadata("note", "hello").addFloats("a", new long[] {2, 3}, a)
                .add("b", TensorType.I64, new long[] {2}, out -> out.write(longs(41L, -9L))).write(file);
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            assertEquals(Set.of("a", "b"), st.names());
            assertEquals("hello", st.metadata().get("note"));
            WeightTensor ta = st.get("a");
            assertEquals(TensorType.F32, ta.type());
            assertArrayEquals(new long[] {2, 3}, ta.shape());
            float[] back = new float[6];
            ta.data().asFloatBuffer().get(back);
            assertArrayEquals(a, back);
            WeightTensor tb = st.get("b");
            assertEquals(-9L, tb.data().getLong(8));
            assertTrue(st.find("c").isEmpty());
            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> st.get("c"));
            assertTrue(missing.getMessage().contains(file.toString()) && missing.getMessage().contains("c"), missing.getMessage());
        }
        // the data section starts 8-byte aligned, as other writers lay it out
        long headerLength = ByteBuffer.wrap(Files.readAllBytes(file), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8);
    }

    @Test
    void aHeaderLengthPastTheEndOfTheFileIsRefused() throws IOException {
        Path file = dir.resolve("long.safetensors");
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(1000).put("{}      ".getBytes(StandardCharsets.US_ASCII));
        Files.write(file, b.array());
        IOException e = assertThrows(IOException.class, () -> SafetensorsFile.open(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("header length 1000"), e.getMessage());
    }

    @Test
    void aTruncatedFileNamesTheTensorThatNoLongerFits() throws IOException {
        Path file = dir.resolve("cut.safetensors");
        new SafetensorsWriter().addFloats("first", new long[] {4}, new float[4]).addFloats("second", new long[] {8}, new float[8])
                .write(file);
        byte[] all = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(all, all.length - 4));
        IOException e = assertThrows(IOException.class, () -> SafetensorsFile.open(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("tensor second")
                && e.getMessage().contains("outside"), e.getMessage());
    }

    @Test
    void offsetsOutOfRangeAreRefusedNamingTheTensor() throws IOException {
        Path file = raw("range", "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,64]}}", 16);
        IOException e = assertThrows(IOException.class, () -> SafetensorsFile.open(file));
        assertTrue(e.getMessage().contains(file + ": tensor x") && e.getMessage().contains("[8, 64]"), e.getMessage());
    }

    @Test
    void aByteCountThatDisagreesWithDtypeAndShapeIsRefused() throws IOException {
        // F16 [3] needs 6 bytes, the offsets give 12
        Path file = raw("size", "{\"h\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[0,12]}}", 12);
        IOException e = assertThrows(IOException.class, () -> SafetensorsFile.open(file));
        assertTrue(e.getMessage().contains(file + ": tensor h") && e.getMessage().contains("needs 6 bytes"), e.getMessage());
    }

    @Test
    void unknownDtypesOverlapsAndHolesAreRefused() throws IOException {
        Path unknown = raw("dtype", "{\"q\":{\"dtype\":\"F8_E4M3\",\"shape\":[4],\"data_offsets\":[0,4]}}", 4);
        IOException e1 = assertThrows(IOException.class, () -> SafetensorsFile.open(unknown));
        assertTrue(e1.getMessage().contains("tensor q") && e1.getMessage().contains("F8_E4M3"), e1.getMessage());

        Path overlap = raw("overlap", "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12);
        IOException e2 = assertThrows(IOException.class, () -> SafetensorsFile.open(overlap));
        assertTrue(e2.getMessage().contains("tensor b") && e2.getMessage().contains("overlap tensor a"), e2.getMessage());

        Path hole = raw("hole", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8);
        IOException e3 = assertThrows(IOException.class, () -> SafetensorsFile.open(hole));
        assertTrue(e3.getMessage().contains("tensor a") && e3.getMessage().contains("hole"), e3.getMessage());

        Path notJson = raw("garbage", "{\"a\": [", 0);
        IOException e4 = assertThrows(IOException.class, () -> SafetensorsFile.open(notJson));
        assertTrue(e4.getMessage().contains(notJson + ": header is not JSON"), e4.getMessage());
    }

    @Test
    void aContentThatWritesTheWrongByteCountLeavesNoFileBehind() throws IOException {
        Path file = dir.resolve("bad.safetensors");
        SafetensorsWriter writer = new SafetensorsWriter().add("w", TensorType.F32, new long[] {4}, out -> out.write(floats(1f, 2f)));
        IOException e = assertThrows(IOException.class, () -> writer.write(file));
        assertTrue(e.getMessage().contains("tensor w") && e.getMessage().contains("needs 16 bytes"), e.getMessage());
        assertFalse(Files.exists(file));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "the temporary file must be removed");
        }
    }

    /** A file with the given header and {@code dataBytes} zero bytes of data. */
    private Path raw(String name, String header, int dataBytes) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json);
        Path file = dir.resolve(name + ".safetensors");
        Files.write(file, b.array());
        return file;
    }

    private static ByteBuffer longs(long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return b.flip();
    }

    private static ByteBuffer floats(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.flip();
    }
}
