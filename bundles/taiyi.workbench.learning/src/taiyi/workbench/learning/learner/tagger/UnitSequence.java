package taiyi.workbench.learning.learner.tagger;

/**
 * A text's units as the CRF sees them: the feature ids of unit {@code u} are
 * {@code features[offsets[u]]} up to {@code features[offsets[u + 1]]} (one flat array, so a pass over
 * the training data walks memory in order).
 *
 * @param offsets where each unit's ids begin, one more entry than there are units
 * @param features the ids, unit after unit, each unit's ascending
 */
record UnitSequence(int[] offsets, int[] features) {

    int size() {
        return offsets.length - 1;
    }

    /** The units {@code from} (inclusive) to {@code to} (exclusive), as a sequence of their own. */
    UnitSequence slice(int from, int to) {
        int[] o = new int[to - from + 1];
        int base = offsets[from];
        for (int u = from; u <= to; u++) {
            o[u - from] = offsets[u] - base;
        }
        return new UnitSequence(o, java.util.Arrays.copyOfRange(features, base, offsets[to]));
    }
}
