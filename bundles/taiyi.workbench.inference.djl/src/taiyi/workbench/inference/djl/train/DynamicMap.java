package taiyi.workbench.inference.djl.train;

import java.util.Arrays;

/**
 * The signed 8-bit dynamic code bitsandbytes quantises NF4's block scales with
 * ({@code create_dynamic_map(signed=True, max_exponent_bits=7, total_bits=8)}): for each decade
 * {@code 1e-6 .. 1e0}, the midpoints of {@code 2^i + 1} evenly spaced bounds in {@code [0.1, 1]},
 * both signs, plus 0 and 1; 256 values, computed in double, rounded to float32, ascending.
 */
final class DynamicMap {

    static final float[] VALUES = create();

    private DynamicMap() {
    }

    private static float[] create() {
        double[] data = new double[256];
        int n = 0;
        for (int i = 0; i < 7; i++) {
            int bounds = (1 << i) + 1;
            double step = (1.0 - 0.1) / (bounds - 1);
            // a decimal literal, parsed, so both this and the Python reference get the correctly rounded double
            double scale = Double.parseDouble("1e" + (i - 6));
            for (int k = 0; k < bounds - 1; k++) {
                double mean = ((0.1 + k * step) + (0.1 + (k + 1) * step)) / 2.0;
                data[n++] = scale * mean;
                data[n++] = -(scale * mean);
            }
        }
        data[n++] = 0.0;
        data[n++] = 1.0;
        if (n != 256) {
            throw new IllegalStateException("dynamic map has " + n + " values");
        }
        float[] values = new float[256];
        for (int i = 0; i < 256; i++) {
            values[i] = (float) data[i];
        }
        Arrays.sort(values);
        return values;
    }
}
