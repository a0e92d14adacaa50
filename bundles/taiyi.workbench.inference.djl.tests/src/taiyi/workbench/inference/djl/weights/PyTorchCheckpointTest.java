package taiyi.workbench.inference.djl.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import taiyi.workbench.inference.djl.Fixtures;

/** Reading torch.save checkpoints written by releng/python/make_pytorch_fixtures.py (torch 1.13). */
class PyTorchCheckpointTest {

    @TempDir
    Path dir;

    private static Path fixture(String name) {
        return Fixtures.file("pytorch/" + name);
    }

    @Test
    void everyTensorHasPythonsTypeShapeAndValues() throws IOException {
        JsonNode expected = new ObjectMapper().readTree(fixture("expected.json").toFile()).get("tensors");
        try (PyTorchCheckpoint checkpoint = PyTorchCheckpoint.open(fixture("small.bin"))) {
            Set<String> names = new HashSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            assertEquals(names, checkpoint.names());
            Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                WeightTensor t = checkpoint.get(e.getKey());
                JsonNode want = e.getValue();
                assertEquals(typeOf(want.get("dtype").asText()), t.type(), e.getKey());
                long[] shape = new long[want.get("shape").size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = want.get("shape").get(i).asLong();
                }
                assertArrayEquals(shape, t.shape(), e.getKey());
                assertValues(e.getKey(), want.get("values"), t);
            }
        }
    }

    @Test
    void viewsOfOneStorageAndATransposedTensorReadAsPythonPrintsThem() throws IOException {
        try (PyTorchCheckpoint checkpoint = PyTorchCheckpoint.open(fixture("small.bin"))) {
            // shared = arange(12) * 0.5; a = shared[2:6], b = shared.view(3, 4)[1]
            assertArrayEquals(new float[] {1.0f, 1.5f, 2.0f, 2.5f}, floats(checkpoint.get("shared.a")));
            assertArrayEquals(new float[] {2.0f, 2.5f, 3.0f, 3.5f}, floats(checkpoint.get("shared.b")));
            // arange(6).view(2, 3).t() is [[0, 3], [1, 4], [2, 5]]
            WeightTensor transposed = checkpoint.get("transposed");
            assertArrayEquals(new long[] {3, 2}, transposed.shape());
            assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, floats(transposed));
            assertEquals(0, checkpoint.get("empty").data().remaining());
        }
    }

    @Test
    void aMissingTensorIsEmptyAndGetNamesTheFile() throws IOException {
        Path file = fixture("small.bin");
        try (PyTorchCheckpoint checkpoint = PyTorchCheckpoint.open(file)) {
            assertTrue(checkpoint.find("transformer.wte.weight").isEmpty());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> checkpoint.get("nope"));
            assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("nope"), e.getMessage());
            checkpoint.close();
            assertThrows(IllegalStateException.class, () -> checkpoint.find("f32"));
        }
    }

    @Test
    void aPickleThatWouldRunACommandIsRefusedWithoutRunningIt() {
        Path file = fixture("hostile.bin");
        PyTorchFormatException e = assertThrows(PyTorchFormatException.class, () -> PyTorchCheckpoint.open(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("global 'posix.system' is not allowed"), e.getMessage());
    }

    @Test
    void theLegacyFormatIsRefusedWithHowToResave() {
        PyTorchFormatException e = assertThrows(PyTorchFormatException.class,
                () -> PyTorchCheckpoint.open(fixture("legacy.bin")));
        assertTrue(e.getMessage().contains("legacy") && e.getMessage().contains("torch.save(torch.load("),
                e.getMessage());
    }

    @Test
    void aTruncatedFileIsRefusedByName() throws IOException {
        byte[] whole = Files.readAllBytes(fixture("small.bin"));
        for (int keep : new int[] {whole.length - 10, whole.length / 2, 100}) {
            Path cut = dir.resolve("cut-" + keep + ".bin");
            Files.write(cut, java.util.Arrays.copyOf(whole, keep));
            PyTorchFormatException e = assertThrows(PyTorchFormatException.class, () -> PyTorchCheckpoint.open(cut));
            assertTrue(e.getMessage().startsWith(cut.toString()) && e.getMessage().contains("truncated"),
                    e.getMessage());
        }
        Path notZip = Files.writeString(dir.resolve("notes.bin"), "hello");
        PyTorchFormatException e = assertThrows(PyTorchFormatException.class, () -> PyTorchCheckpoint.open(notZip));
        assertTrue(e.getMessage().contains("not a PyTorch checkpoint"), e.getMessage());
    }

    private static TensorType typeOf(String dtype) {
        return switch (dtype) {
        case "float32" -> TensorType.F32;
        case "float16" -> TensorType.F16;
        case "bfloat16" -> TensorType.BF16;
        case "float64" -> TensorType.F64;
        case "int64" -> TensorType.I64;
        case "int32" -> TensorType.I32;
        case "int16" -> TensorType.I16;
        case "int8" -> TensorType.I8;
        case "uint8" -> TensorType.U8;
        case "bool" -> TensorType.BOOL;
        default -> throw new IllegalArgumentException(dtype);
        };
    }

    static float[] floats(WeightTensor t) {
        ByteBuffer b = t.data();
        float[] out = new float[(int) t.elementCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.type() == TensorType.F16 ? halfToFloat(b.getShort(i * 2)) : b.getFloat(i * 4);
        }
        return out;
    }

    /** IEEE binary16 to float (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short h) {
        int sign = (h >>> 15) & 1;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        float magnitude;
        if (exponent == 0) {
            magnitude = mantissa * 0x1p-24f;
        } else if (exponent == 31) {
            magnitude = mantissa == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else {
            magnitude = (1 + mantissa / 1024f) * (float) Math.pow(2, exponent - 15);
        }
        return sign == 1 ? -magnitude : magnitude;
    }

    private static void assertValues(String name, JsonNode values, WeightTensor t) {
        ByteBuffer b = t.data();
        assertEquals(values.size(), t.elementCount(), name);
        for (int i = 0; i < values.size(); i++) {
            JsonNode v = values.get(i);
            String at = name + "[" + i + "]";
            switch (t.type()) {
            case F32 -> assertEquals((float) v.asDouble(), b.getFloat(i * 4), at);
            case F16 -> assertEquals((float) v.asDouble(), halfToFloat(b.getShort(i * 2)), at);
            case BF16 -> assertEquals(v.asInt(), b.getShort(i * 2) & 0xffff, at);
            case F64 -> assertEquals(v.asDouble(), b.getDouble(i * 8), at);
            case I64 -> assertEquals(v.asLong(), b.getLong(i * 8), at);
            case I32 -> assertEquals(v.asInt(), b.getInt(i * 4), at);
            case I16 -> assertEquals(v.asInt(), b.getShort(i * 2), at);
            case I8 -> assertEquals(v.asInt(), b.get(i), at);
            case U8 -> assertEquals(v.asInt(), b.get(i) & 0xff, at);
            case BOOL -> assertEquals(v.asBoolean(), b.get(i) != 0, at);
            default -> throw new AssertionError(t.type());
            }
        }
    }
}
