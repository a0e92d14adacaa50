package taiyi.workbench.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One stored evaluation of a suggestion source against a gold layer: a point of the learning curve.
 *
 * @param source the model or learner id (the suggestions' provenance model id)
 * @param round the round its suggestions were made for
 * @param goldCorpus the corpus whose curated layer was the gold
 * @param curatedDocuments how many curated documents the gold held
 * @param curationMillis how long the curators took over them, from the log's decision durations
 * @param evaluatedAt when the evaluation ran
 * @param tallies the counts by annotation kind and type
 */
public record LearningRecord(String source, int round, String goldCorpus, int curatedDocuments, long curationMillis,
        Instant evaluatedAt, List<TypeTally> tallies) {

    public LearningRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(goldCorpus, "goldCorpus");
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        tallies = List.copyOf(tallies);
        if (round < 0 || curatedDocuments < 0 || curationMillis < 0) {
            throw new IllegalArgumentException("learning record of " + source + " with a negative round, document count or time");
        }
    }

    /**
     * The counts of one type.
     *
     * @param kind {@code mention} or {@code relation}
     * @param type the entity or relation type
     */
    public record TypeTally(String kind, String type, int truePositives, int falsePositives, int falseNegatives) {

        public TypeTally {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(type, "type");
        }
    }
}
