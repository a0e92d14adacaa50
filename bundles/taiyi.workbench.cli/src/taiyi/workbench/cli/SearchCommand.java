package taiyi.workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import taiyi.workbench.index.CorpusIndex;
import taiyi.workbench.index.IndexUpdater;
import taiyi.workbench.index.QuerySyntaxException;
import taiyi.workbench.index.SearchHit;
import taiyi.workbench.index.SearchResult;
import taiyi.workbench.index.StaleCorpora;
import taiyi.workbench.store.CorpusStore;

/**
 * {@code taiyi search}: a curator's query on one corpus; one JSON line per hit (document id, score,
 * language, snippet), then the summary line with the total and the facet counts.
 */
@Command(name = "search", description = {"Search a corpus: words, \"phrases\" (English and Chinese), AND/OR/NOT, ( ),",
    "and the fields type: status: layer: concept: mention: relation: label: state: lang: disagree: id:.",
    "Example: cisplatin AND type:Chemical status:unreviewed"})
final class SearchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Mixin
    IndexOption index;

    @Option(names = "--corpus", required = true, paramLabel = "NAME", description = "Corpus to search.")
    String corpus;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "Hits to print (default 20).")
    int limit;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The query (several arguments are joined by spaces).")
    List<String> words;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String query = String.join(" ", words);
        Path folder = index.folder(db);
        SearchResult result;
        try (CorpusIndex idx = CorpusIndex.open(folder)) {
            try (CorpusStore store = db.open()) {
                // the workbench's rule: a corpus whose documents the index counts differently (never indexed,
                // imported or deleted while nobody followed the store) is rebuilt; that beats a wrong answer
                if (new StaleCorpora(store, idx).isStale(corpus)) {
                    int n = new IndexUpdater(store, idx).rebuild(corpus);
                    err.printf("taiyi search: indexed corpus '%s' (%d documents) into %s first%n", corpus, n, folder);
                }
            }
            result = idx.search(corpus, query, limit);
        } catch (QuerySyntaxException e) {
            err.println("taiyi search: " + e.getMessage());
            err.println("  " + e.query());
            err.println("  " + " ".repeat(Math.max(0, e.column() - 1)) + "^");
            return 2;
        }
        ObjectMapper mapper = new ObjectMapper();
        for (SearchHit h : result.hits()) {
            ObjectNode json = mapper.createObjectNode();
            json.put("doc", h.documentId());
            json.put("score", Math.round(h.score() * 1000) / 1000.0);
            json.put("lang", h.language());
            json.put("snippet", h.snippet());
            out.println(mapper.writeValueAsString(json));
        }
        out.printf("taiyi search: %d documents match '%s' in corpus '%s' (%d shown); types %s, statuses %s, languages %s%n",
                result.totalHits(), query, corpus, result.hits().size(), result.types(), result.statuses(), result.languages());
        return 0;
    }
}
