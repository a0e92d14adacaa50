package taiyi.workbench.store;

/**
 * A corpus as the navigator lists it.
 *
 * @param name the corpus name, unique in the database
 * @param documents how many documents it holds
 * @param mentions how many curated entity mentions its documents hold
 */
public record CorpusSummary(String name, int documents, int mentions) {
}
