package taiyi.workbench.learning.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.inference.GeneratedToken;
import taiyi.workbench.inference.Generation;
import taiyi.workbench.inference.GenerationListener;
import taiyi.workbench.inference.GenerationOptions;
import taiyi.workbench.inference.ModelDescription;
import taiyi.workbench.inference.Prompt;
import taiyi.workbench.inference.PromptTemplate;
import taiyi.workbench.inference.TextGenerator;
import taiyi.workbench.inference.prompt.ChatMlTemplate;
import taiyi.workbench.inference.run.PreannotationRun;
import taiyi.workbench.inference.task.TaskKind;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.testing.TestCorpora;

/**
 * Taiyi's runner-up from the generated tokens through the pre-annotation and the store to the queue:
 * the document whose answer hesitated most between two tokens is curated first, at that suggestion.
 */
class RunnerUpToQueueTest {

    @TempDir
    Path folder;

    /** Answers each NER prompt with one chemical of the document, one token per char, one token hesitant. */
    private static final class HesitantGenerator implements TextGenerator {

        private final List<String> chemicals;
        private final List<Double> hesitation;

        HesitantGenerator(List<String> chemicals, List<Double> hesitation) {
            this.chemicals = chemicals;
            this.hesitation = hesitation;
        }

        @Override
        public ModelDescription description() {
            return new ModelDescription("DUTIR-BioNLP/Taiyi-LLM", "", "cpu");
        }

        @Override
        public PromptTemplate template() {
            return new ChatMlTemplate();
        }

        @Override
        public List<Generation> generate(List<Prompt> prompts, GenerationOptions options, GenerationListener listener,
                BooleanSupplier cancelled) {
            List<Generation> out = new ArrayList<>();
            for (Prompt p : prompts) {
                int which = -1;
                for (int i = 0; i < chemicals.size(); i++) {
                    if (p.asText().contains(chemicals.get(i))) {
                        which = i;
                    }
                }
                String answer = "Chemical: " + chemicals.get(which);
                List<GeneratedToken> tokens = new ArrayList<>();
                for (int c = 0; c < answer.length(); c++) {
                    // the mention's third char is where the model hesitated: p and runner-up p - margin
                    boolean hesitant = c == "Chemical: ".length() + 2;
                    double p1 = hesitant ? 0.5 : 0.95;
                    double p2 = hesitant ? 0.5 - hesitation.get(which) : 0.01;
                    tokens.add(new GeneratedToken(c, Math.log(p1), c, c + 1, 1000 + c, Math.log(p2)));
                }
                out.add(new Generation(answer, tokens, Generation.StopReason.STOP_TOKEN));
            }
            return out;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void theSuggestionWithTheSmallestTokenMarginLeadsTheQueue() throws Exception {
        List<Document> docs = TestCorpora.bc5cdrDevel().subList(0, 2);
        // the gold chemicals of the two abstracts, as Taiyi would write them
        List<String> chemicals = new ArrayList<>();
        for (Document d : docs) {
            var m = d.mentions().stream().filter(x -> x.type().equals("Chemical")).findFirst().orElseThrow();
            chemicals.add(d.text().substring(m.start(), m.end()));
        }
        try (CorpusStore store = CorpusStore.open(folder)) {
            store.documents().importDocuments("cdr", docs, "test");
            // the second document's chemical hesitated more (margin 0.05) than the first's (0.4)
            HesitantGenerator taiyi = new HesitantGenerator(chemicals, List.of(0.4, 0.05));
            new PreannotationRun(store, "cdr", taiyi, new GenerationOptions(100, 2), 1, Set.of(TaskKind.NER))
                    .run(docs.stream().map(Document::id).toList(), PreannotationRun.Progress.NONE, () -> false);

            QueuePool pool = StoredQueuePool.read(store, "cdr");
            List<RankedDocument> ranked = new MarginStrategy().rank(pool);
            assertEquals(List.of(docs.get(1).id(), docs.get(0).id()), ranked.stream().map(RankedDocument::documentId).toList());
            UncertainSuggestion first = ranked.get(0).suggestions().get(0);
            assertEquals(0.05, first.margin(), 1e-6);
            assertEquals(0.45, first.mention().runnerUpConfidence(), 1e-6);
            assertEquals(chemicals.get(1), docs.get(1).text().substring(first.mention().start(), first.mention().end()));
            assertEquals(1 - 0.05, ranked.get(0).score(), 1e-6);
            assertEquals(0.4, ranked.get(1).suggestions().get(0).margin(), 1e-6);
        }
    }
}
