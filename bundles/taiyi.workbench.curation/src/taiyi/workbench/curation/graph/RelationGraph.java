package taiyi.workbench.curation.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Concepts and the relations between them over some documents: one document (the document scope)
 * or a corpus. Nodes come in order of first mention, edges curated first and then suggested, each
 * in order of first statement. Built once from each document's {@link DocumentRelations}; a change
 * to one document rebuilds from the others' unchanged parts.
 *
 * @param nodes the concepts
 * @param edges the relations between them
 */
public record RelationGraph(List<GraphNode> nodes, List<GraphEdge> edges) {

    public RelationGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /**
     * The graph of some documents: a node per concept a curated mention names (and per concept only
     * a suggestion names, where a suggested relation needs it), an edge per relation type and
     * status between two concepts.
     */
    public static RelationGraph of(List<DocumentRelations> documents) {
        boolean oneDocument = documents.size() == 1;
        Map<String, NodeBuilder> nodes = new LinkedHashMap<>();
        Map<String, EdgeBuilder> curated = new LinkedHashMap<>();
        Map<String, EdgeBuilder> suggested = new LinkedHashMap<>();
        for (DocumentRelations d : documents) {
            for (ConceptOccurrence c : d.concepts().values()) {
                NodeBuilder n = nodes.computeIfAbsent(c.key(), k -> new NodeBuilder());
                n.add(c, oneDocument);
            }
            for (ConceptRelation r : d.relations()) {
                Map<String, EdgeBuilder> edges = r.status() == EdgeStatus.CURATED ? curated : suggested;
                String id = GraphEdge.idOf(r.status(), r.type(), r.head(), r.tail());
                edges.computeIfAbsent(id, k -> new EdgeBuilder(id, r)).add(d.documentId(), r);
                for (String end : List.of(r.head(), r.tail())) {
                    // an argument no mention carries any more still shows where the relation points
                    nodes.computeIfAbsent(end, k -> new NodeBuilder()).labels.putIfAbsent(end, 0);
                }
            }
        }
        List<GraphNode> nodeList = new ArrayList<>(nodes.size());
        nodes.forEach((key, n) -> nodeList.add(n.build(key)));
        List<GraphEdge> edgeList = new ArrayList<>(curated.size() + suggested.size());
        curated.values().forEach(e -> edgeList.add(e.build()));
        suggested.values().forEach(e -> edgeList.add(e.build()));
        return new RelationGraph(nodeList, edgeList);
    }

    /** The nodes and edges a filter keeps; an edge goes with either end. */
    public RelationGraph filtered(GraphFilter filter) {
        Map<String, GraphNode> kept = new LinkedHashMap<>();
        for (GraphNode n : nodes) {
            if (filter.keeps(n)) {
                kept.put(n.key(), n);
            }
        }
        List<GraphEdge> edgesKept = edges.stream()
                .filter(e -> filter.keeps(e) && kept.containsKey(e.head()) && kept.containsKey(e.tail())).toList();
        return new RelationGraph(new ArrayList<>(kept.values()), edgesKept);
    }

    public Optional<GraphNode> node(String key) {
        return nodes.stream().filter(n -> n.key().equals(key)).findFirst();
    }

    public Optional<GraphEdge> edge(String id) {
        return edges.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Nodes by key, for callers that look many up. */
    public Map<String, GraphNode> nodesByKey() {
        Map<String, GraphNode> out = new HashMap<>();
        nodes.forEach(n -> out.put(n.key(), n));
        return Collections.unmodifiableMap(out);
    }

    private static final class NodeBuilder {
        /** Each text it is named by, with how many documents name it so. */
        final Map<String, Integer> labels = new LinkedHashMap<>();
        int mentions;
        int documents;
        final List<String> mentionIds = new ArrayList<>();
        final List<String> suggestionIds = new ArrayList<>();
        String type = "";

        void add(ConceptOccurrence c, boolean oneDocument) {
            if (type.isEmpty()) {
                type = c.type();
            }
            labels.merge(c.label(), c.isCurated() ? 1 : 0, Integer::sum);
            mentions += c.mentionIds().size();
            if (c.isCurated()) {
                documents++;
            }
            if (oneDocument) {
                mentionIds.addAll(c.mentionIds());
                suggestionIds.addAll(c.suggestionIds());
            }
        }

        GraphNode build(String key) {
            String label = key;
            int best = -1;
            for (Map.Entry<String, Integer> e : labels.entrySet()) {
                if (e.getValue() > best) {
                    best = e.getValue();
                    label = e.getKey();
                }
            }
            return new GraphNode(key, type, label, mentions, documents, mentionIds,
                    suggestionIds);
        }
    }

    private static final class EdgeBuilder {
        final String id;
        final ConceptRelation first;
        final List<EdgeSource> sources = new ArrayList<>();
        double scoreSum;

        EdgeBuilder(String id, ConceptRelation first) {
            this.id = id;
            this.first = first;
        }

        void add(String documentId, ConceptRelation r) {
            sources.add(new EdgeSource(documentId, r.annotationId(), r.evidence()));
            scoreSum += r.status() == EdgeStatus.SUGGESTED ? r.score() : 0;
        }

        GraphEdge build() {
            double score = first.status() == EdgeStatus.SUGGESTED ? scoreSum / sources.size() : Double.NaN;
            return new GraphEdge(id, first.type(), first.head(), first.tail(), first.status(), score, sources);
        }
    }
}
