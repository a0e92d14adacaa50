package taiyi.workbench.curation.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.curation.AnnotationModel;

/**
 * One document's relations read down to concepts: which concepts its curated mentions name, and
 * which concept pairs its curated relations and open relation suggestions join. A mention stands for
 * its first normalisation ({@code D009270}, {@code MESH:D009270}); a mention with none stands for its
 * type and lower-cased text, so corpora without concept links (CMeIE) still group by name. A
 * composite mention (two normalisations) makes both concepts occur, and stands for the first.
 *
 * @param documentId the document
 * @param concepts per concept key, how the document names it, in order of first mention
 * @param relations the curated relations, then the open suggestions, in the model's order
 */
public record DocumentRelations(String documentId, Map<String, ConceptOccurrence> concepts, List<ConceptRelation> relations) {

    public DocumentRelations {
        concepts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(concepts));
        relations = List.copyOf(relations);
    }

    /** The concept a mention stands for: its first normalisation, else its type and lower-cased text. */
    public static String conceptKey(EntityMention m, String text) {
        if (!m.normalizations().isEmpty()) {
            return m.normalizations().get(0).toString();
        }
        return m.type() + " \"" + m.coveredText(text).toLowerCase(Locale.ROOT) + "\"";
    }

    /** Whether a concept occurs in the document: a curated mention names it. */
    public boolean names(String conceptKey) {
        ConceptOccurrence c = concepts.get(conceptKey);
        return c != null && c.isCurated();
    }

    /** Reads a document's curated layer and open relation suggestions from its annotation model. */
    public static DocumentRelations of(String documentId, AnnotationModel model) {
        String text = model.text();
        Map<String, Builder> concepts = new LinkedHashMap<>();
        for (EntityMention m : model.mentions()) {
            if (m.normalizations().isEmpty()) {
                occurrence(concepts, conceptKey(m, text), m, text).mentionIds.add(m.id());
            }
            for (Normalization n : m.normalizations()) {
                occurrence(concepts, n.toString(), m, text).mentionIds.add(m.id());
            }
        }
        List<ConceptRelation> relations = new ArrayList<>();
        for (Relation r : model.relations()) {
            relations.add(new ConceptRelation(r.id(), r.type(), curatedConcept(r.head(), model), curatedConcept(r.tail(), model),
                    EdgeStatus.CURATED, Double.NaN, r.evidence()));
        }
        for (RelationSuggestion rs : model.openRelationSuggestions()) {
            Relation r = rs.relation();
            String head = suggestedConcept(r.head(), model, concepts);
            String tail = suggestedConcept(r.tail(), model, concepts);
            relations.add(new ConceptRelation(rs.id(), r.type(), head, tail, EdgeStatus.SUGGESTED, rs.score(), r.evidence()));
        }
        Map<String, ConceptOccurrence> out = new LinkedHashMap<>();
        concepts.forEach((key, b) -> out.put(key, new ConceptOccurrence(key, b.type, b.label, b.mentionIds, b.suggestionIds)));
        return new DocumentRelations(documentId, out, relations);
    }

    private static Builder occurrence(Map<String, Builder> concepts, String key, EntityMention m, String text) {
        return concepts.computeIfAbsent(key, k -> new Builder(m.type(), m.coveredText(text)));
    }

    /**
     * The concept a curated relation's argument names: the concept of the mention it names, or the
     * concept itself as the mentions write it ({@code D001} named as {@code MESH:D001} stays the
     * mentions' form); an argument nothing carries any more keeps its own name.
     */
    private static String curatedConcept(String argument, AnnotationModel model) {
        Optional<EntityMention> direct = model.mention(argument);
        if (direct.isPresent()) {
            return conceptKey(direct.get(), model.text());
        }
        for (EntityMention m : model.argumentMentions(argument)) {
            for (Normalization n : m.normalizations()) {
                if (n.matches(argument)) {
                    return n.toString();
                }
            }
        }
        return argument;
    }

    /**
     * The concept a suggested relation's argument names: through the curated mention its suggestion
     * became, the suggestion itself (whose concept then occurs as a suggestion only, unless a curated
     * mention names it too), or a concept of the document.
     */
    private static String suggestedConcept(String argument, AnnotationModel model, Map<String, Builder> concepts) {
        Optional<EntityMention> accepted = model.acceptedMention(argument);
        if (accepted.isPresent()) {
            return conceptKey(accepted.get(), model.text());
        }
        Optional<Suggestion> s = model.suggestion(argument);
        if (s.isPresent()) {
            EntityMention m = s.get().mention();
            String key = conceptKey(m, model.text());
            Builder b = occurrence(concepts, key, m, model.text());
            if (!b.suggestionIds.contains(s.get().id())) {
                b.suggestionIds.add(s.get().id());
            }
            return key;
        }
        return curatedConcept(argument, model);
    }

    private static final class Builder {
        final String type;
        final String label;
        final List<String> mentionIds = new ArrayList<>();
        final List<String> suggestionIds = new ArrayList<>();

        Builder(String type, String label) {
            this.type = type;
            this.label = label;
        }
    }
}
