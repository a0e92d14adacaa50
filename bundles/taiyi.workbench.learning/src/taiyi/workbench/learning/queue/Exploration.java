package taiyi.workbench.learning.queue;

/**
 * The share of the queue given to random picks, so that uncertainty sampling does not keep offering
 * the same entity in the same context (INCEpTION #3426, #253). The share is highest at cold start,
 * when the models know little and their uncertainty means little: with nothing curated every pick is
 * random, and the share falls linearly to the configured one as the first {@code warmUpDocuments}
 * documents are curated.
 *
 * @param share the share of random picks once warmed up, in [0, 1]
 * @param warmUpDocuments how many curated documents end the cold start; 0 for no cold start
 */
public record Exploration(double share, int warmUpDocuments) {

    /** A tenth of the queue random, all of it before any document is curated, warm after 20. */
    public static final Exploration DEFAULT = new Exploration(0.1, 20);
    /** No random picks at all, whatever has been curated: the strategy alone. */
    public static final Exploration NONE = new Exploration(0, 0);

    public Exploration {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("the exploration share must lie in [0, 1], not " + share);
        }
        if (warmUpDocuments < 0) {
            throw new IllegalArgumentException("warmUpDocuments is negative: " + warmUpDocuments);
        }
    }

    /** The share in force once {@code curated} documents are curated. */
    public double shareAt(int curated) {
        if (curated >= warmUpDocuments) {
            return share;
        }
        double cold = 1 - (double) curated / warmUpDocuments;
        return share + (1 - share) * cold;
    }

    /**
     * Whether the 1-based {@code slot} of the queue is a random pick under share {@code share}: the
     * slots where {@code floor(slot × share)} steps up, so exactly {@code floor(n × share)} of the
     * first n slots are random and they are spread evenly (share 0.25: slots 4, 8, 12, ...).
     */
    public static boolean isRandomSlot(int slot, double share) {
        return Math.floor(slot * share + 1e-9) > Math.floor((slot - 1) * share + 1e-9);
    }
}
