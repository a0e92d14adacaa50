package taiyi.workbench.inference.djl.train;

/**
 * One tokenised training sequence: the tokens from {@code promptLength} on are the assistant's and
 * carry the loss, each predicted from the position before it; the tokens before are context only.
 * A conversation of several turns is flattened to one sequence and masked by
 * {@link #trained}; {@code promptLength} alone covers the one-turn case.
 */
public record TrainingExample(int[] ids, boolean[] trained) {

    public TrainingExample {
        if (ids.length != trained.length) {
            throw new IllegalArgumentException(ids.length + " ids but " + trained.length + " flags");
        }
    }

    /** The assistant's tokens are those from {@code promptLength} on. */
    public static TrainingExample withPrompt(int[] ids, int promptLength) {
        boolean[] t = new boolean[ids.length];
        for (int i = Math.max(1, promptLength); i < ids.length; i++) {
            t[i] = true;
        }
        return new TrainingExample(ids, t);
    }

    public int length() {
        return ids.length;
    }

    /** Tokens that carry the loss (the first token never does: nothing predicts it). */
    public int trainedTokens() {
        int n = 0;
        for (int i = 1; i < trained.length; i++) {
            n += trained[i] ? 1 : 0;
        }
        return n;
    }
}
