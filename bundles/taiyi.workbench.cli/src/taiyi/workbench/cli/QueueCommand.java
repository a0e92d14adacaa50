package taiyi.workbench.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import taiyi.workbench.learning.learner.PredictedMention;
import taiyi.workbench.learning.queue.CurationQueue;
import taiyi.workbench.learning.queue.Exploration;
import taiyi.workbench.learning.queue.QueueCandidate;
import taiyi.workbench.learning.queue.QueuePool;
import taiyi.workbench.learning.queue.QueueStrategies;
import taiyi.workbench.learning.queue.QueueStrategy;
import taiyi.workbench.learning.queue.RankedDocument;
import taiyi.workbench.learning.queue.StoredQueuePool;
import taiyi.workbench.learning.queue.UncertainSuggestion;
import taiyi.workbench.store.CorpusStore;

/** {@code taiyi queue}: the documents to curate next, ranked, as JSON lines, then the summary line. */
@Command(name = "queue", description = "Print the documents of a corpus to curate next, ranked by a strategy, as JSON lines: "
        + "rank, document, strategy, reason, score and the most uncertain suggestions first.")
final class QueueCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Option(names = "--corpus", required = true, paramLabel = "NAME", description = "Corpus to rank.")
    String corpus;

    @Option(names = "--strategy", paramLabel = "S", defaultValue = "margin",
            description = "random, margin, least-confidence, mnlp, disagreement, diversity or cost (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--limit", paramLabel = "K", defaultValue = "10", description = "How many documents (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--exploration", paramLabel = "E", defaultValue = "0.1",
            description = "Share of random picks once warmed up, 0 to 1 (default: ${DEFAULT-VALUE}); higher while few documents are done.")
    double exploration;

    @Option(names = "--warm-up", paramLabel = "N", defaultValue = "20",
            description = "Done documents that end the cold start, before which every pick is more random (default: ${DEFAULT-VALUE}).")
    int warmUp;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the random picks (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--suggestions", paramLabel = "N", defaultValue = "3",
            description = "Most uncertain suggestions shown per document (default: ${DEFAULT-VALUE}).")
    int suggestions;

    @Override
    public Integer call() throws Exception {
        if (limit < 0 || suggestions < 0 || warmUp < 0) {
            throw new ParameterException(spec.commandLine(), "--limit, --suggestions and --warm-up must not be negative");
        }
        if (!(exploration >= 0 && exploration <= 1)) {
            throw new ParameterException(spec.commandLine(), "--exploration must lie in [0, 1], not " + exploration);
        }
        QueueStrategy chosen;
        try {
            chosen = QueueStrategies.named(strategy, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        QueuePool pool;
        try (CorpusStore store = db.open()) {
            pool = StoredQueuePool.read(store, corpus);
        }
        CurationQueue queue = new CurationQueue(chosen, new Exploration(exploration, warmUp), seed);
        List<RankedDocument> ranked = queue.next(pool, limit);
        Map<String, String> texts = new HashMap<>();
        for (QueueCandidate c : pool.candidates()) {
            texts.put(c.documentId(), c.text());
        }
        ObjectMapper mapper = new ObjectMapper();
        PrintWriter out = spec.commandLine().getOut();
        for (RankedDocument r : ranked) {
            out.println(mapper.writeValueAsString(json(mapper, r, texts.get(r.documentId()))));
        }
        out.printf(java.util.Locale.ROOT, "taiyi queue: corpus '%s', strategy %s, %d of %d documents to curate (exploration share %.2f, %d done)%n",
                corpus, chosen.id(), ranked.size(), pool.candidates().size(), queue.explorationShare(pool), pool.curated().size());
        return 0;
    }

    private ObjectNode json(ObjectMapper mapper, RankedDocument r, String text) {
        ObjectNode json = mapper.createObjectNode();
        json.put("rank", r.rank());
        json.put("document", r.documentId());
        json.put("strategy", r.strategy());
        json.put("reason", r.reason());
        json.put("score", r.score());
        ArrayNode top = json.putArray("suggestions");
        for (UncertainSuggestion u : r.suggestions().subList(0, Math.min(suggestions, r.suggestions().size()))) {
            PredictedMention m = u.mention();
            ObjectNode s = top.addObject();
            if (!u.suggestionId().isEmpty()) {
                s.put("id", u.suggestionId());
            }
            s.put("source", u.source());
            s.put("start", m.start());
            s.put("end", m.end());
            if (text != null && m.end() <= text.length()) {
                s.put("text", text.substring(m.start(), m.end()));
            }
            s.put("type", m.type());
            s.put("confidence", m.confidence());
            s.put("runner_up", m.runnerUp());
            s.put("runner_up_confidence", m.runnerUpConfidence());
            s.put("margin", m.margin());
        }
        return json;
    }
}
