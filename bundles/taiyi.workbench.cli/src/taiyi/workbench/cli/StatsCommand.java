package taiyi.workbench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import taiyi.workbench.core.model.EntityType;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.store.CorpusStats;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.CuratorStats;

/** {@code taiyi stats}: a corpus's counts as one line of JSON, then the summary line. */
@Command(name = "stats", description = "Print documents, mentions by type, relations by type and decisions per curator of a corpus as JSON.")
final class StatsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Option(names = "--corpus", required = true, paramLabel = "NAME", description = "Corpus to count.")
    String corpus;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CorpusStats stats;
        LabelSchema schema;
        List<CuratorStats> curators;
        try (CorpusStore store = db.open()) {
            stats = store.statistics().stats(corpus);
            schema = store.documents().schema(corpus);
            curators = store.statistics().curators(corpus);
        }
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode json = mapper.createObjectNode();
        json.put("corpus", stats.corpus());
        json.put("documents", stats.documents());
        json.put("mentions", stats.mentions());
        json.put("relations", stats.relations());
        json.set("documents_by_language", mapper.valueToTree(stats.documentsByLanguage()));
        json.set("mentions_by_type", mapper.valueToTree(stats.mentionsByType()));
        json.set("relations_by_type", mapper.valueToTree(stats.relationsByType()));
        json.set("entity_types", mapper.valueToTree(schema.entityTypes().stream().map(EntityType::name).toList()));
        // who decided how much, and for how long (imports are no one's decisions)
        ObjectNode byCurator = json.putObject("curators");
        for (CuratorStats c : curators) {
            ObjectNode one = byCurator.putObject(c.curator());
            one.put("decisions", c.decisions());
            one.put("duration_ms", c.durationMs());
            one.put("documents", c.documents());
        }
        out.println(mapper.writeValueAsString(json));
        out.printf("taiyi stats: corpus '%s', %d documents, %d mentions of %d types, %d relations, %d decisions by %d curators%n",
                stats.corpus(), stats.documents(), stats.mentions(), stats.mentionsByType().size(), stats.relations(),
                curators.stream().mapToInt(CuratorStats::decisions).sum(), curators.size());
        return 0;
    }
}
