package taiyi.workbench.learning.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.function.Predicate;

import taiyi.workbench.core.curation.AnnotationSet;
import taiyi.workbench.core.curation.DecisionTime;
import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.learning.CuratedCorpus;
import taiyi.workbench.learning.CuratedDocument;
import taiyi.workbench.learning.DocumentSelection;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.StoreException;
import taiyi.workbench.store.SuggestionStore.SuggestionLayer;

/**
 * Scores the suggestion sources of a corpus against a gold layer: by default the corpus's own
 * documents marked done, or every document of another corpus holding the same documents (an imported
 * gold corpus, whose documents are never marked done). Every gold document counts for every source:
 * a document a source left without suggestions scores as all misses.
 */
public final class CorpusEvaluator {

    private final CorpusStore store;

    public CorpusEvaluator(CorpusStore store) {
        this.store = store;
    }

    /**
     * Evaluates the sources found in the corpus's suggestion layer, in source and round order.
     *
     * @param corpus the corpus whose suggestions are scored
     * @param goldCorpus another corpus whose curated layer is the gold, or empty for the corpus's done documents
     * @param source only this model or learner id, or empty for all
     * @param round only this round, or empty for all
     * @throws StoreException when a corpus does not exist
     * @throws IllegalArgumentException when the gold is empty or the corpus lacks a gold document
     */
    public List<Evaluation> evaluate(String corpus, Optional<String> goldCorpus, Optional<String> source, OptionalInt round) {
        Gold gold = gold(corpus, goldCorpus);
        TreeSet<SuggestionSource> sources = new TreeSet<>();
        for (SuggestionLayer layer : gold.layers().values()) {
            layer.mentions().forEach(s -> sources.add(SuggestionSource.of(s.provenance())));
            layer.relations().forEach(s -> sources.add(SuggestionSource.of(s.provenance())));
        }
        List<Evaluation> out = new ArrayList<>();
        for (SuggestionSource s : sources) {
            if (source.isPresent() && !source.get().equals(s.id()) || round.isPresent() && round.getAsInt() != s.round()) {
                continue;
            }
            out.add(score(gold, s, s::made));
        }
        return out;
    }

    /**
     * Scores the suggestions a provenance test picks out (say, those made with one adapter, which
     * the source id and round alone do not tell from the base model's), as one source.
     *
     * @param as the source the evaluation is recorded as
     * @return empty when no suggestion of the gold documents passes the test
     * @throws StoreException when a corpus does not exist
     * @throws IllegalArgumentException when the gold is empty or the corpus lacks a gold document
     */
    public Optional<Evaluation> evaluate(String corpus, Optional<String> goldCorpus, SuggestionSource as, Predicate<Provenance> made) {
        Gold gold = gold(corpus, goldCorpus);
        boolean any = gold.layers().values().stream().anyMatch(l -> l.mentions().stream().anyMatch(s -> made.test(s.provenance()))
                || l.relations().stream().anyMatch(s -> made.test(s.provenance())));
        return any ? Optional.of(score(gold, as, made)) : Optional.empty();
    }

    /** The gold documents with the corpus's suggestion layers over them, and what their curation cost. */
    private record Gold(String corpus, List<CuratedDocument> documents, Map<String, SuggestionLayer> layers, long curationMillis) {
    }

    private Gold gold(String corpus, Optional<String> goldCorpus) {
        String gold = goldCorpus.orElse(corpus);
        List<CuratedDocument> golds = CuratedCorpus.read(store, gold, goldCorpus.isPresent() ? DocumentSelection.ALL : DocumentSelection.DONE);
        if (golds.isEmpty()) {
            throw new IllegalArgumentException(goldCorpus.isPresent() ? "gold corpus '" + gold + "' has no documents"
                    : "corpus '" + corpus + "' has no document marked done to evaluate against (mark some done, or give --gold-corpus)");
        }
        Map<String, SuggestionLayer> layers = new LinkedHashMap<>();
        long curationMillis = 0;
        for (CuratedDocument d : golds) {
            String id = d.document().id();
            if (store.documents().documentBody(corpus, id).isEmpty()) {
                throw new IllegalArgumentException("corpus '" + corpus + "' has no document " + id + " of gold corpus '" + gold + "'");
            }
            layers.put(id, store.suggestions().suggestionLayer(corpus, id));
            curationMillis += DecisionTime.of(store.log().events(gold, id)).millis();
        }
        return new Gold(gold, golds, layers, curationMillis);
    }

    private static Evaluation score(Gold gold, SuggestionSource as, Predicate<Provenance> made) {
        ExactMatchScorer scorer = new ExactMatchScorer();
        for (CuratedDocument d : gold.documents()) {
            SuggestionLayer layer = gold.layers().get(d.document().id());
            scorer.add(new AnnotationSet(d.document().mentions(), d.document().relations()), predicted(layer, made));
        }
        return new Evaluation(as, gold.corpus(), gold.documents().size(), gold.curationMillis(), scorer.mentions(), scorer.relations());
    }

    /** The suggestions one source made for a document, as an annotation layer. */
    static AnnotationSet predicted(SuggestionLayer layer, SuggestionSource source) {
        return predicted(layer, source::made);
    }

    private static AnnotationSet predicted(SuggestionLayer layer, Predicate<Provenance> made) {
        List<EntityMention> mentions = new ArrayList<>();
        for (Suggestion s : layer.mentions()) {
            if (made.test(s.provenance())) {
                mentions.add(s.mention());
            }
        }
        List<Relation> relations = new ArrayList<>();
        for (RelationSuggestion s : layer.relations()) {
            if (made.test(s.provenance())) {
                relations.add(s.relation());
            }
        }
        return new AnnotationSet(mentions, relations);
    }
}
