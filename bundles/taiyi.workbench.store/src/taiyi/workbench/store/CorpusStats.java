package taiyi.workbench.store;

import java.util.Map;

/**
 * Counts over a corpus's curated layer, as {@code taiyi stats} prints them.
 *
 * @param corpus the corpus name
 * @param documents documents in the corpus
 * @param mentions curated mentions in all
 * @param relations curated relations in all
 * @param mentionsByType mentions per entity type, by type name
 * @param relationsByType relations per relation type, by type name
 * @param documentsByLanguage documents per language code
 */
public record CorpusStats(String corpus, int documents, int mentions, int relations, Map<String, Integer> mentionsByType,
        Map<String, Integer> relationsByType, Map<String, Integer> documentsByLanguage) {
}
