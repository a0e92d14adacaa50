package taiyi.workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import taiyi.workbench.curation.graph.ConsistencyFinder;
import taiyi.workbench.curation.graph.CorpusRelations;
import taiyi.workbench.curation.graph.DocumentRelations;
import taiyi.workbench.curation.graph.GraphMLWriter;
import taiyi.workbench.curation.graph.InconsistentRelation;
import taiyi.workbench.curation.graph.RelationGraph;
import taiyi.workbench.store.CorpusStore;

/**
 * {@code taiyi relations}: a corpus's relations as one graph of concepts, the questions the Relation
 * Graph view asks, from the shell.
 */
@Command(name = "relations", description = "Review a corpus's relations as a graph of concepts.",
        subcommands = {RelationsCommand.Inconsistent.class, RelationsCommand.Graphml.class})
final class RelationsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: try 'taiyi relations --help'");
    }

    /** Every document of the corpus read down to concepts; exits through the handler when the corpus is not there. */
    static List<DocumentRelations> read(DatabaseOption db, String corpus) {
        try (CorpusStore store = db.open()) {
            return CorpusRelations.read(store, corpus);
        }
    }

    /**
     * {@code taiyi relations inconsistent}: each concept pair related in some documents and not in
     * others where both concepts occur, as a JSON line, those left out most often first.
     */
    @Command(name = "inconsistent", description = {"Concept pairs the curated layer relates in some documents and not in others",
        "where both concepts occur, one JSON line each (most often left out first), then a summary."})
    static final class Inconsistent implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOption db;

        @Option(names = "--corpus", required = true, paramLabel = "NAME", description = "Corpus to check.")
        String corpus;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            List<DocumentRelations> documents = read(db, corpus);
            List<InconsistentRelation> found = ConsistencyFinder.find(documents);
            ObjectMapper mapper = new ObjectMapper();
            for (InconsistentRelation r : found) {
                ObjectNode json = mapper.createObjectNode();
                json.put("type", r.type());
                json.put("head", r.head());
                json.put("head_label", r.headLabel());
                json.put("tail", r.tail());
                json.put("tail_label", r.tailLabel());
                json.put("related", r.relatedIn().size());
                json.put("unrelated", r.unrelatedIn().size());
                json.set("related_in", mapper.valueToTree(r.relatedIn()));
                json.set("unrelated_in", mapper.valueToTree(r.unrelatedIn()));
                out.println(mapper.writeValueAsString(json));
            }
            out.printf("taiyi relations inconsistent: %d concept pairs of corpus '%s' (%d documents) are related in some "
                    + "documents and not in others naming both%n", found.size(), corpus, documents.size());
            return 0;
        }
    }

    /** {@code taiyi relations graphml}: the corpus graph as GraphML, for network tools. */
    @Command(name = "graphml", description = "Write the corpus's concepts and relations (curated and open suggestions) as GraphML.")
    static final class Graphml implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOption db;

        @Option(names = "--corpus", required = true, paramLabel = "NAME", description = "Corpus to write.")
        String corpus;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The GraphML file to write.")
        Path file;

        @Override
        public Integer call() throws Exception {
            RelationGraph graph = RelationGraph.of(read(db, corpus));
            new GraphMLWriter().write(graph, file);
            spec.commandLine().getOut().printf("taiyi relations graphml: corpus '%s', %d concepts and %d edges written to %s%n",
                    corpus, graph.nodes().size(), graph.edges().size(), file);
            return 0;
        }
    }
}
