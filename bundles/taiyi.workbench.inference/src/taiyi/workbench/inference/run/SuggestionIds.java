package taiyi.workbench.inference.run;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.inference.preannotate.DocumentPreannotation;

/**
 * Keeps a new pre-annotation's ids clear of the suggestions a document already holds (another
 * model in the same round proposes {@code s-1-0} too): clashing results get a suffix on every id,
 * relation arguments renamed along, so decisions already logged keep pointing at what they meant.
 */
final class SuggestionIds {

    private SuggestionIds() {
    }

    static DocumentPreannotation clearOf(List<Suggestion> existing, List<RelationSuggestion> existingRelations,
            DocumentPreannotation fresh) {
        Set<String> taken = new HashSet<>();
        existing.forEach(s -> taken.add(s.id()));
        existingRelations.forEach(r -> taken.add(r.id()));
        if (noneTaken(fresh, taken, "")) {
            return fresh;
        }
        int k = 2;
        while (!noneTaken(fresh, taken, "-" + k)) {
            k++;
        }
        String suffix = "-" + k;
        Map<String, String> renamed = new HashMap<>();
        List<Suggestion> mentions = fresh.mentions().stream().map(s -> {
            EntityMention m = s.mention();
            renamed.put(m.id(), m.id() + suffix);
            return new Suggestion(new EntityMention(m.id() + suffix, m.type(), m.spans(), m.normalizations(), m.attributes()), s.provenance(), s.score());
        }).toList();
        List<RelationSuggestion> relations = fresh.relations().stream().map(r -> {
            Relation rel = r.relation();
            return new RelationSuggestion(new Relation(rel.id() + suffix, rel.type(), renamed.getOrDefault(rel.head(), rel.head()),
                    renamed.getOrDefault(rel.tail(), rel.tail()), rel.evidence()), r.provenance(), r.score());
        }).toList();
        return new DocumentPreannotation(fresh.documentId(), mentions, relations, fresh.labels(), fresh.problems());
    }

    private static boolean noneTaken(DocumentPreannotation p, Set<String> taken, String suffix) {
        return p.mentions().stream().noneMatch(s -> taken.contains(s.id() + suffix))
                && p.relations().stream().noneMatch(r -> taken.contains(r.id() + suffix));
    }
}
