package taiyi.workbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import taiyi.workbench.learning.adapters.AdapterEvaluation;
import taiyi.workbench.learning.adapters.AdapterRegistry;
import taiyi.workbench.learning.evaluation.Evaluation;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.RegisteredAdapter;

/** {@code taiyi adapter …}: the registry of LoRA adapters by round. */
@Command(name = "adapter", description = "LoRA adapters by round: list, register, import and evaluate them.",
        subcommands = {AdapterCommand.ListAdapters.class, AdapterCommand.Register.class, AdapterCommand.Import.class,
                AdapterCommand.Evaluate.class})
final class AdapterCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: try 'taiyi adapter --help'");
    }

    /** {@code taiyi adapter list}: one JSON line per registered adapter of a corpus, by round. */
    @Command(name = "list", description = "List a corpus's registered adapters by round, one JSON line each.")
    static final class ListAdapters implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOption db;

        @Option(names = "--corpus", required = true, paramLabel = "NAME", description = "The corpus whose adapters to list.")
        String corpus;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            List<RegisteredAdapter> adapters;
            try (CorpusStore store = db.open()) {
                adapters = store.adapters().adapters(corpus);
            }
            ObjectMapper json = new ObjectMapper();
            for (RegisteredAdapter a : adapters) {
                out.println(json.writeValueAsString(toJson(json, a)));
            }
            out.printf("taiyi adapter list: %d adapters registered for corpus '%s'%s%n", adapters.size(), corpus, adapters.isEmpty() ? ""
                    : ", rounds " + adapters.stream().map(a -> String.valueOf(a.round())).distinct().toList());
            return 0;
        }
    }

    /** {@code taiyi adapter register}: an adapter {@code taiyi train} wrote, from its taiyi-training.json. */
    @Command(name = "register", description = {"Register an adapter trained in process (taiyi train): reads its taiyi-training.json.",
        "For the corpora of the round folder it was trained on (--data), or the corpora named (--corpus)."})
    static final class Register implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOption db;

        @Option(names = "--data", paramLabel = "ROUND_DIR", description = "The round folder it was trained on (its manifest names the corpora).")
        Path data;

        @Option(names = "--corpus", paramLabel = "NAME", description = "A corpus to register it for, without --data (repeatable).")
        List<String> corpora = new ArrayList<>();

        @Option(names = "--round", paramLabel = "N", description = "The round, when taiyi-training.json does not say.")
        Integer round;

        @Parameters(index = "0", paramLabel = "DIR", description = "The adapter folder.")
        Path folder;

        @Override
        public Integer call() throws IOException {
            if (data != null && (!corpora.isEmpty() || round != null)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--data names the round and its corpora: give it without "
                        + "--corpus and --round");
            }
            List<RegisteredAdapter> rows;
            try (CorpusStore store = db.open()) {
                AdapterRegistry registry = new AdapterRegistry(store);
                rows = data != null ? registry.register(folder, data)
                        : registry.register(folder, corpora, round == null ? OptionalInt.empty() : OptionalInt.of(round));
            }
            return registered(spec.commandLine().getOut(), "register", rows);
        }
    }

    /** {@code taiyi adapter import}: a peft adapter the round's distributed trainer produced. */
    @Command(name = "import", description = {"Register a peft adapter trained elsewhere (the round's train/launch.sh): hashes computed here,",
        "hyperparameters from its adapter_config.json and the trainer configuration saved beside it."})
    static final class Import implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOption db;

        @Option(names = "--round", required = true, paramLabel = "N", description = "The round it was trained on.")
        int round;

        @Option(names = "--model", paramLabel = "DIR",
                description = "The base model folder it was trained on (default: its base_model_name_or_path, when that is a folder here).")
        Path model;

        @Option(names = "--data", paramLabel = "ROUND_DIR", description = "The round folder (default: what the saved trainer configuration says).")
        Path data;

        @Option(names = "--corpus", paramLabel = "NAME", description = "A corpus to register it for, when neither the round nor "
                + "the trainer configuration names one (repeatable).")
        List<String> corpora = new ArrayList<>();

        @Parameters(index = "0", paramLabel = "DIR", description = "The adapter folder (the trainer's output folder).")
        Path folder;

        @Override
        public Integer call() throws IOException {
            List<RegisteredAdapter> rows;
            try (CorpusStore store = db.open()) {
                rows = new AdapterRegistry(store).importTrained(folder, round, Optional.ofNullable(model), Optional.ofNullable(data),
                        corpora);
            }
            return registered(spec.commandLine().getOut(), "import", rows);
        }
    }

    /** {@code taiyi adapter evaluate}: scores the suggestions made with registered adapters against the curated layer. */
    @Command(name = "evaluate", description = {"Score each registered adapter of a corpus (or of one round) against the curated layer:",
        "the suggestions pre-annotation made with it (pre-annotate with it first), exact span and type. Records the micro-F1",
        "in the registry and the evaluation in the learning record (one learning-curve point per adapter round)."})
    static final class Evaluate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOption db;

        @Option(names = "--corpus", required = true, paramLabel = "NAME", description = "The corpus whose adapters to evaluate.")
        String corpus;

        @Option(names = "--round", paramLabel = "N", description = "Only this round's adapters (default: every round).")
        Integer round;

        @Option(names = "--gold-corpus", paramLabel = "NAME",
                description = "Score against every document of this corpus (default: the corpus's documents marked done).")
        String goldCorpus;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int evaluated = 0;
            int without = 0;
            try (CorpusStore store = db.open()) {
                List<RegisteredAdapter> adapters = store.adapters().adapters(corpus).stream()
                        .filter(a -> round == null || a.round() == round).toList();
                if (adapters.isEmpty()) {
                    throw new IllegalArgumentException("corpus '" + corpus + "' has no registered adapter" + (round == null ? ""
                            : " of round " + round));
                }
                ObjectMapper json = new ObjectMapper();
                for (RegisteredAdapter a : adapters) {
                    Optional<Evaluation> e = new AdapterEvaluation(store).evaluate(a, Optional.ofNullable(goldCorpus));
                    if (e.isEmpty()) {
                        err.println(a.folder() + ": no suggestion of round " + a.round() + " made with this adapter in the gold documents "
                                + "(pre-annotate with it first: taiyi preannotate --adapter-round " + a.round() + ")");
                        without++;
                        continue;
                    }
                    ObjectNode o = toJson(json, a);
                    o.put("source", e.get().source().id());
                    o.put("evaluation_f1", EvaluateCommand.round4(e.get().mentions().micro().f1()));
                    o.put("gold_corpus", e.get().goldCorpus());
                    o.put("curated_documents", e.get().curatedDocuments());
                    o.set("mentions", EvaluateCommand.scores(json, e.get().mentions()));
                    out.println(json.writeValueAsString(o));
                    evaluated++;
                }
            }
            out.printf(Locale.ROOT, "taiyi adapter evaluate: %d adapters of corpus '%s' evaluated%s%n", evaluated, corpus,
                    without == 0 ? "" : ", " + without + " without suggestions");
            return evaluated == 0 ? 1 : 0;
        }
    }

    private static int registered(PrintWriter out, String verb, List<RegisteredAdapter> rows) throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (RegisteredAdapter a : rows) {
            out.println(json.writeValueAsString(toJson(json, a)));
        }
        RegisteredAdapter first = rows.get(0);
        out.printf("taiyi adapter %s: %s registered as round %d for %s%n", verb, first.folder(), first.round(),
                String.join(", ", rows.stream().map(r -> "'" + r.corpus() + "'").toList()));
        return 0;
    }

    static ObjectNode toJson(ObjectMapper json, RegisteredAdapter a) throws IOException {
        ObjectNode o = json.createObjectNode();
        o.put("id", a.id());
        o.put("corpus", a.corpus());
        o.put("round", a.round());
        o.put("folder", a.folder());
        o.put("origin", a.origin());
        o.put("base_model_sha256", a.baseModelSha256());
        o.put("data_manifest_sha256", a.dataManifestSha256());
        o.put("adapter_sha256", a.adapterSha256());
        o.set("hyperparameters", json.readTree(a.hyperparameters()));
        if (a.finalLoss() == null) {
            o.putNull("final_loss");
        } else {
            o.put("final_loss", a.finalLoss());
        }
        if (a.steps() == null) {
            o.putNull("steps");
        } else {
            o.put("steps", a.steps());
        }
        if (a.evaluationF1() == null) {
            o.putNull("evaluation_f1");
        } else {
            o.put("evaluation_f1", a.evaluationF1());
        }
        o.put("registered_at", a.registeredAt().toString());
        return o;
    }
}
