package taiyi.workbench.cli;

import java.io.PrintWriter;
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

/** {@code taiyi stats}: a corpus's counts as one line of JSON, then the summary line. */
@Command(name = "stats", description = "Print documents, mentions by type and relations by type of a corpus as JSON.")
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
        try (CorpusStore store = db.open()) {
            stats = store.statistics().stats(corpus);
            schema = store.documents().schema(corpus);
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
        out.println(mapper.writeValueAsString(json));
        out.printf("taiyi stats: corpus '%s', %d documents, %d mentions of %d types, %d relations%n", stats.corpus(),
                stats.documents(), stats.mentions(), stats.mentionsByType().size(), stats.relations());
        return 0;
    }
}
