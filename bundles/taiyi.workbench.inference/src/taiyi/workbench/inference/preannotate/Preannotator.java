package taiyi.workbench.inference.preannotate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.inference.ModelDescription;
import taiyi.workbench.inference.Generation;
import taiyi.workbench.inference.GenerationListener;
import taiyi.workbench.inference.GenerationOptions;
import taiyi.workbench.inference.Prompt;
import taiyi.workbench.inference.PromptTemplate;
import taiyi.workbench.inference.TextGenerator;
import taiyi.workbench.inference.parse.ClassificationOutputParser;
import taiyi.workbench.inference.parse.NerOutputParser;
import taiyi.workbench.inference.parse.RelationOutputParser;
import taiyi.workbench.inference.task.Instruction;
import taiyi.workbench.inference.task.InstructionBuilder;
import taiyi.workbench.inference.task.TaskKind;
import taiyi.workbench.inference.task.TextWindow;
import taiyi.workbench.inference.task.TextWindows;
import taiyi.workbench.inference.task.WindowBudget;

/**
 * Pre-annotates documents with a model: the entry point of {@code taiyi preannotate} and of the
 * UI's pre-annotation job.
 *
 * <p>Each document is cut into windows ({@link TextWindows}); each requested task on each window
 * becomes one prompt in the generator's template; prompts go to the engine in batches of
 * {@link GenerationOptions#batchSize()}, across documents. Answers are parsed, mentions placed in
 * the window text and every suggestion scored by the mean log-probability of the tokens that wrote
 * it, the lowest one kept as the mention attribute {@code score.min}; where the engine reports each token's
 * runner-up, the smallest best-minus-runner-up probability among those tokens and the runner-up's
 * probability there are kept as {@code score.margin} and {@code score.runnerUp} (the queue ranks by them,
 * see {@link taiyi.workbench.inference.ScoreAttributes}). Suggestion ids are
 * {@code s-<round>-<n>}, numbered per document in window and task order, so a rerun with the same
 * answers gives the same ids.
 *
 * <p>Cancellation is polled before each batch and inside the engine; a cancelled run returns the
 * documents whose every answer was complete, and nothing of a document it stopped inside, so the
 * caller never stores half a document.
 */
public final class Preannotator {

    private final TextGenerator generator;
    private final LabelSchema schema;
    private final GenerationOptions options;
    private final Provenance provenance;
    private final Function<Language, WindowBudget> budgets;

    public Preannotator(TextGenerator generator, LabelSchema schema, GenerationOptions options, int round) {
        this(generator, schema, options, round, WindowBudget::forLanguage);
    }

    /** A pre-annotator with its own window budget per language (small budgets for tests and small models). */
    public Preannotator(TextGenerator generator, LabelSchema schema, GenerationOptions options, int round,
            Function<Language, WindowBudget> budgets) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.options = Objects.requireNonNull(options, "options");
        this.budgets = Objects.requireNonNull(budgets, "budgets");
        if (round < 0) {
            throw new IllegalArgumentException("round " + round + " is negative");
        }
        ModelDescription model = generator.description();
        // the template id names the model's template; each window's wording is added per question
        this.provenance = new Provenance(model.modelId(), model.adapterId(), generator.template().id(), round);
    }

    /**
     * Pre-annotates the documents.
     *
     * @param tasks which tasks to ask (at least one)
     * @param listener hears each finished window; {@link PreannotationListener#NONE} for none
     * @param cancelled polled between batches and by the engine between steps
     * @return one result per fully answered document, in the order given
     * @throws IllegalArgumentException when a task is asked that the schema has nothing for
     *     (checked before anything is generated)
     */
    public List<DocumentPreannotation> annotate(List<Document> documents, Set<TaskKind> tasks,
            PreannotationListener listener, BooleanSupplier cancelled) {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(cancelled, "cancelled");
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("no task to pre-annotate (expected ner, re or tc)");
        }
        EnumSet<TaskKind> ordered = EnumSet.copyOf(tasks);
        checkSchema(ordered);
        List<WindowRequest> requests = requests(documents, ordered);
        NerOutputParser ner = new NerOutputParser(schema);
        RelationOutputParser re = new RelationOutputParser(schema);
        ClassificationOutputParser tc = new ClassificationOutputParser(schema);
        List<DocumentPreannotation> results = new ArrayList<>();
        // documents without text have no windows and no prompts: nothing to suggest
        int nextDocument = 0;
        DocumentAssembly assembly = null;
        for (int from = 0; from < requests.size(); from += options.batchSize()) {
            if (cancelled.getAsBoolean()) {
                return results;
            }
            List<WindowRequest> batch = requests.subList(from, Math.min(requests.size(), from + options.batchSize()));
            List<Generation> answers = generator.generate(batch.stream().map(WindowRequest::prompt).toList(), options,
                    GenerationListener.NONE, cancelled);
            if (answers.size() != batch.size()) {
                throw new IllegalStateException(generator.description().modelId() + " answered " + answers.size()
                        + " of " + batch.size() + " prompts");
            }
            for (int i = 0; i < batch.size(); i++) {
                WindowRequest r = batch.get(i);
                Generation answer = answers.get(i);
                if (answer.stopReason() == Generation.StopReason.CANCELLED) {
                    return results;
                }
                while (nextDocument < r.documentIndex()) {
                    addEmptyIfUnprompted(documents.get(nextDocument), results);
                    nextDocument++;
                }
                if (assembly == null) {
                    assembly = new DocumentAssembly(r.document().id(), schema, provenance, ner, re, tc);
                }
                assembly.add(r, answer);
                if (r.lastOfWindow()) {
                    listener.onWindow(r.document().id(), r.window().index(), r.windowCount());
                }
                if (r.lastOfDocument()) {
                    results.add(assembly.build());
                    assembly = null;
                    nextDocument = r.documentIndex() + 1;
                }
            }
        }
        while (nextDocument < documents.size()) {
            addEmptyIfUnprompted(documents.get(nextDocument), results);
            nextDocument++;
        }
        return results;
    }

    private static void addEmptyIfUnprompted(Document d, List<DocumentPreannotation> results) {
        results.add(new DocumentPreannotation(d.id(), List.of(), List.of(), List.of(), List.of()));
    }

    private void checkSchema(Set<TaskKind> tasks) {
        for (TaskKind t : tasks) {
            boolean empty = switch (t) {
                case NER -> schema.entityTypes().isEmpty();
                case RE -> schema.relationTypes().isEmpty();
                case TC -> schema.documentLabels().isEmpty();
            };
            if (empty) {
                throw new IllegalArgumentException("task " + t.code() + ": the label schema has no "
                        + (t == TaskKind.NER ? "entity types" : t == TaskKind.RE ? "relation types" : "document labels"));
            }
        }
    }

    private List<WindowRequest> requests(List<Document> documents, Set<TaskKind> tasks) {
        PromptTemplate template = generator.template();
        List<WindowRequest> out = new ArrayList<>();
        for (int d = 0; d < documents.size(); d++) {
            Document doc = documents.get(d);
            // a stretch of white space (an empty passage) is not worth a prompt; the rest are renumbered
            List<TextWindow> windows = new ArrayList<>();
            for (TextWindow w : TextWindows.split(doc, budgets.apply(doc.language()))) {
                if (!w.text().isBlank()) {
                    windows.add(new TextWindow(windows.size(), w.start(), w.text()));
                }
            }
            for (int w = 0; w < windows.size(); w++) {
                TextWindow window = windows.get(w);
                int t = 0;
                for (TaskKind task : tasks) {
                    t++;
                    Instruction instruction = InstructionBuilder.forTask(task).build(doc.id(), doc.language(), window.text(),
                            schema);
                    Prompt prompt = template.render(List.of(instruction.text()));
                    out.add(new WindowRequest(d, doc, window, windows.size(), instruction, prompt, t == tasks.size(),
                            t == tasks.size() && w == windows.size() - 1));
                }
            }
        }
        return out;
    }
}
