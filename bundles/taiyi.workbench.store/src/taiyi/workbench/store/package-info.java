/**
 * The corpus database: an embedded H2 file database by default, or a PostgreSQL database a team
 * shares ({@link taiyi.workbench.store.StoreLocation}), holding corpora, documents and their
 * annotation layers, with one schema managed by versioned migrations ({@code db/migration/V<n>__*.sql},
 * applied in order and recorded with checksums; what the two databases spell differently is the
 * migrator's {@code Dialect}, not a second copy of the schema).
 *
 * <p>Every write that imports a file is one transaction: a failure leaves the database as it was.
 * Decisions are recorded per document onto the history the curator saw (optimistic concurrency on
 * the event sequence); a stale one is refused naming who changed what.
 */
package taiyi.workbench.store;
