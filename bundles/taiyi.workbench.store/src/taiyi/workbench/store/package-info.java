/**
 * The corpus database: an embedded H2 file database (the same SQL runs on PostgreSQL) holding
 * corpora, documents and their annotation layers, with its schema managed by versioned migrations
 * ({@code db/migration/V<n>__*.sql}, applied in order and recorded with checksums).
 *
 * <p>Every write that imports a file is one transaction: a failure leaves the database as it was.
 */
package taiyi.workbench.store;
