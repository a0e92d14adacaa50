package taiyi.workbench.inference.djl.train;

import java.nio.charset.StandardCharsets;

/**
 * splitmix64, the seeded stream behind the trainer's data order, LoRA A's initial values and the
 * dropout masks: small, fast and easy to write identically in the Python reference.
 */
public final class SplitMix64 {

    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    public long next() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A double in [0, 1) from the top 24 bits (exact in float and double). */
    public double nextUnit() {
        return (next() >>> 40) * (1.0 / (1 << 24));
    }

    /** FNV-1a 64 of the UTF-8 bytes, to give each named tensor its own stream. */
    public static long fnv1a64(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** A permutation of {@code 0..n-1}: Fisher-Yates from the end, {@code j = (next >>> 1) mod (i + 1)}. */
    public static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplitMix64 rng = new SplitMix64(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = (int) ((rng.next() >>> 1) % (i + 1));
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
