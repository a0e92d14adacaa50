package taiyi.workbench.ui.queue;

import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import taiyi.workbench.learning.queue.CurationQueue;
import taiyi.workbench.learning.queue.Exploration;
import taiyi.workbench.learning.queue.QueueStrategies;
import taiyi.workbench.ui.preferences.ModelPreferences;

/**
 * The queue's preferences: which strategy ranks, the share of random picks once warmed up and how
 * many done documents end the cold start; read from the instance scope over the defaults, kept in the
 * same node as the model's preferences.
 *
 * @param strategy a name of {@link QueueStrategies#NAMES}
 * @param exploration the share of random picks, in [0, 1]
 * @param warmUp done documents that end the cold start
 */
public record QueuePreferences(String strategy, double exploration, int warmUp) {

    public static final String STRATEGY = "queue.strategy";
    public static final String EXPLORATION = "queue.exploration";
    public static final String WARM_UP = "queue.warmUp";

    /** The random picks' seed: fixed, so the queue stays put until the corpus changes. */
    static final long SEED = 0;

    /** The preferences as they are now; a value someone mistyped into the node falls back to its default. */
    public static QueuePreferences current() {
        IEclipsePreferences instance = InstanceScope.INSTANCE.getNode(ModelPreferences.QUALIFIER);
        String strategy = instance.get(STRATEGY, QueueStrategies.NAMES.get(0));
        double exploration = instance.getDouble(EXPLORATION, Exploration.DEFAULT.share());
        int warmUp = instance.getInt(WARM_UP, Exploration.DEFAULT.warmUpDocuments());
        if (!QueueStrategies.NAMES.contains(strategy)) {
            strategy = QueueStrategies.NAMES.get(0);
        }
        if (!(exploration >= 0 && exploration <= 1)) {
            exploration = Exploration.DEFAULT.share();
        }
        return new QueuePreferences(strategy, exploration, Math.max(0, warmUp));
    }

    /** The store the preference page edits. */
    static IPreferenceStore store() {
        return new ScopedPreferenceStore(InstanceScope.INSTANCE, ModelPreferences.QUALIFIER);
    }

    /** Writes the defaults into the default scope (the page's "Restore Defaults" shows them). */
    public static void initializeDefaults() {
        IEclipsePreferences d = DefaultScope.INSTANCE.getNode(ModelPreferences.QUALIFIER);
        d.put(STRATEGY, QueueStrategies.NAMES.get(0));
        d.putDouble(EXPLORATION, Exploration.DEFAULT.share());
        d.putInt(WARM_UP, Exploration.DEFAULT.warmUpDocuments());
    }

    /** The queue these preferences describe. */
    public CurationQueue queue() {
        return new CurationQueue(QueueStrategies.named(strategy, SEED), new Exploration(exploration, warmUp), SEED);
    }
}
