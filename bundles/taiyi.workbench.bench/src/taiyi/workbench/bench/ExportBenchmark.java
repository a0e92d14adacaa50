package taiyi.workbench.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.formats.Format;
import taiyi.workbench.inference.djl.tokenizer.QwenTokenizer;
import taiyi.workbench.inference.task.TaskKind;
import taiyi.workbench.learning.export.Conversation;
import taiyi.workbench.learning.export.ConversationLength;
import taiyi.workbench.learning.export.ConversationLines;
import taiyi.workbench.learning.export.CorpusConversations;
import taiyi.workbench.learning.export.RoundRequest;

/**
 * {@code taiyi bench export}: conversations per second of the round export on real corpora, from
 * curated documents in memory to JSON Lines bytes: windows, wordings, answers, the aligner's check
 * of what each answer can express, an exact Qwen token count of every conversation (with a fresh
 * piece cache each run, as a real export starts with, and with one cache for all runs, as a session
 * that exported before) and the serialisation. Against it, a bare
 * Jackson {@code ObjectMapper} serialising the same conversations: the ratio says what everything
 * but the serialisation costs. Median of the timed runs after warm-up runs.
 *
 * <p>"Cold" is a fresh token cache in a warm JVM, as a workbench that has been running starts an
 * export: the untimed runs let the JIT compile the export and let the collector grow the heap to
 * its working size, so they go on past {@code --warmup} until two collections have passed at one
 * heap size. Too few of them measure something else: on a VM where the first touch of a memory
 * page is dear (some ten microseconds a 4 KiB page on this project's 2-core machine), runs that
 * allocate into heap the collector has just grown took three to six times as long as the same runs
 * once that memory had been used. The very first run, in a fresh JVM, is reported on its own.
 */
@Command(name = "export", description = "Round export throughput (conversations/s, token counting included) against bare Jackson.")
final class ExportBenchmark implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--vocabulary", required = true, paramLabel = "FILE", description = "qwen.tiktoken (or .gz), or a model folder.")
    Path vocabulary;

    @Option(names = "--pubtator", required = true, paramLabel = "FILE", description = "PubTator files (BC5CDR training and development).")
    List<Path> pubtator;

    @Option(names = "--warmup", defaultValue = "25", description = "Untimed runs first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--runs", defaultValue = "9", description = "Timed runs (default ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Document> documents = new ArrayList<>();
        for (Path f : pubtator) {
            documents.addAll(Format.PUBTATOR.newReader().read(f));
        }
        LabelSchema schema = LabelSchema.inferredFrom(documents);
        long loadStart = System.nanoTime();
        QwenTokenizer tokenizer = QwenTokenizer.load(vocabulary);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        ObjectMapper bare = new ObjectMapper();
        out.printf("machine: %d cores, Java %s; %d documents; vocabulary loaded in %.2f s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), documents.size(), loadSeconds);

        // cold: a fresh piece cache each run, as one `taiyi round export` starts; warm: one cache for all
        // runs, as a workbench session that has exported before (token counts are a function of the
        // vocabulary alone, so a warm cache changes no count)
        Result cold = measure(documents, schema, tokenizer, bare, null);
        int coldWarmup = warmupRuns;
        Result warm = measure(documents, schema, tokenizer, bare, new ConversationLength(tokenizer));
        out.printf("conversations: %d (%.1f MB of JSON Lines)%n", cold.conversations, cold.bytes / 1e6);
        out.printf("first round export in this JVM (JIT and heap not warm yet): %.3f s = %,.0f conversations/s%n",
                cold.first, cold.conversations / cold.first);
        out.printf("round export, fresh token cache (render, align, count tokens, write): median %.3f s = %,.0f conversations/s"
                + " (%d timed runs after %d untimed)%n", cold.export, cold.conversations / cold.export, runs, coldWarmup);
        out.printf("round export, warm token cache: median %.3f s = %,.0f conversations/s%n", warm.export,
                warm.conversations / warm.export);
        out.printf("bare Jackson ObjectMapper of the same conversations: median %.3f s = %,.0f conversations/s%n",
                cold.jackson, cold.conversations / cold.jackson);
        out.printf("taiyi bench export: %,.0f conversations/s cold, %,.0f warm (target 50,000); %.1f x / %.1f x the time of "
                + "bare Jackson%n", cold.conversations / cold.export, warm.conversations / warm.export,
                cold.export / cold.jackson, warm.export / cold.jackson);
        return 0;
    }

    /** Untimed runs at most, should the heap never settle. */
    private static final int MAX_WARMUP = 200;

    /** Untimed runs the last measure took. */
    private int warmupRuns;

    private record Result(int conversations, long bytes, double first, double export, double jackson) {
    }

    private Result measure(List<Document> documents, LabelSchema schema, QwenTokenizer tokenizer, ObjectMapper bare,
            ConversationLength shared) throws IOException {
        int conversations = 0;
        long bytes = 0;
        double[] export = new double[runs];
        double[] jackson = new double[runs];
        double first = 0;
        HeapSettling heap = new HeapSettling();
        int untimed = 0;
        while (untimed < warmup || !heap.settled() && untimed < MAX_WARMUP) {
            long t0 = System.nanoTime();
            List<Conversation> list = CorpusConversations.render("bc5cdr", schema, documents, EnumSet.allOf(TaskKind.class),
                    RoundRequest.MAX_TOKENS, RoundRequest.SEED, shared != null ? shared : new ConversationLength(tokenizer));
            ConversationLines.write(list, new CountingSink());
            if (untimed++ == 0) {
                first = (System.nanoTime() - t0) / 1e9;
            }
            for (Conversation c : list) {
                bare.writeValue(new CountingSink(), c);
            }
        }
        warmupRuns = untimed;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            List<Conversation> list = CorpusConversations.render("bc5cdr", schema, documents, EnumSet.allOf(TaskKind.class),
                    RoundRequest.MAX_TOKENS, RoundRequest.SEED, shared != null ? shared : new ConversationLength(tokenizer));
            CountingSink sink = new CountingSink();
            ConversationLines.write(list, sink);
            long t1 = System.nanoTime();
            CountingSink bareSink = new CountingSink();
            for (Conversation c : list) {
                bare.writeValue(bareSink, c);
                bareSink.write('\n');
            }
            long t2 = System.nanoTime();
            conversations = list.size();
            bytes = sink.count;
            export[i] = (t1 - t0) / 1e9;
            jackson[i] = (t2 - t1) / 1e9;
        }
        return new Result(conversations, bytes, first, median(export), median(jackson));
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Bytes thrown away, counted: the disk is not what is measured. */
    private static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count += len;
        }
    }
}
