package taiyi.workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import taiyi.workbench.inference.EngineFactory;
import taiyi.workbench.inference.GenerationOptions;
import taiyi.workbench.inference.GeneratorSettings;
import taiyi.workbench.inference.TextGenerator;
import taiyi.workbench.inference.remote.ApiKey;
import taiyi.workbench.inference.remote.OpenAiEndpoint;
import taiyi.workbench.inference.remote.OpenAiTextGenerator;
import taiyi.workbench.inference.run.DocumentOutcome;
import taiyi.workbench.inference.run.PreannotationRun;
import taiyi.workbench.inference.run.PreannotationSummary;
import taiyi.workbench.inference.task.TaskKind;
import taiyi.workbench.learning.adapters.AdapterChoice;
import taiyi.workbench.learning.adapters.AdapterSelection;
import taiyi.workbench.learning.adapters.ChosenAdapter;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.DocumentSummary;

/**
 * {@code taiyi preannotate}: asks a Qwen v1 model (Taiyi 1 by default) in this process, or an
 * OpenAI-compatible server ({@code --endpoint}), for NER, RE
 * or TC suggestions on documents of a corpus, and writes them to the suggestion layer — the same
 * run the workbench's Pre-annotate job makes. Each document is committed as soon as its answers
 * are in; documents already pre-annotated by this model for the round are skipped. Unless told
 * otherwise it loads the latest round's registered adapter trained on the model's weights.
 */
@Command(name = "preannotate", description = "Pre-annotate documents with Taiyi (or another Qwen v1 model) into the suggestion layer.")
final class PreannotateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Mixin
    IndexOption index;

    @Option(names = "--corpus", required = true, paramLabel = "NAME", description = "Corpus whose documents to pre-annotate.")
    String corpus;

    @Option(names = "--model", paramLabel = "DIR",
            description = "The model folder as downloaded: config.json, qwen.tiktoken and safetensors or pytorch_model*.bin weights.")
    Path model;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Instead of --model: an OpenAI-compatible server (vLLM, taiyi serve), e.g. http://gpu-box:8000/v1.")
    String endpoint;

    @Option(names = "--model-name", paramLabel = "NAME", description = "With --endpoint: the model the server serves.")
    String modelName;

    @Option(names = "--api-key-env", paramLabel = "VAR", description = "With --endpoint: the environment variable holding the API key.")
    String apiKeyEnv;

    @Option(names = "--api", paramLabel = "API", defaultValue = "completions",
            description = "With --endpoint: completions (raw prompts in the model's template; Taiyi) or chat (ChatML turns).")
    String api;

    @Option(names = "--concurrency", paramLabel = "N", description = "With --endpoint: requests in flight at once (default ${DEFAULT-VALUE}).")
    int concurrency = OpenAiEndpoint.DEFAULT_CONCURRENCY;

    @Option(names = "--adapter", paramLabel = "DIR", description = {"A LoRA adapter folder (peft) merged into the model at load.",
        "Default: the latest round's adapter registered for the corpus and trained on this model's weights, if any."})
    Path adapter;

    @Option(names = "--adapter-round", paramLabel = "N", description = "The adapter registered for this round (and this model's weights).")
    Integer adapterRound;

    @Option(names = "--no-adapter", description = "The base model alone, even when an adapter is registered.")
    boolean noAdapter;

    @Option(names = "--task", paramLabel = "TASK", split = ",", defaultValue = "ner",
            description = "ner, re or tc; repeat or separate with commas (default ner).")
    List<String> tasks;

    @Option(names = "--round", paramLabel = "N",
            description = "The curation round the model was trained for (default: the registered adapter's round, else 1).")
    Integer round;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default auto: the GPU when DJL sees one).")
    String device;

    @Option(names = "--precision", defaultValue = "auto",
            description = "auto, float32 or float16 (default auto: float16 on a GPU or for models over 1 B parameters).")
    String precision;

    @Option(names = "--template", description = "Prompt template: taiyi1 or chatml (default ${DEFAULT-VALUE}).")
    String template = GeneratorSettings.DEFAULT_TEMPLATE;

    @Option(names = "--batch", description = "Prompts per forward pass (default ${DEFAULT-VALUE}).")
    int batch = GenerationOptions.DEFAULT_BATCH_SIZE;

    @Option(names = "--max-new-tokens", description = "Longest answer in tokens (default ${DEFAULT-VALUE}, as Taiyi).")
    int maxNewTokens = GenerationOptions.DEFAULT_MAX_NEW_TOKENS;

    @Option(names = "--limit", description = "Pre-annotate at most this many documents.")
    Integer limit;

    @Parameters(arity = "0..*", paramLabel = "DOCUMENT", description = "Document ids (default: every document of the corpus).")
    List<String> documents = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<TaskKind> taskKinds = EnumSet.noneOf(TaskKind.class);
        tasks.forEach(t -> taskKinds.add(TaskKind.parse(t.trim())));
        if ((model == null) == (endpoint == null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name either --model DIR (in process) or "
                    + "--endpoint URL with --model-name NAME (a server)");
        }
        if (endpoint != null && modelName == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--endpoint needs --model-name NAME");
        }
        AdapterChoice adapterChoice;
        try {
            adapterChoice = AdapterChoice.of(Optional.ofNullable(adapter), adapterRound == null ? OptionalInt.empty()
                    : OptionalInt.of(adapterRound), noAdapter);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        GenerationOptions options = new GenerationOptions(maxNewTokens, batch);
        GeneratorSettings.DeviceChoice deviceChoice = choice(GeneratorSettings.DeviceChoice::parse, device, "--device");
        GeneratorSettings.Precision precisionChoice = choice(GeneratorSettings.Precision::parse, precision, "--precision");
        try (CorpusStore store = db.open(); FollowingIndex following = FollowingIndex.open(store, index.folder(db), err)) {
            // a server serves its own weights: adapters registered here are for the in-process model
            ChosenAdapter chosen = endpoint != null ? new ChosenAdapter(Optional.empty(), Optional.empty(), "model served at " + endpoint)
                    : new AdapterSelection(store).choose(corpus, model, adapterChoice);
            out.println(chosen.reason());
            int suggestionRound = round != null ? round : chosen.round().orElse(1);
            GeneratorSettings settings = model == null ? null
                    : new GeneratorSettings(model, chosen.folder().orElse(null), deviceChoice, precisionChoice, template);
            List<String> ids = documents.isEmpty() ? store.documents().summaries(corpus).stream().map(DocumentSummary::id).toList() : documents;
            if (limit != null && limit < ids.size()) {
                ids = ids.subList(0, Math.max(0, limit));
            }
            long t0 = System.nanoTime();
            try (TextGenerator generator = endpoint != null ? remote(err) : EngineFactory.installed().open(settings)) {
                out.printf("model %s%s on %s, template %s, loaded in %.1f s%n", generator.description().modelId(),
                        generator.description().adapterId().isEmpty() ? "" : " + adapter " + generator.description().adapterId(),
                        generator.description().device(), generator.template().id(), (System.nanoTime() - t0) / 1e9);
                PreannotationSummary summary = new PreannotationRun(store, corpus, generator, options, suggestionRound, taskKinds)
                        .run(ids, (outcome, done, total) -> report(out, err, outcome, done, total), () -> false);
                out.println("taiyi preannotate: " + summary.describe() + " into corpus '" + corpus + "'");
            }
        }
        return 0;
    }

    private TextGenerator remote(PrintWriter err) {
        OpenAiEndpoint.Api which = choice(OpenAiEndpoint.Api::parse, api, "--api");
        ApiKey key;
        try {
            key = ApiKey.optionalFromEnvironment(apiKeyEnv).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--api-key-env': "
                    + e.getMessage());
        }
        OpenAiEndpoint at = choice(url -> OpenAiEndpoint.of(url, modelName, which, key), endpoint, "--endpoint");
        at = at.withLimits(at.requestTimeout(), concurrency, at.maxAttempts(), at.firstBackoff());
        return OpenAiTextGenerator.connect(at, template, warning -> {
            err.println("warning: " + warning);
            err.flush();
        });
    }

    private static void report(PrintWriter out, PrintWriter err, DocumentOutcome o, int done, int total) {
        if (o.skipped()) {
            out.printf("[%d/%d] %s: skipped (already pre-annotated by this model for the round)%n", done, total, o.documentId());
            return;
        }
        out.printf("[%d/%d] %s: %d mentions, %d relations, %d labels%n", done, total, o.documentId(), o.mentions(),
                o.relations(), o.labels());
        o.problems().forEach(p -> err.println(o.documentId() + ": " + p));
    }

    private <T> T choice(java.util.function.Function<String, T> parse, String value, String option) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': "
                    + e.getMessage());
        }
    }
}
