package taiyi.workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import taiyi.workbench.inference.GeneratorSettings.DeviceChoice;
import taiyi.workbench.learning.training.TrainingProgress;
import taiyi.workbench.learning.training.TrainingResult;
import taiyi.workbench.learning.adapters.AdapterRegistry;
import taiyi.workbench.learning.training.TrainingRun;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.RegisteredAdapter;
import taiyi.workbench.store.StoreLocation;

/**
 * {@code taiyi train}: trains a LoRA (or, with {@code --qlora}, QLoRA) adapter on an exported
 * round in this process, with the round's recipe as defaults; prints step, loss, tokens/s and the
 * time left; Ctrl-C (or a kill) keeps the last checkpoint, and the same command resumes from it.
 */
@Command(name = "train", description = "Train a LoRA/QLoRA adapter on an exported round, in process (DJL PyTorch engine).")
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "The base model folder (Qwen v1).")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "ROUND_DIR", description = "The round folder `taiyi round export` wrote.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "ADAPTER_DIR", description = "Where the peft adapter goes (new or empty).")
    Path out;

    @Option(names = "--db", paramLabel = "DIR|JDBC_URL", description = "Register the adapter in this corpus database, for the "
            + "round's corpora, so that pre-annotation picks it (an H2 folder or jdbc:postgresql://host[:port]/db).")
    String database;

    @Option(names = "--adapter", paramLabel = "DIR", description = "An earlier round's adapter to continue from (same rank).")
    Path adapter;

    @Option(names = "--qlora", negatable = true,
            description = "Keep the frozen base in NF4 (default: as the round's recipe says; the paper's recipe is QLoRA).")
    Boolean qlora;

    @Option(names = "--epochs") Integer epochs;
    @Option(names = "--lr") Double lr;
    @Option(names = "--rank") Integer rank;
    @Option(names = "--alpha") Double alpha;
    @Option(names = "--dropout") Double dropout;
    @Option(names = "--max-length") Integer maxLength;
    @Option(names = "--batch") Integer batch;
    @Option(names = "--grad-accum") Integer gradAccum;
    @Option(names = "--max-grad-norm") Double maxGradNorm;
    @Option(names = "--warmup-ratio") Double warmupRatio;
    @Option(names = "--weight-decay") Double weightDecay;
    @Option(names = "--max-steps", description = "Stop after this many optimiser steps.") Integer maxSteps;
    @Option(names = "--seed") Long seed;
    @Option(names = "--targets", split = ",", description = "Target modules (default c_attn,c_proj,w1,w2).") List<String> targets;
    @Option(names = "--checkpoint-every", description = "Steps between checkpoints (default 100).") Integer checkpointEvery;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default auto).")
    String device;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("qlora", qlora);
        overrides.put("num_train_epochs", epochs);
        overrides.put("learning_rate", lr);
        overrides.put("lora_rank", rank);
        overrides.put("lora_alpha", alpha);
        overrides.put("lora_dropout", dropout);
        overrides.put("max_seq_length", maxLength);
        overrides.put("per_device_train_batch_size", batch);
        overrides.put("gradient_accumulation_steps", gradAccum);
        overrides.put("max_grad_norm", maxGradNorm);
        overrides.put("warmup_ratio", warmupRatio);
        overrides.put("weight_decay", weightDecay);
        overrides.put("max_steps", maxSteps);
        overrides.put("seed", seed);
        overrides.put("target_modules", targets);
        overrides.put("checkpoint_every", checkpointEvery);
        DeviceChoice choice;
        try {
            choice = DeviceChoice.parse(device);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--device': "
                    + e.getMessage());
        }
        TrainingRun.Request request = new TrainingRun.Request(model, data, out, adapter, overrides, choice);
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            // Ctrl-C: let the step finish and the checkpoint be written before the JVM goes
            cancelled.set(true);
            try {
                finished.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        TrainingResult result;
        try {
            result = TrainingRun.run(request, new Printer(console), cancelled::get);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for us
            }
        }
        if (result.cancelled()) {
            console.printf("taiyi train: cancelled after step %d of %d; run the same command to resume%n", result.steps(),
                    result.totalSteps());
            return 130;
        }
        int code = database == null ? 0 : register(console, result.adapter());
        console.printf("taiyi train: %d steps, final loss %.4f, %d tokens, adapter in %s%n", result.steps(), result.finalLoss(),
                result.tokens(), result.adapter());
        return code;
    }

    /** The adapter into the registry, so that pre-annotation picks it; the adapter stays even when this fails. */
    private int register(PrintWriter console, Path adapterFolder) {
        try (CorpusStore store = CorpusStore.open(StoreLocation.parse(database))) {
            for (RegisteredAdapter r : new AdapterRegistry(store).register(adapterFolder, data)) {
                console.printf("taiyi train: registered for corpus %s, round %d%n", r.corpus(), r.round());
            }
            return 0;
        } catch (Exception e) {
            spec.commandLine().getErr().println("taiyi train: the adapter is not registered (" + e.getMessage()
                    + "); register it with taiyi adapter register --data " + data + " " + adapterFolder);
            return 1;
        }
    }

    /** One line a step. */
    private record Printer(PrintWriter out) implements TrainingProgress {

        @Override
        public void started(int totalSteps, int resumedAt, long frozenParameters, long frozenBytes, long trainableParameters,
                int examples) {
            out.printf("%d conversations, %d steps%s; base %,d parameters in %,d bytes (%.3f bytes a parameter), %,d trainable%n",
                    examples, totalSteps, resumedAt > 0 ? ", resuming after step " + resumedAt : "", frozenParameters, frozenBytes,
                    (double) frozenBytes / frozenParameters, trainableParameters);
            out.flush();
        }

        @Override
        public void step(int step, int totalSteps, double loss, double learningRate, double gradientNorm, double tokensPerSecond,
                Duration remaining) {
            out.printf("step %d/%d loss %.4f lr %.3g grad-norm %.3f %.1f tokens/s ETA %s%n", step, totalSteps, loss, learningRate,
                    gradientNorm, tokensPerSecond, format(remaining));
            out.flush();
        }

        private static String format(Duration d) {
            return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
        }
    }
}
