package taiyi.workbench.inference.djl.train;

import java.util.List;

/**
 * A micro-batch: its examples right-padded to the longest (with id 0, which the causal mask keeps
 * out of every real token's sight), and the loss targets: for each trained token, the flat
 * position {@code row * length + t} that predicts it and the token itself.
 */
public record TrainingBatch(int rows, int length, long[] ids, long[] targetPositions, long[] targetTokens) {

    public static TrainingBatch of(List<TrainingExample> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one example");
        }
        int length = 0;
        int targets = 0;
        for (TrainingExample e : examples) {
            length = Math.max(length, e.length());
            targets += e.trainedTokens();
        }
        long[] ids = new long[examples.size() * length];
        long[] positions = new long[targets];
        long[] tokens = new long[targets];
        int n = 0;
        for (int r = 0; r < examples.size(); r++) {
            TrainingExample e = examples.get(r);
            for (int t = 0; t < e.length(); t++) {
                ids[r * length + t] = e.ids()[t];
                if (t > 0 && e.trained()[t]) {
                    positions[n] = (long) r * length + t - 1;
                    tokens[n++] = e.ids()[t];
                }
            }
        }
        return new TrainingBatch(examples.size(), length, ids, positions, tokens);
    }

    /** Positions in the batch, padding included: rows × length. */
    public long tokens() {
        return (long) rows * length;
    }
}
