package taiyi.workbench.learning.queue;

import java.util.List;

/** The strategies by the names preferences and {@code taiyi queue --strategy} use. */
public final class QueueStrategies {

    /** Every name, the default ({@code margin}) first. */
    public static final List<String> NAMES = List.of(MarginStrategy.ID, RandomStrategy.ID, LeastConfidenceStrategy.ID,
            MnlpStrategy.ID, MarginPerTokenStrategy.ID, DisagreementStrategy.ID, DiversityStrategy.ID, CostAwareStrategy.ID);

    private QueueStrategies() {
    }

    /**
     * The strategy of that name. Diversity and cost-aware ranking refine margin, the default.
     *
     * @param seed the random order's seed (for {@code random}; exploration has its own)
     * @throws IllegalArgumentException naming the known strategies when the name is none of them
     */
    public static QueueStrategy named(String name, long seed) {
        return switch (name) {
            case MarginStrategy.ID -> new MarginStrategy();
            case RandomStrategy.ID -> new RandomStrategy(seed);
            case LeastConfidenceStrategy.ID -> new LeastConfidenceStrategy();
            case MnlpStrategy.ID -> new MnlpStrategy();
            case MarginPerTokenStrategy.ID -> new MarginPerTokenStrategy();
            case DisagreementStrategy.ID -> new DisagreementStrategy();
            case DiversityStrategy.ID -> new DiversityStrategy(new MarginStrategy(), DiversityStrategy.DEFAULT_THRESHOLD);
            case CostAwareStrategy.ID -> new CostAwareStrategy(new MarginStrategy());
            default -> throw new IllegalArgumentException("unknown queue strategy '" + name + "' (known: "
                    + String.join(", ", NAMES) + ")");
        };
    }
}
