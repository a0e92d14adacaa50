package taiyi.workbench.inference;

/**
 * The mention attributes in which a suggestion keeps how sure its source was beyond its one score,
 * read back by the curation queue. A source that lacks a figure leaves its attribute out.
 */
public final class ScoreAttributes {

    /** The lowest log-probability of the tokens that wrote the mention. */
    public static final String MIN = "score.min";
    /**
     * Best minus runner-up probability at the token of the mention where the model hesitated most
     * (the smallest such difference among the tokens that wrote it), in [0, 1].
     */
    public static final String MARGIN = "score.margin";
    /** The runner-up's probability at that token, in [0, 1]. */
    public static final String RUNNER_UP = "score.runnerUp";
    /**
     * Present ({@code true}) when the source reported no log-probabilities (an endpoint that does not
     * return them): the suggestion's score is then a stand-in 0, not the model's confidence, and the
     * queue must not rank it as sure.
     */
    public static final String UNKNOWN = "score.unknown";
    /** What the source would have said instead (another type, or {@code O} for no mention), when it knows. */
    public static final String RUNNER_UP_LABEL = "runnerUp";

    private ScoreAttributes() {
    }
}
