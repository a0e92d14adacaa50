package taiyi.workbench.learning.export;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a written round holds, as its manifest counts it.
 *
 * @param folder where the round is
 * @param documents source documents rendered
 * @param train conversations in {@code train.jsonl}, replayed ones included
 * @param validation conversations in {@code validation.jsonl}
 * @param replayed replayed conversations in {@code train.jsonl}
 * @param byTaskAndLanguage new conversations by {@code task/language}, e.g. {@code NER/en}
 * @param drops what was left out, by reason
 * @param inexpressible curated items the answers cannot give back, by reason
 */
public record RoundSummary(Path folder, int documents, int train, int validation, int replayed,
        Map<String, Integer> byTaskAndLanguage, Map<String, Integer> drops, Map<String, Integer> inexpressible) {

    public RoundSummary {
        byTaskAndLanguage = Map.copyOf(byTaskAndLanguage);
        drops = Map.copyOf(drops);
        inexpressible = Map.copyOf(inexpressible);
    }
}
