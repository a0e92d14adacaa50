package taiyi.workbench.inference.djl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import taiyi.workbench.core.runtime.WorkbenchDataFolder;
import taiyi.workbench.inference.djl.PyTorchEngineLoader;
import taiyi.workbench.inference.djl.weights.SafetensorsFile;
import taiyi.workbench.inference.djl.weights.WeightTensor;

/**
 * NF4 with double quantisation against {@code releng/python/lora_reference.py}'s implementation of
 * the published algorithm (fixture {@code train/nf4-reference.safetensors}: a [96, 192] tensor with
 * an all-zero block, an outlier and a partial last block of scales), bit for bit.
 */
class Nf4ReferenceTest {

    static SafetensorsFile fixture;

    @BeforeAll
    static void open() throws IOException {
        PyTorchEngineLoader.load(WorkbenchDataFolder.resolve().engineCache());
        fixture = SafetensorsFile.open(Path.of(System.getProperty("taiyi.djl.fixtures"), "train", "nf4-reference.safetensors"));
    }

    static float[] floats(String name) {
        WeightTensor t = fixture.get(name);
        float[] out = new float[Math.toIntExact(t.elementCount())];
        t.data().duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    static byte[] bytes(String name) {
        ByteBuffer b = fixture.get(name).data().duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }

    static Nf4Tensor quantised() {
        return Nf4Tensor.quantise(floats("input"), new long[] {96, 192});
    }

    @Test
    void theDynamicMapIsTheReferences() {
        assertArrayEquals(bits(floats("dynamic_map")), bits(DynamicMap.VALUES));
    }

    @Test
    void quantisedStateIsTheReferences() {
        Nf4Tensor t = quantised();
        assertArrayEquals(bytes("packed"), t.packed());
        assertArrayEquals(bytes("absmax_codes"), t.absmaxCodes());
        assertArrayEquals(bits(floats("absmax_scales")), bits(t.absmaxScales()));
        assertEquals(Float.floatToRawIntBits(floats("offset")[0]), Float.floatToRawIntBits(t.offset()));
        assertEquals(288, t.absmaxCodes().length, "18432 values make 288 blocks of 64");
        assertEquals(2, t.absmaxScales().length, "288 scales make one full and one partial block of 256");
    }

    @Test
    void dequantisedInJavaIsTheReferences() {
        assertArrayEquals(bits(floats("dequantised")), bits(quantised().dequantise()));
    }

    @Test
    void dequantisedOnTheEngineIsTheReferences() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), PyTorchEngineLoader.ENGINE_NAME)) {
            Nf4Weight w = new Nf4Weight(manager, quantised());
            NDArray values = w.dequantise(manager);
            assertEquals(new ai.djl.ndarray.types.Shape(96, 192), values.getShape());
            assertArrayEquals(bits(floats("dequantised")), bits(values.toFloatArray()));
        }
    }

    @Test
    void aZeroBlockStaysZeroAndStorageIsAboutHalfAByteAParameter() {
        Nf4Tensor t = quantised();
        float[] back = t.dequantise();
        for (int i = 0; i < 64; i++) {
            assertEquals(0f, back[i], "the all-zero first block");
        }
        double perParameter = (double) t.bytes() / t.count();
        assertTrue(perParameter < 0.52 && perParameter > 0.5, "bytes per parameter " + perParameter);
    }
}
