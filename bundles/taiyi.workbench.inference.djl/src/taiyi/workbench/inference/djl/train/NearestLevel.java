package taiyi.workbench.inference.djl.train;

/**
 * Rounds a float to the nearest of an ascending list of levels, deciding against the float32
 * midpoints between neighbours (a value exactly on a midpoint goes to the lower level), the rule
 * both NF4 and its scales' 8-bit code use.
 */
final class NearestLevel {

    private final float[] midpoints;

    NearestLevel(float[] levels) {
        midpoints = new float[levels.length - 1];
        for (int i = 0; i < midpoints.length; i++) {
            midpoints[i] = (levels[i] + levels[i + 1]) / 2f;
        }
    }

    int index(float x) {
        int lo = 0;
        int hi = midpoints.length;
        // the number of midpoints strictly below x
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x > midpoints[mid]) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
