package taiyi.workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import taiyi.workbench.learning.evaluation.CorpusEvaluator;
import taiyi.workbench.learning.evaluation.Evaluation;
import taiyi.workbench.learning.evaluation.LearningCurve;
import taiyi.workbench.learning.evaluation.LineChartPng;
import taiyi.workbench.learning.evaluation.ScoreTable;
import taiyi.workbench.learning.evaluation.Tally;
import taiyi.workbench.store.CorpusStore;

/**
 * {@code taiyi evaluate}: scores a corpus's suggestion sources against its done documents (or a gold
 * corpus), prints the table and one JSON line, and stores each evaluation in the learning record; with
 * {@code --curve}, writes the learning record as CSV and PNG instead.
 */
@Command(name = "evaluate", description = {"Score suggestions (per model or learner and round) against the curated layer:",
    "exact span and type, micro and per-type P/R/F1; relations as (head, tail, type). Each evaluation is stored",
    "in the learning record. --curve --out DIR writes the learning curve (CSV and PNG) instead."})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Option(names = "--corpus", required = true, paramLabel = "NAME", description = "Corpus whose suggestions are scored.")
    String corpus;

    @Option(names = "--source", paramLabel = "ID", description = "Only this model or learner (default: every source).")
    String source;

    @Option(names = "--round", paramLabel = "N", description = "Only this round (default: every round).")
    Integer round;

    @Option(names = "--gold-corpus", paramLabel = "NAME",
            description = "Score against every document of this corpus (default: the corpus's documents marked done).")
    String goldCorpus;

    @Option(names = "--curve", description = "Write the learning curve from the learning record instead of evaluating.")
    boolean curve;

    @Option(names = "--out", paramLabel = "DIR", description = "With --curve: folder for learning-curve.csv and learning-curve.png.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        if (curve) {
            if (out == null) {
                throw new ParameterException(spec.commandLine(), "--curve needs --out DIR");
            }
            return writeCurve(w);
        }
        List<Evaluation> evaluations;
        try (CorpusStore store = db.open()) {
            evaluations = new CorpusEvaluator(store).evaluate(corpus, Optional.ofNullable(goldCorpus), Optional.ofNullable(source),
                    round == null ? OptionalInt.empty() : OptionalInt.of(round));
            Instant now = Instant.now();
            for (Evaluation e : evaluations) {
                store.learningRecords().add(corpus, e.toRecord(now));
            }
        }
        if (evaluations.isEmpty()) {
            throw new IllegalArgumentException("corpus '" + corpus + "' has no suggestions" + (source == null ? "" : " from " + source)
                    + (round == null ? "" : " of round " + round) + " to evaluate");
        }
        w.printf("%-24s %5s %-8s %-16s %6s %6s %6s %7s %7s %7s%n", "source", "round", "kind", "type", "tp", "fp", "fn", "P", "R", "F1");
        for (Evaluation e : evaluations) {
            table(w, e, "mention", e.mentions());
            if (!e.relations().byType().isEmpty()) {
                table(w, e, "relation", e.relations());
            }
        }
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode json = mapper.createObjectNode();
        json.put("corpus", corpus);
        json.put("gold_corpus", evaluations.get(0).goldCorpus());
        json.put("curated_documents", evaluations.get(0).curatedDocuments());
        json.put("curation_hours", round4(evaluations.get(0).curationHours()));
        ArrayNode array = json.putArray("evaluations");
        Evaluation best = evaluations.get(0);
        for (Evaluation e : evaluations) {
            ObjectNode o = array.addObject();
            o.put("source", e.source().id());
            o.put("round", e.source().round());
            o.set("mentions", scores(mapper, e.mentions()));
            o.set("relations", scores(mapper, e.relations()));
            if (e.mentions().micro().f1() > best.mentions().micro().f1()) {
                best = e;
            }
        }
        w.println(mapper.writeValueAsString(json));
        w.printf(Locale.ROOT, "taiyi evaluate: %d source rounds scored on %d curated documents of '%s'; best %s micro-F1 %.3f%n",
                evaluations.size(), best.curatedDocuments(), best.goldCorpus(), best.source(), best.mentions().micro().f1());
        return 0;
    }

    private int writeCurve(PrintWriter w) throws Exception {
        LearningCurve learningCurve;
        try (CorpusStore store = db.open()) {
            learningCurve = LearningCurve.of(store.learningRecords().records(corpus).stream().map(Evaluation::of)
                    .filter(e -> source == null || e.source().id().equals(source)).toList());
        }
        if (learningCurve.isEmpty()) {
            throw new IllegalArgumentException("corpus '" + corpus + "' has no stored evaluation" + (source == null ? "" : " of " + source)
                    + ": run 'taiyi evaluate --corpus " + corpus + "' first");
        }
        Path csv = out.resolve("learning-curve.csv");
        Path png = out.resolve("learning-curve.png");
        learningCurve.writeCsv(csv);
        LineChartPng.write(learningCurve.charts(), png);
        int points = learningCurve.bySource().values().stream().mapToInt(List::size).sum();
        w.printf("taiyi evaluate: learning curve of '%s', %d sources, %d points, written to %s and %s%n", corpus,
                learningCurve.bySource().size(), points, csv, png);
        return 0;
    }

    private static void table(PrintWriter w, Evaluation e, String kind, ScoreTable scores) {
        for (Map.Entry<String, Tally> t : scores.byType().entrySet()) {
            row(w, e, kind, t.getKey(), t.getValue());
        }
        row(w, e, kind, LearningCurve.MICRO, scores.micro());
    }

    private static void row(PrintWriter w, Evaluation e, String kind, String type, Tally t) {
        w.printf(Locale.ROOT, "%-24s %5d %-8s %-16s %6d %6d %6d %7.3f %7.3f %7.3f%n", e.source().id(), e.source().round(), kind, type,
                t.truePositives(), t.falsePositives(), t.falseNegatives(), t.precision(), t.recall(), t.f1());
    }

    static ObjectNode scores(ObjectMapper mapper, ScoreTable scores) {
        ObjectNode o = mapper.createObjectNode();
        o.set(LearningCurve.MICRO, tally(mapper, scores.micro()));
        ObjectNode types = o.putObject("types");
        scores.byType().forEach((type, t) -> types.set(type, tally(mapper, t)));
        return o;
    }

    private static ObjectNode tally(ObjectMapper mapper, Tally t) {
        ObjectNode o = mapper.createObjectNode();
        o.put("tp", t.truePositives());
        o.put("fp", t.falsePositives());
        o.put("fn", t.falseNegatives());
        o.put("precision", round4(t.precision()));
        o.put("recall", round4(t.recall()));
        o.put("f1", round4(t.f1()));
        return o;
    }

    static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
