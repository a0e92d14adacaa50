package taiyi.workbench.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import taiyi.workbench.core.curation.AnnotationSet;
import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.model.AnnotationLayer;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.core.model.Language;

/**
 * The documents of a store's corpora: importing them (one transaction a file), reading them whole,
 * as a body without layers or as summaries, and each corpus's label schema.
 */
public final class DocumentStore {

    private final CorpusStore store;

    DocumentStore(CorpusStore store) {
        this.store = store;
    }
    /**
     * Adds documents to a corpus (created if it does not exist) in one transaction: either all of
     * them are stored or, on any failure, none. The corpus label schema gains the types the
     * documents use that it lacks.
     *
     * @param source what the documents came from, named in error messages
     * @return the number of documents stored
     */
    public int importDocuments(String corpus, List<Document> documents, String source) {
        Set<String> seen = new HashSet<>();
        for (Document d : documents) {
            if (!seen.add(d.id())) {
                throw new StoreException(source + ": document " + d.id() + " occurs twice; nothing was imported");
            }
        }
        int imported = store.inTransaction("import of " + source + " into corpus '" + corpus + "' failed, nothing was imported", c -> {
            long corpusId = CorpusStore.corpusId(c, corpus, true);
            Set<String> existing = new HashSet<>();
            Jdbc.query(c, "SELECT external_id FROM document WHERE corpus_id = ?", ps -> ps.setLong(1, corpusId),
                    rs -> existing.add(rs.getString(1)));
            for (Document d : documents) {
                if (existing.contains(d.id())) {
                    throw new StoreException(source + ": document " + d.id() + " is already in corpus '" + corpus
                            + "'; nothing was imported");
                }
            }
            CorrectionLog log = new CorrectionLog(c, store.events());
            String user = store.curator();
            try (DocumentInserter inserter = new DocumentInserter(c)) {
                inserter.insert(corpusId, documents, AnnotationLayer.CURATED, (d, docId) -> log.startLog(docId, d.id(),
                        new AnnotationSet(d.mentions(), d.relations()), user, "import:" + source));
            }
            SchemaTypes.save(c, corpusId, SchemaTypes.load(c, corpusId).union(LabelSchema.inferredFrom(documents)));
            return documents.size();
        });
        store.changed(corpus, documents.stream().map(Document::id).toList());
        return imported;
    }

    /**
     * Removes a corpus with everything it holds (documents, both layers, logs) in one transaction;
     * false when there is no such corpus.
     */
    public boolean deleteCorpus(String corpus) {
        List<String> ids = summaries(corpus).stream().map(DocumentSummary::id).toList();
        boolean deleted = store.inTransaction("cannot delete corpus '" + corpus + "'", c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("DELETE FROM corpus WHERE name = ?")) {
                ps.setString(1, corpus);
                return ps.executeUpdate() == 1;
            }
        });
        if (deleted) {
            store.changed(corpus, ids);
        }
        return deleted;
    }

    /** Replaces a corpus's label schema (display names, order); the corpus must exist. */
    public void setSchema(String corpus, LabelSchema schema) {
        store.inTransaction("cannot save the label schema of corpus '" + corpus + "'", c -> {
            SchemaTypes.save(c, CorpusStore.existingCorpusId(c, corpus), schema);
            return null;
        });
    }

    /**
     * Records the terms a corpus may be used under (a blank licence clears it); the corpus must exist.
     * A round export copies it into its manifest.
     */
    public void setLicence(String corpus, String licence) {
        store.inTransaction("cannot save the licence of corpus '" + corpus + "'", c -> {
            long id = CorpusStore.existingCorpusId(c, corpus);
            Jdbc.update(c, "UPDATE corpus SET licence = ? WHERE id = ?", ps -> {
                ps.setString(1, licence == null || licence.isBlank() ? null : licence.strip());
                ps.setLong(2, id);
            });
            return null;
        });
    }

    /** The licence recorded for a corpus, if any. */
    public Optional<String> licence(String corpus) {
        return store.read("cannot read the licence of corpus '" + corpus + "'", c -> {
            long id = CorpusStore.existingCorpusId(c, corpus);
            String[] licence = {null};
            Jdbc.query(c, "SELECT licence FROM corpus WHERE id = ?", ps -> ps.setLong(1, id), rs -> licence[0] = rs.getString(1));
            return Optional.ofNullable(licence[0]);
        });
    }

    /** The label schema of a corpus. */
    public LabelSchema schema(String corpus) {
        return store.read("cannot read the label schema of corpus '" + corpus + "'",
                c -> SchemaTypes.load(c, CorpusStore.existingCorpusId(c, corpus)));
    }

    /** The documents of a corpus in import order. */
    public List<DocumentSummary> summaries(String corpus) {
        String sql = "SELECT d.external_id, d.language, SUBSTRING(d.body, 1, 200), "
                + "(SELECT COUNT(*) FROM entity_mention m WHERE m.document_id = d.id AND m.layer = '" + AnnotationLayer.CURATED.id() + "'), "
                + "(SELECT COUNT(*) FROM relation r WHERE r.document_id = d.id AND r.layer = '" + AnnotationLayer.CURATED.id() + "'), "
                + "COALESCE(s.state, 'NEW') "
                + "FROM document d JOIN corpus c ON d.corpus_id = c.id LEFT JOIN curation_state s ON s.document_id = d.id "
                + "WHERE c.name = ? ORDER BY d.id";
        List<DocumentSummary> out = new ArrayList<>();
        store.read("cannot list the documents of corpus '" + corpus + "'", c -> {
            Jdbc.query(c, sql, ps -> ps.setString(1, corpus), rs -> out.add(new DocumentSummary(corpus, rs.getString(1),
                    Language.fromCode(rs.getString(2)), titleOf(rs.getString(3)), rs.getInt(4), rs.getInt(5),
                    CurationState.valueOf(rs.getString(6)))));
            return null;
        });
        return out;
    }

    /** A whole document with its curated annotations. */
    public Optional<Document> document(String corpus, String id) {
        return store.read("cannot load document " + id + " of corpus '" + corpus + "'",
                c -> new DocumentLoader(c).load(corpus, id, AnnotationLayer.CURATED));
    }

    /**
     * A document's text, language, passages, metadata and labels without its annotation layers: what
     * an editor opens, which takes the curated layer from the fold of the log instead (reading the
     * 5,000 curated mentions of a large document as well cost 40–80 ms of its opening).
     */
    public Optional<Document> documentBody(String corpus, String id) {
        return store.read("cannot load document " + id + " of corpus '" + corpus + "'",
                c -> new DocumentLoader(c).load(corpus, id, null));
    }

    /**
     * Every document of a corpus with its curated annotations, in import order (for export, and for
     * the relation graph of a corpus): one query per table for the whole corpus.
     */
    public List<Document> allDocuments(String corpus) {
        return store.read("cannot load corpus '" + corpus + "'",
                c -> new DocumentLoader(c).loadCorpus(CorpusStore.existingCorpusId(c, corpus), AnnotationLayer.CURATED));
    }

    private static String titleOf(String head) {
        int nl = head.indexOf('\n');
        String line = nl >= 0 ? head.substring(0, nl) : head;
        return line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }
}
