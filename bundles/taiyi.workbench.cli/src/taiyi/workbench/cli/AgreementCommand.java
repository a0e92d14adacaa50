package taiyi.workbench.cli;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import taiyi.workbench.learning.CuratedCorpus;
import taiyi.workbench.learning.CuratedDocument;
import taiyi.workbench.learning.DocumentSelection;
import taiyi.workbench.learning.evaluation.Agreement;
import taiyi.workbench.learning.evaluation.CuratorAgreement;
import taiyi.workbench.learning.evaluation.Tally;
import taiyi.workbench.store.CorpusStore;

/**
 * {@code taiyi agreement}: two copies of the same documents curated separately, compared on the
 * documents both copies selected: per-type F1 and token-level Cohen's kappa.
 */
@Command(name = "agreement", description = {"Agreement between two separately curated copies of the same documents:",
    "per-type F1 (exact span and type) and token-level Cohen's kappa, on the documents both copies have done."})
final class AgreementCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Option(names = "--corpus", required = true, paramLabel = "NAME", description = "A copy; give exactly two.")
    List<String> corpora;

    @Option(names = "--documents", defaultValue = "done", paramLabel = "done|all",
            description = "Which documents of each copy count (default done).")
    String documents;

    @Override
    public Integer call() throws Exception {
        if (corpora.size() != 2) {
            throw new ParameterException(spec.commandLine(), "give --corpus exactly twice, not " + corpora.size() + " times");
        }
        DocumentSelection selection = DocumentSelection.parse(documents);
        List<CuratedDocument> first;
        List<CuratedDocument> second;
        try (CorpusStore store = db.open()) {
            first = CuratedCorpus.read(store, corpora.get(0), selection);
            second = CuratedCorpus.read(store, corpora.get(1), selection);
        }
        Set<String> both = new HashSet<>();
        first.forEach(d -> both.add(d.document().id()));
        Set<String> inSecond = new HashSet<>();
        second.forEach(d -> inSecond.add(d.document().id()));
        both.retainAll(inSecond);
        if (both.isEmpty()) {
            throw new IllegalArgumentException("corpora '" + corpora.get(0) + "' and '" + corpora.get(1) + "' have no " + documents
                    + " document in common");
        }
        Agreement a = CuratorAgreement.compare(first.stream().filter(d -> both.contains(d.document().id())).toList(),
                second.stream().filter(d -> both.contains(d.document().id())).toList());
        PrintWriter w = spec.commandLine().getOut();
        w.printf("%-8s %-16s %6s %6s %6s %7s%n", "kind", "type", "both", "first", "second", "F1");
        for (Map.Entry<String, Tally> t : a.mentions().byType().entrySet()) {
            row(w, "mention", t.getKey(), t.getValue());
        }
        row(w, "mention", "micro", a.mentions().micro());
        for (Map.Entry<String, Tally> t : a.relations().byType().entrySet()) {
            row(w, "relation", t.getKey(), t.getValue());
        }
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode json = mapper.createObjectNode();
        json.put("first", corpora.get(0));
        json.put("second", corpora.get(1));
        json.put("documents", a.documents());
        json.put("tokens", a.tokens());
        json.put("observed", EvaluateCommand.round4(a.observed()));
        json.put("kappa", EvaluateCommand.round4(a.kappa()));
        json.set("mentions", EvaluateCommand.scores(mapper, a.mentions()));
        json.set("relations", EvaluateCommand.scores(mapper, a.relations()));
        w.println(mapper.writeValueAsString(json));
        w.printf(Locale.ROOT, "taiyi agreement: %d documents, %d tokens, mention micro-F1 %.3f, Cohen's kappa %.3f%n", a.documents(),
                a.tokens(), a.mentions().micro().f1(), a.kappa());
        return 0;
    }

    private static void row(PrintWriter w, String kind, String type, Tally t) {
        // "first" is the first copy's annotations missing from the second, "second" the reverse
        w.printf(Locale.ROOT, "%-8s %-16s %6d %6d %6d %7.3f%n", kind, type, t.truePositives(), t.falseNegatives(), t.falsePositives(), t.f1());
    }
}
