package taiyi.workbench.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.core.model.Provenance;

/**
 * The compound annotation keys as queries see them: a concept asked for without a type is found
 * under every type, including types whose names hold the key's own separator or its escape, or
 * sort right beside another type's keys ({@code a}, {@code a|b}, {@code ab}); and a concept asked
 * for with a type only under that type. The expectations are made from the documents' own
 * annotations, not from the index.
 */
class AnnotationKeysTest {

    private static final String CORPUS = "keys";
    private static final List<String> TYPES = List.of("Disease", "Chemical", "a", "a|b", "a\\", "a\\|", "ab", "疾病", "Z");
    /** Ids as formats write them: PubTator's composite, its -1 for none, ids that are prefixes of others. */
    private static final List<String> IDS = List.of("D1", "D10", "d2", "D1|D2", "-1", "C5", "D100");
    private static final List<String> ASKED = List.of("D1", "MESH:D1", "d2", "D10", "C5", "D100", "D3");

    /** One annotation of a document: its state ({@code curated} or a suggestion's status), type and ids. */
    private record Fact(String state, String type, String id) {
    }

    @Test
    void aConceptIsFoundUnderEveryTypeAndWithATypeOnlyUnderThatOne(@TempDir Path folder) {
        Random random = new Random(20261205);
        Map<String, List<Fact>> facts = new LinkedHashMap<>();
        try (CorpusIndex index = CorpusIndex.open(folder)) {
            for (int i = 0; i < 300; i++) {
                String text = "word ".repeat(40);
                List<EntityMention> curated = new ArrayList<>();
                List<Suggestion> suggestions = new ArrayList<>();
                Map<String, CorrectionAction> decisions = new LinkedHashMap<>();
                List<Fact> own = new ArrayList<>();
                for (int k = 0; k < random.nextInt(5); k++) {
                    String type = TYPES.get(random.nextInt(TYPES.size()));
                    String id = IDS.get(random.nextInt(IDS.size()));
                    EntityMention m = EntityMention.of("T" + k, type, 5 * k, 5 * k + 4, List.of(new Normalization("MESH", id)));
                    String state;
                    if (random.nextBoolean()) {
                        curated.add(m);
                        state = "curated";
                    } else {
                        suggestions.add(new Suggestion(m, new Provenance("test", "", "ner-1", 1), -0.5));
                        int decision = random.nextInt(3);
                        if (decision > 0) {
                            decisions.put(m.id(), decision == 1 ? CorrectionAction.ACCEPT : CorrectionAction.REJECT);
                        }
                        state = decision == 0 ? "unreviewed" : decision == 1 ? "accepted" : "rejected";
                    }
                    for (String part : id.split("\\|")) {
                        own.add(new Fact(state, type, part));
                    }
                }
                Document d = new Document("doc" + i, Language.ENGLISH, text, List.of(), Map.of(), curated, List.of());
                index.index(new IndexedDocument(CORPUS, d, suggestions, decisions, CurationState.IN_PROGRESS));
                facts.put(d.id(), own);
            }
            index.commit();
            index.refresh();

            for (String asked : ASKED) {
                String bare = Normalization.parse(asked).id().toLowerCase(Locale.ROOT);
                Predicate<Fact> concept = f -> f.id().toLowerCase(Locale.ROOT).equals(bare);
                assertEquals(expected(facts, concept), hits(index, "concept:" + asked), asked);
                assertEquals(expected(facts, concept.and(f -> f.state().equals("curated"))), hits(index, "layer:curated concept:" + asked),
                        asked);
                assertEquals(expected(facts, concept.and(f -> f.state().equals("unreviewed"))),
                        hits(index, "status:unreviewed concept:" + asked), asked);
                assertEquals(expected(facts, concept.and(f -> !f.state().equals("curated"))),
                        hits(index, "layer:suggested concept:" + asked), asked);
                for (String type : TYPES) {
                    assertEquals(expected(facts, concept.and(f -> f.type().equals(type))),
                            hits(index, "type:\"" + type + "\" concept:" + asked), type + " " + asked);
                }
            }
            assertFalse(hits(index, "concept:D1").isEmpty(), "the random documents name D1 somewhere");
        }
    }

    private static Set<String> expected(Map<String, List<Fact>> facts, Predicate<Fact> p) {
        Set<String> ids = new TreeSet<>();
        facts.forEach((id, own) -> {
            if (own.stream().anyMatch(p)) {
                ids.add(id);
            }
        });
        return ids;
    }

    private static Set<String> hits(CorpusIndex index, String query) {
        return new TreeSet<>(index.search(CORPUS, query, 10_000).documentIds());
    }
}
