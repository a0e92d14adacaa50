package taiyi.workbench.ui.properties;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.LabelSuggestion;
import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.curation.SuggestionStatus;
import taiyi.workbench.core.model.AnnotationLayer;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.curation.AnnotationModel;
import taiyi.workbench.ui.editor.AnnotationItem;

/**
 * The rows the Annotation view shows for an item: its facts, then its history — every event of the
 * document's log that created, changed, accepted, rejected or skipped it, and the undos and redos of
 * those — oldest first.
 */
public final class AnnotationProperties {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private AnnotationProperties() {
    }

    public static List<AnnotationProperty> of(AnnotationItem item, AnnotationModel model, List<CorrectionEvent> log) {
        List<AnnotationProperty> rows = new ArrayList<>();
        String text = model.text();
        if (item instanceof AnnotationItem.CuratedMention c) {
            rows.add(new AnnotationProperty("Layer", AnnotationLayer.CURATED.id()));
            mentionRows(c.mention(), text, rows);
            for (Relation r : model.relationsOf(c.mention())) {
                rows.add(new AnnotationProperty("Relation", describe(r, model)));
            }
        } else if (item instanceof AnnotationItem.SuggestedMention s) {
            Suggestion sg = s.suggestion();
            rows.add(new AnnotationProperty("Layer", AnnotationLayer.SUGGESTED.id() + " (" + model.status(sg.id()).name().toLowerCase(Locale.ROOT) + ")"));
            mentionRows(sg.mention(), text, rows);
            provenanceRows(sg.provenance(), sg.score(), rows);
        } else if (item instanceof AnnotationItem.SuggestedRelation s) {
            RelationSuggestion rs = s.suggestion();
            rows.add(new AnnotationProperty("Layer", AnnotationLayer.SUGGESTED.id() + " relation ("
                    + model.status(rs.id()).name().toLowerCase(Locale.ROOT) + ")"));
            rows.add(new AnnotationProperty("Id", rs.id()));
            rows.add(new AnnotationProperty("Type", rs.relation().type()));
            rows.add(new AnnotationProperty("Head", suggestedArgument(rs.relation().head(), model)));
            rows.add(new AnnotationProperty("Tail", suggestedArgument(rs.relation().tail(), model)));
            provenanceRows(rs.provenance(), rs.score(), rows);
        } else if (item instanceof AnnotationItem.CuratedRelation r) {
            rows.add(new AnnotationProperty("Layer", AnnotationLayer.CURATED.id()));
            rows.add(new AnnotationProperty("Id", r.relation().id()));
            rows.add(new AnnotationProperty("Relation", describe(r.relation(), model)));
            rows.add(new AnnotationProperty("Arguments", r.conceptLevel()
                    ? "concepts (drawn between their first mentions)" : "mentions"));
        }
        history(item.id(), log, rows);
        return rows;
    }

    /**
     * The rows shown while nothing is at the caret: the document labels the model suggested, each
     * with its score and provenance. Read-only: the correction log has no label events yet.
     */
    public static List<AnnotationProperty> ofDocument(AnnotationModel model) {
        List<AnnotationProperty> rows = new ArrayList<>();
        for (LabelSuggestion l : model.labelSuggestions()) {
            rows.add(new AnnotationProperty("Suggested label", l.label() + String.format(Locale.ROOT, " (score %.4f; ", l.score())
                    + describe(l.provenance()) + ")"));
        }
        return rows;
    }

    private static String describe(Provenance p) {
        return p.modelId() + (p.adapterId().isEmpty() ? "" : " + " + p.adapterId()) + ", " + p.promptTemplateId() + ", round " + p.round();
    }

    private static void provenanceRows(Provenance provenance, double score, List<AnnotationProperty> rows) {
        rows.add(new AnnotationProperty("Model", provenance.modelId()));
        rows.add(new AnnotationProperty("Adapter", provenance.adapterId().isEmpty() ? "(none)" : provenance.adapterId()));
        rows.add(new AnnotationProperty("Template", provenance.promptTemplateId()));
        rows.add(new AnnotationProperty("Round", Integer.toString(provenance.round())));
        rows.add(new AnnotationProperty("Score", String.format(Locale.ROOT, "%.4f", score)));
    }

    /** A relation suggestion's argument: its id, its text, and what it is now (suggested, or the mention it became). */
    private static String suggestedArgument(String argument, AnnotationModel model) {
        var mention = model.suggestedArgument(argument);
        if (mention.isEmpty()) {
            return argument + " (not in the document)";
        }
        String text = "\"" + mention.get().coveredText(model.text()) + "\" (" + mention.get().type();
        var accepted = model.acceptedMention(argument);
        if (accepted.isPresent()) {
            return argument + " " + text + "; accepted as " + accepted.get().id() + ")";
        }
        if (model.suggestion(argument).isPresent()) {
            SuggestionStatus status = model.status(argument);
            return argument + " " + text + ", suggested" + (status.isOpen() ? "" : ", " + status.name().toLowerCase(Locale.ROOT))
                    + ")";
        }
        return argument + " " + text + ", concept)";
    }

    private static void mentionRows(EntityMention m, String text, List<AnnotationProperty> rows) {
        rows.add(new AnnotationProperty("Id", m.id()));
        rows.add(new AnnotationProperty("Type", m.type()));
        rows.add(new AnnotationProperty("Text", m.coveredText(text)));
        rows.add(new AnnotationProperty("Spans", m.spans().toString() + (m.isDiscontinuous() ? " (discontinuous)" : "")));
        rows.add(new AnnotationProperty("Concepts", m.normalizations().isEmpty() ? "(none)"
                : m.normalizations().stream().map(Object::toString).collect(Collectors.joining(", "))));
        m.attributes().forEach((k, v) -> rows.add(new AnnotationProperty(k, v)));
    }

    private static String describe(Relation r, AnnotationModel model) {
        return r.type() + ": " + argument(r.head(), model) + " → " + argument(r.tail(), model);
    }

    private static String argument(String arg, AnnotationModel model) {
        List<EntityMention> ms = model.argumentMentions(arg);
        return ms.isEmpty() ? arg : arg + " \"" + ms.get(0).coveredText(model.text()) + "\"";
    }

    private static void history(String id, List<CorrectionEvent> log, List<AnnotationProperty> rows) {
        Set<Long> about = new HashSet<>();
        for (CorrectionEvent e : log) {
            boolean concerns = id.equals(e.suggestionId())
                    || e.mentionBefore() != null && id.equals(e.mentionBefore().id())
                    || e.mentionAfter() != null && id.equals(e.mentionAfter().id())
                    || e.relationBefore() != null && id.equals(e.relationBefore().id())
                    || e.relationAfter() != null && id.equals(e.relationAfter().id())
                    || e.imported() != null && (e.imported().mentions().stream().anyMatch(m -> m.id().equals(id))
                            || e.imported().relations().stream().anyMatch(r -> r.id().equals(id)))
                    || about.contains(e.refersTo());
            if (concerns) {
                about.add(e.id());
                rows.add(new AnnotationProperty("#" + e.id(), e.action() + " by " + e.user() + " at " + WHEN.format(e.at())
                        + " (" + e.uiLocation() + (e.durationMs() > 0 ? ", " + e.durationMs() + " ms" : "") + ")"));
            }
        }
    }
}
