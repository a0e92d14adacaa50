package taiyi.workbench.learning.learner.tagger;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Texts the tagger has already cut, folded and described, kept for the next training or prediction
 * over the same texts: {@code taiyi simulate} retrains on a growing set of the same documents and
 * predicts for the same pool and held-out part a hundred times per curve, and without this most of a
 * step went to recomputing what depends on the text alone. Feature names are shared (one string per
 * distinct name), which keeps the cache small and makes the feature index's lookups identity hits.
 *
 * <p>Safe to share between threads (a simulation's curves run in parallel): what it holds for a text
 * does not depend on who prepared it first. It only grows, so it belongs to one run, not to a model
 * that lives on in the workbench.
 */
public final class PreparedTexts {

    private final ConcurrentHashMap<String, PreparedText> byText = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> names = new ConcurrentHashMap<>();

    /** The prepared form of a text, computed on first use. */
    PreparedText of(String text) {
        PreparedText p = byText.get(text);
        if (p == null) {
            p = byText.computeIfAbsent(text, this::prepare);
        }
        return p;
    }

    /** How many texts it holds. */
    public int size() {
        return byText.size();
    }

    private PreparedText prepare(String text) {
        PreparedText fresh = PreparedText.of(text);
        for (String[] unit : fresh.features()) {
            for (int k = 0; k < unit.length; k++) {
                String name = unit[k];
                String shared = names.putIfAbsent(name, name);
                if (shared != null) {
                    unit[k] = shared;
                }
            }
        }
        return fresh;
    }
}
