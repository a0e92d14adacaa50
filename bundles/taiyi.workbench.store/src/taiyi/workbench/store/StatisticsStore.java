package taiyi.workbench.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.DecisionTime;
import taiyi.workbench.core.model.AnnotationLayer;

/** Counts over a store's corpora: what a navigator lists and {@code taiyi stats} prints. */
public final class StatisticsStore {

    private final CorpusStore store;

    StatisticsStore(CorpusStore store) {
        this.store = store;
    }
    /** Every corpus with its counts, by name. */
    public List<CorpusSummary> corpora() {
        String sql = "SELECT c.name, "
                + "(SELECT COUNT(*) FROM document d WHERE d.corpus_id = c.id), "
                + "(SELECT COUNT(*) FROM entity_mention m JOIN document d ON m.document_id = d.id "
                + "  WHERE d.corpus_id = c.id AND m.layer = '" + AnnotationLayer.CURATED.id() + "') "
                + "FROM corpus c ORDER BY c.name";
        List<CorpusSummary> out = new ArrayList<>();
        store.read("cannot list corpora", c -> {
            Jdbc.query(c, sql, ps -> { }, rs -> out.add(new CorpusSummary(rs.getString(1), rs.getInt(2), rs.getInt(3))));
            return null;
        });
        return out;
    }

    /** Counts of a corpus's documents and curated annotations. */
    public CorpusStats stats(String corpus) {
        return store.read("cannot count corpus '" + corpus + "'", c -> {
            long corpusId = CorpusStore.existingCorpusId(c, corpus);
            Map<String, Integer> byType = new TreeMap<>();
            Map<String, Integer> byRelation = new TreeMap<>();
            Map<String, Integer> byLanguage = new TreeMap<>();
            Jdbc.query(c, "SELECT m.entity_type, COUNT(*) FROM entity_mention m JOIN document d ON m.document_id = d.id "
                    + "WHERE d.corpus_id = ? AND m.layer = ? GROUP BY m.entity_type", ps -> {
                        ps.setLong(1, corpusId);
                        ps.setString(2, AnnotationLayer.CURATED.id());
                    }, rs -> byType.put(rs.getString(1), rs.getInt(2)));
            Jdbc.query(c, "SELECT r.relation_type, COUNT(*) FROM relation r JOIN document d ON r.document_id = d.id "
                    + "WHERE d.corpus_id = ? AND r.layer = ? GROUP BY r.relation_type", ps -> {
                        ps.setLong(1, corpusId);
                        ps.setString(2, AnnotationLayer.CURATED.id());
                    }, rs -> byRelation.put(rs.getString(1), rs.getInt(2)));
            Jdbc.query(c, "SELECT language, COUNT(*) FROM document WHERE corpus_id = ? GROUP BY language",
                    ps -> ps.setLong(1, corpusId), rs -> byLanguage.put(rs.getString(1), rs.getInt(2)));
            int documents = byLanguage.values().stream().mapToInt(Integer::intValue).sum();
            return new CorpusStats(corpus, documents, byType.values().stream().mapToInt(Integer::intValue).sum(),
                    byRelation.values().stream().mapToInt(Integer::intValue).sum(), byType, byRelation, byLanguage);
        });
    }

    /** Decisions and time per curator in a corpus's logs, by curator name; imports are not decisions ({@link DecisionTime}). */
    public List<CuratorStats> curators(String corpus) {
        return store.read("cannot count the curators of corpus '" + corpus + "'", c -> {
            long corpusId = CorpusStore.existingCorpusId(c, corpus);
            Map<String, DecisionTime> time = new TreeMap<>();
            Map<String, Set<Long>> documents = new HashMap<>();
            Jdbc.query(c, "SELECT e.user_name, e.action, e.duration_ms, e.document_id "
                    + "FROM correction_event e JOIN document d ON e.document_id = d.id WHERE d.corpus_id = ?",
                    ps -> ps.setLong(1, corpusId), rs -> {
                        CorrectionAction action = CorrectionAction.valueOf(rs.getString(2));
                        if (DecisionTime.counts(action)) {
                            String curator = rs.getString(1);
                            time.put(curator, time.getOrDefault(curator, DecisionTime.NONE).plus(action, rs.getLong(3)));
                            documents.computeIfAbsent(curator, k -> new HashSet<>()).add(rs.getLong(4));
                        }
                    });
            List<CuratorStats> out = new ArrayList<>();
            time.forEach((curator, t) -> out.add(new CuratorStats(curator, t.decisions(), t.millis(), documents.get(curator).size())));
            return out;
        });
    }
}
