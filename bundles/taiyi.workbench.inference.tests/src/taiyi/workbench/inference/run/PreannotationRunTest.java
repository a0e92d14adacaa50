package taiyi.workbench.inference.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityType;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.inference.Generation;
import taiyi.workbench.inference.GenerationListener;
import taiyi.workbench.inference.GenerationOptions;
import taiyi.workbench.inference.ModelDescription;
import taiyi.workbench.inference.Prompt;
import taiyi.workbench.inference.PromptTemplate;
import taiyi.workbench.testing.TestCorpora;
import taiyi.workbench.inference.TextGenerator;
import taiyi.workbench.inference.preannotate.GoldAnsweringGenerator;
import taiyi.workbench.inference.task.TaskKind;
import taiyi.workbench.store.CorpusStore;

/** Pre-annotating real BC5CDR abstracts in a store, with an engine that answers their gold annotations. */
class PreannotationRunTest {

    private static final String CORPUS = "cdr";
    private static final LabelSchema CDR = new LabelSchema(
            List.of(new EntityType("Chemical", "chemical", "化学物质"), new EntityType("Disease", "disease", "疾病")),
            List.of(new EntityType("CID", "chemical-induced disease", "化学物质诱发疾病")), List.of());

    @TempDir
    Path dir;
    private List<Document> gold;
    private List<String> ids;

    @BeforeEach
    void importAbstracts() throws Exception {
        gold = TestCorpora.bc5cdrDevel().subList(0, 6);
        ids = gold.stream().map(Document::id).toList();
        try (CorpusStore store = CorpusStore.open(dir)) {
            store.documents().importDocuments(CORPUS, gold, "CDR_DevelopmentSet.PubTator.txt");
            store.documents().setSchema(CORPUS, CDR);
        }
    }

    /** Type and text of each mention: the engine names strings, the aligner finds every occurrence of them. */
    private static Set<String> typedTexts(List<Suggestion> suggestions, String text) {
        return suggestions.stream().map(s -> s.mention().type() + ":" + s.mention().coveredText(text)).collect(Collectors.toSet());
    }

    private Document gold(String id) {
        return gold.stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void suggestionsAreStoredPerDocumentAndARerunSkipsWhatIsDone() {
        try (CorpusStore store = CorpusStore.open(dir)) {
            PreannotationRun run = new PreannotationRun(store, CORPUS, new GoldAnsweringGenerator(gold, CDR),
                    new GenerationOptions(500, 4), 1, Set.of(TaskKind.NER, TaskKind.RE));
            List<String> reported = new java.util.ArrayList<>();
            PreannotationSummary first = run.run(ids, (o, done, total) -> reported.add(o.documentId() + " " + done + "/" + total),
                    () -> false);
            assertEquals(ids.size(), first.annotated());
            assertFalse(first.cancelled());
            assertEquals(ids.stream().map(id -> id + " " + (ids.indexOf(id) + 1) + "/" + ids.size()).toList(), reported);
            int stored = 0;
            for (String id : ids) {
                List<Suggestion> suggestions = store.suggestions().suggestions(CORPUS, id);
                assertFalse(suggestions.isEmpty(), id);
                // every suggestion is a gold mention of the abstract, at its place (the engine answered the gold)
                Set<String> relationArguments = store.suggestions().relationSuggestions(CORPUS, id).stream()
                        .flatMap(r -> java.util.stream.Stream.of(r.relation().head(), r.relation().tail()))
                        .collect(Collectors.toSet());
                Document g = gold(id);
                Set<String> goldTexts = g.mentions().stream().map(m -> m.type() + ":" + m.coveredText(g.text()))
                        .collect(Collectors.toSet());
                Set<String> fromNer = typedTexts(suggestions.stream().filter(s -> !s.mention().attributes()
                        .containsKey("relation.argument")).toList(), g.text());
                assertEquals(goldTexts, fromNer, id);
                assertTrue(suggestions.stream().map(Suggestion::id).collect(Collectors.toSet()).containsAll(relationArguments));
                stored += suggestions.size();
            }
            assertEquals(first.mentions(), stored);
            assertTrue(first.relations() > 0, "BC5CDR abstracts have CID relations");

            PreannotationSummary again = run.run(ids, PreannotationRun.Progress.NONE, () -> false);
            assertEquals(ids.size(), again.skipped());
            assertEquals(stored, ids.stream().mapToInt(id -> store.suggestions().suggestions(CORPUS, id).size()).sum());
        }
    }

    @Test
    void anotherModelInTheSameRoundGetsIdsOfItsOwn() {
        try (CorpusStore store = CorpusStore.open(dir)) {
            GoldAnsweringGenerator answers = new GoldAnsweringGenerator(gold, CDR);
            new PreannotationRun(store, CORPUS, answers, new GenerationOptions(500, 2), 1, Set.of(TaskKind.NER))
                    .run(ids.subList(0, 2), PreannotationRun.Progress.NONE, () -> false);
            PreannotationSummary second = new PreannotationRun(store, CORPUS, new Renamed(answers, "other-model"),
                    new GenerationOptions(500, 2), 1, Set.of(TaskKind.NER)).run(ids.subList(0, 2), PreannotationRun.Progress.NONE,
                            () -> false);
            assertEquals(2, second.annotated());
            for (String id : ids.subList(0, 2)) {
                List<Suggestion> all = store.suggestions().suggestions(CORPUS, id);
                assertEquals(all.size(), new HashSet<>(all.stream().map(Suggestion::id).toList()).size());
                assertEquals(Set.of("gold-answers", "other-model"), all.stream().map(s -> s.provenance().modelId()).collect(Collectors.toSet()));
            }
        }
    }

    @Test
    void cancellingKeepsTheDocumentsThatWereFinishedAndNothingElse() {
        try (CorpusStore store = CorpusStore.open(dir)) {
            AtomicInteger done = new AtomicInteger();
            BooleanSupplier cancelled = () -> done.get() >= 1;
            PreannotationSummary summary = new PreannotationRun(store, CORPUS, new GoldAnsweringGenerator(gold, CDR),
                    new GenerationOptions(500, 1), 1, Set.of(TaskKind.NER)).run(ids, (o, d, t) -> done.incrementAndGet(), cancelled);
            assertTrue(summary.cancelled());
            assertEquals(1, summary.annotated());
            assertFalse(store.suggestions().suggestions(CORPUS, ids.get(0)).isEmpty());
            for (String id : ids.subList(1, ids.size())) {
                assertTrue(store.suggestions().suggestions(CORPUS, id).isEmpty(), id);
            }
        }
    }

    /** The same answers under another model's name. */
    private record Renamed(TextGenerator delegate, String modelId) implements TextGenerator {
        @Override
        public ModelDescription description() {
            return new ModelDescription(modelId, "", "cpu");
        }

        @Override
        public PromptTemplate template() {
            return delegate.template();
        }

        @Override
        public List<Generation> generate(List<Prompt> prompts, GenerationOptions options, GenerationListener listener,
                BooleanSupplier cancelled) {
            return delegate.generate(prompts, options, listener, cancelled);
        }

        @Override
        public void close() {
        }
    }
}
