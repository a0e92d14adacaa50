package taiyi.workbench.learning.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import taiyi.workbench.store.LearningRecord;
import taiyi.workbench.store.LearningRecord.TypeTally;

/**
 * One source's scores against a gold layer, with how much curation that gold cost: a point of the
 * learning curve.
 *
 * @param source whose suggestions were scored
 * @param goldCorpus the corpus whose curated layer was the gold
 * @param curatedDocuments how many gold documents were scored
 * @param curationMillis the decision durations the curators spent on them
 * @param mentions exact span-and-type scores by entity type
 * @param relations exact (head, tail, type) scores by relation type
 */
public record Evaluation(SuggestionSource source, String goldCorpus, int curatedDocuments, long curationMillis,
        ScoreTable mentions, ScoreTable relations) {

    static final String MENTION = "mention";
    static final String RELATION = "relation";

    public Evaluation {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(goldCorpus, "goldCorpus");
        Objects.requireNonNull(mentions, "mentions");
        Objects.requireNonNull(relations, "relations");
    }

    public double curationHours() {
        return curationMillis / 3_600_000.0;
    }

    /** This evaluation as a row of the learning record. */
    public LearningRecord toRecord(Instant evaluatedAt) {
        List<TypeTally> tallies = new ArrayList<>();
        mentions.byType().forEach((type, t) -> tallies.add(tally(MENTION, type, t)));
        relations.byType().forEach((type, t) -> tallies.add(tally(RELATION, type, t)));
        return new LearningRecord(source.id(), source.round(), goldCorpus, curatedDocuments, curationMillis, evaluatedAt, tallies);
    }

    /** An evaluation read back from the learning record. */
    public static Evaluation of(LearningRecord record) {
        Map<String, Tally> mentions = new TreeMap<>();
        Map<String, Tally> relations = new TreeMap<>();
        for (TypeTally t : record.tallies()) {
            Tally tally = new Tally(t.truePositives(), t.falsePositives(), t.falseNegatives());
            switch (t.kind()) {
                case MENTION -> mentions.put(t.type(), tally);
                case RELATION -> relations.put(t.type(), tally);
                default -> throw new IllegalArgumentException("learning record of " + record.source() + ": unknown kind '" + t.kind() + "'");
            }
        }
        return new Evaluation(new SuggestionSource(record.source(), record.round()), record.goldCorpus(), record.curatedDocuments(),
                record.curationMillis(), new ScoreTable(mentions), new ScoreTable(relations));
    }

    private static TypeTally tally(String kind, String type, Tally t) {
        return new TypeTally(kind, type, t.truePositives(), t.falsePositives(), t.falseNegatives());
    }
}
