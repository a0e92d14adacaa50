/**
 * The domain model every other bundle shares: corpora, documents, entity mentions with one or more
 * character spans, relations and languages; the two {@link taiyi.workbench.core.model.AnnotationLayer}s
 * a document's annotations live in, and the {@link taiyi.workbench.core.model.Provenance} of what a
 * model suggested.
 *
 * <p>Offsets are UTF-16 {@code char} indices into {@link taiyi.workbench.core.model.Document#text()},
 * Java's native unit; formats that count code points or bytes convert at their edge. The types are
 * immutable values that check their own invariants on construction, so a document that exists is a
 * consistent one: every span lies inside its text and every relation names mentions it holds.
 */
package taiyi.workbench.core.model;
