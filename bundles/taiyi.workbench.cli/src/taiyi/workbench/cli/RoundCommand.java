package taiyi.workbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.inference.djl.tokenizer.QwenTokenizer;
import taiyi.workbench.inference.task.TaskKind;
import taiyi.workbench.learning.DocumentSelection;
import taiyi.workbench.learning.export.ConversationLength;
import taiyi.workbench.learning.export.DistributedTrainer;
import taiyi.workbench.learning.export.RoundExport;
import taiyi.workbench.learning.export.RoundExportException;
import taiyi.workbench.learning.export.RoundRequest;
import taiyi.workbench.learning.export.RoundSummary;
import taiyi.workbench.learning.learner.TrainingProgress;
import taiyi.workbench.store.CorpusStore;

/** {@code taiyi round …}: the training rounds made from curated corpora. */
@Command(name = "round", description = "Training rounds made from curated corpora.", subcommands = {RoundCommand.Export.class})
final class RoundCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: try 'taiyi round export --help'");
    }

    /**
     * {@code taiyi round export}: the curated layer of corpora as Taiyi conversation JSON Lines with a
     * manifest and a QLoRA recipe, written atomically into a new folder ({@link RoundExport}).
     */
    @Command(name = "export", description = "Export curated documents as Taiyi instruction data (train/validation JSONL, manifest, QLoRA recipe).")
    static final class Export implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOption db;

        @Option(names = "--corpus", required = true, paramLabel = "NAME", description = "A source corpus (repeat for several).")
        List<String> corpora;

        @Option(names = "--round", required = true, paramLabel = "N", description = "The round's number.")
        int round;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new (or empty) folder for the round.")
        Path out;

        @Option(names = "--tokenizer", required = true, paramLabel = "FILE|DIR",
                description = "qwen.tiktoken (or .gz), or the model folder holding it: conversations are measured with it.")
        Path tokenizer;

        @Option(names = "--documents", defaultValue = "done", paramLabel = "done|all",
                description = "Documents marked done (default) or all (imported gold corpora).")
        String documents;

        @Option(names = "--tasks", split = ",", paramLabel = "TASK", defaultValue = "ner,re,tc",
                description = "Tasks to render: ner, re, tc (default all); ner-all: NER's all-types question only, "
                        + "without one question per type.")
        List<String> tasks;

        @Option(names = "--languages", split = ",", paramLabel = "LANG", defaultValue = "en,zh",
                description = "Document languages to take: en, zh (default both).")
        List<String> languages;

        @Option(names = "--replay", paramLabel = "FILE.jsonl", description = "Earlier conversation JSON Lines to mix in.")
        Path replay;

        @Option(names = "--replay-ratio", paramLabel = "R", defaultValue = "0.5",
                description = "Replayed conversations per new training conversation (default ${DEFAULT-VALUE}).")
        double replayRatio;

        @Option(names = "--exclude-corpus", paramLabel = "NAME",
                description = "A held-out corpus: its documents and their near-duplicates stay out (repeatable).")
        List<String> excluded = List.of();

        @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "0.05",
                description = "Share of documents for validation (default ${DEFAULT-VALUE}).")
        double validationFraction;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "1024",
                description = "Longest conversation in Qwen tokens (default ${DEFAULT-VALUE}, the paper's).")
        int maxTokens;

        @Override
        public Integer call() throws IOException {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter stderr = spec.commandLine().getErr();
            RoundRequest request;
            try {
                Set<TaskKind> taskKinds = EnumSet.noneOf(TaskKind.class);
                boolean nerPerType = false;
                for (String t : tasks) {
                    boolean joint = t.strip().equalsIgnoreCase("ner-all");
                    TaskKind kind = joint ? TaskKind.NER : TaskKind.parse(t);
                    taskKinds.add(kind);
                    nerPerType |= kind == TaskKind.NER && !joint;
                }
                Set<Language> langs = EnumSet.noneOf(Language.class);
                languages.forEach(l -> langs.add(Language.fromCode(l)));
                request = RoundRequest.of(corpora, round).withDocuments(DocumentSelection.parse(documents))
                        .withTasks(taskKinds).withLanguages(langs).withExcluded(excluded)
                        .withValidationFraction(validationFraction).withSeed(seed).withMaxTokens(maxTokens)
                        .withNerPerType(nerPerType);
                if (replay != null) {
                    request = request.withReplay(replay, replayRatio);
                }
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            ConversationLength length = new ConversationLength(QwenTokenizer.load(tokenizer));
            RoundSummary s;
            try (CorpusStore store = db.open()) {
                s = new RoundExport(store, length).write(request, out, TrainingProgress.NONE);
            } catch (RoundExportException e) {
                stderr.println(e.getMessage());
                return 1;
            }
            stdout.println("conversations by task/language: " + s.byTaskAndLanguage());
            if (!s.drops().isEmpty()) {
                stdout.println("dropped: " + s.drops());
            }
            if (!s.inexpressible().isEmpty()) {
                stdout.println("not expressible: " + s.inexpressible());
            }
            stdout.println("distributed trainer (torchrun + DeepSpeed ZeRO-3): " + out.resolve(DistributedTrainer.LAUNCHER)
                    + " MODEL_DIR OUTPUT_DIR, then taiyi adapter import --round " + round + " OUTPUT_DIR");
            stdout.printf("taiyi round export: round %d, %d documents, %d train (%d replayed) and %d validation conversations in %s%n",
                    round, s.documents(), s.train(), s.replayed(), s.validation(), out);
            return 0;
        }
    }
}
