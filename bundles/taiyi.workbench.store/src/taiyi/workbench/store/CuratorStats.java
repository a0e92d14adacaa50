package taiyi.workbench.store;

/**
 * One curator's share of a corpus's correction log, as {@code taiyi stats} prints it.
 *
 * @param curator the name events carry (the database role on PostgreSQL, the OS user on H2)
 * @param decisions events the curator recorded, imports left out
 * @param durationMs the decisions' durations added up (the time the curator spent deciding)
 * @param documents documents the curator decided on
 */
public record CuratorStats(String curator, int decisions, long durationMs, int documents) {
}
