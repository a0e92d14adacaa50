package taiyi.workbench.inference.djl.qwen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Iterator;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import taiyi.workbench.bench.qwen.RandomWeights;

class RandomWeightsTest {

    /** The Python reference generated these with its own splitmix64; equality proves both sides build the same model. */
    @Test
    void javaGeneratesTheSameFloatsAsThePythonReference() {
        RandomWeights random = new RandomWeights(ReferenceFixture.SEED, false);
        Map<String, long[]> shapes = QwenLayout.shapes(ReferenceFixture.CONFIG);
        for (Iterator<Map.Entry<String, JsonNode>> it = ReferenceFixture.JSON.get("first_values").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            float[] expected = ReferenceFixture.floats(e.getValue());
            float[] all = random.values(e.getKey(), shapes.get(e.getKey()));
            float[] first = java.util.Arrays.copyOf(all, expected.length);
            assertArrayEquals(expected, first, e.getKey());
        }
    }

    @Test
    void bf16RoundingIsToNearestEven() {
        // 1 + 2^-8 lies halfway between bf16 1.0 and 1 + 2^-7: ties go to the even mantissa (1.0)
        assertEquals(0x3f80, RandomWeights.roundToBf16Bits(1f + 1f / 256));
        // 1 + 3 * 2^-8 lies halfway between 1 + 2^-7 and 1 + 2^-6: ties go to 1 + 2^-6
        assertEquals(0x3f82, RandomWeights.roundToBf16Bits(1f + 3f / 256));
        assertEquals(0xbf80, RandomWeights.roundToBf16Bits(-1f));
    }
}
