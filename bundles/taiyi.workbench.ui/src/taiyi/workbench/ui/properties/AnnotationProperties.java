package taiyi.workbench.ui.properties;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;

import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.LabelSuggestion;
import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.curation.SuggestionStatus;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.curation.AnnotationModel;
import taiyi.workbench.ui.editor.AnnotationItem;
import taiyi.workbench.ui.l10n.Messages;

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

    /**
     * The rows of an item; {@code schema} names its types in the UI language (with the code beside
     * the name where they differ).
     */
    public static List<AnnotationProperty> of(AnnotationItem item, AnnotationModel model, List<CorrectionEvent> log,
            LabelSchema schema) {
        List<AnnotationProperty> rows = new ArrayList<>();
        String text = model.text();
        if (item instanceof AnnotationItem.CuratedMention c) {
            rows.add(new AnnotationProperty(Messages.AnnotationProperties_layer, Messages.AnnotationProperties_curated));
            mentionRows(c.mention(), text, rows, schema);
            for (Relation r : model.relationsOf(c.mention())) {
                rows.add(new AnnotationProperty(Messages.AnnotationProperties_relation, describe(r, model, schema)));
            }
        } else if (item instanceof AnnotationItem.SuggestedMention s) {
            Suggestion sg = s.suggestion();
            rows.add(new AnnotationProperty(Messages.AnnotationProperties_layer,
                    NLS.bind(Messages.AnnotationProperties_suggested, status(model.status(sg.id())))));
            mentionRows(sg.mention(), text, rows, schema);
            provenanceRows(sg.provenance(), sg.score(), rows);
        } else if (item instanceof AnnotationItem.SuggestedRelation s) {
            RelationSuggestion rs = s.suggestion();
            rows.add(new AnnotationProperty(Messages.AnnotationProperties_layer,
                    NLS.bind(Messages.AnnotationProperties_suggestedRelation, status(model.status(rs.id())))));
            rows.add(new AnnotationProperty(Messages.AnnotationProperties_id, rs.id()));
            rows.add(new AnnotationProperty(Messages.AnnotationProperties_type,
                    named(schema.relationTypeName(rs.relation().type(), Messages.language()), rs.relation().type())));
            rows.add(new AnnotationProperty(Messages.AnnotationProperties_head, suggestedArgument(rs.relation().head(), model, schema)));
            rows.add(new AnnotationProperty(Messages.AnnotationProperties_tail, suggestedArgument(rs.relation().tail(), model, schema)));
            provenanceRows(rs.provenance(), rs.score(), rows);
        } else if (item instanceof AnnotationItem.CuratedRelation r) {
            rows.add(new AnnotationProperty(Messages.AnnotationProperties_layer, Messages.AnnotationProperties_curated));
            rows.add(new AnnotationProperty(Messages.AnnotationProperties_id, r.relation().id()));
            rows.add(new AnnotationProperty(Messages.AnnotationProperties_relation, describe(r.relation(), model, schema)));
            rows.add(new AnnotationProperty(Messages.AnnotationProperties_arguments, r.conceptLevel()
                    ? Messages.AnnotationProperties_argumentsConcepts : Messages.AnnotationProperties_argumentsMentions));
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
            rows.add(new AnnotationProperty(Messages.AnnotationProperties_suggestedLabel, NLS.bind(Messages.AnnotationProperties_labelValue,
                    new Object[] {l.label(), String.format(Locale.ROOT, "%.4f", l.score()), describe(l.provenance())})));
        }
        return rows;
    }

    private static String describe(Provenance p) {
        return NLS.bind(Messages.AnnotationProperties_provenance, new Object[] {
                p.modelId() + (p.adapterId().isEmpty() ? "" : " + " + p.adapterId()), p.promptTemplateId(), p.round()});
    }

    private static void provenanceRows(Provenance provenance, double score, List<AnnotationProperty> rows) {
        rows.add(new AnnotationProperty(Messages.AnnotationProperties_model, provenance.modelId()));
        rows.add(new AnnotationProperty(Messages.AnnotationProperties_adapter,
                provenance.adapterId().isEmpty() ? Messages.AnnotationProperties_none : provenance.adapterId()));
        rows.add(new AnnotationProperty(Messages.AnnotationProperties_template, provenance.promptTemplateId()));
        rows.add(new AnnotationProperty(Messages.AnnotationProperties_round, Integer.toString(provenance.round())));
        rows.add(new AnnotationProperty(Messages.AnnotationProperties_score, String.format(Locale.ROOT, "%.4f", score)));
    }

    /** A relation suggestion's argument: its id, its text, and what it is now (suggested, or the mention it became). */
    private static String suggestedArgument(String argument, AnnotationModel model, LabelSchema schema) {
        var mention = model.suggestedArgument(argument);
        if (mention.isEmpty()) {
            return NLS.bind(Messages.AnnotationProperties_argumentMissing, argument);
        }
        String covered = mention.get().coveredText(model.text());
        String type = schema.entityTypeName(mention.get().type(), Messages.language());
        var accepted = model.acceptedMention(argument);
        if (accepted.isPresent()) {
            return NLS.bind(Messages.AnnotationProperties_argumentAccepted, new Object[] {argument, covered, type, accepted.get().id()});
        }
        if (model.suggestion(argument).isPresent()) {
            SuggestionStatus status = model.status(argument);
            return status.isOpen() ? NLS.bind(Messages.AnnotationProperties_argumentSuggested, new Object[] {argument, covered, type})
                    : NLS.bind(Messages.AnnotationProperties_argumentDecided, new Object[] {argument, covered, type, status(status)});
        }
        return NLS.bind(Messages.AnnotationProperties_argumentConcept, new Object[] {argument, covered, type});
    }

    /** A suggestion's status in the UI language. */
    private static String status(SuggestionStatus status) {
        return switch (status) {
            case OPEN -> Messages.AnnotationProperties_statusOpen;
            case ACCEPTED -> Messages.AnnotationProperties_statusAccepted;
            case REJECTED -> Messages.AnnotationProperties_statusRejected;
        };
    }

    /** A type's display name with its code beside it, or the code alone where it has no other name. */
    private static String named(String name, String code) {
        return name.equals(code) ? code : NLS.bind(Messages.AnnotationProperties_typeWithCode, name, code);
    }

    private static void mentionRows(EntityMention m, String text, List<AnnotationProperty> rows, LabelSchema schema) {
        rows.add(new AnnotationProperty(Messages.AnnotationProperties_id, m.id()));
        rows.add(new AnnotationProperty(Messages.AnnotationProperties_type, named(schema.entityTypeName(m.type(), Messages.language()), m.type())));
        rows.add(new AnnotationProperty(Messages.AnnotationProperties_text, m.coveredText(text)));
        rows.add(new AnnotationProperty(Messages.AnnotationProperties_spans,
                m.isDiscontinuous() ? NLS.bind(Messages.AnnotationProperties_discontinuous, m.spans()) : m.spans().toString()));
        rows.add(new AnnotationProperty(Messages.AnnotationProperties_concepts, m.normalizations().isEmpty() ? Messages.AnnotationProperties_none
                : m.normalizations().stream().map(Object::toString).collect(Collectors.joining(", "))));
        m.attributes().forEach((k, v) -> rows.add(new AnnotationProperty(k, v)));
    }

    private static String describe(Relation r, AnnotationModel model, LabelSchema schema) {
        return NLS.bind(Messages.AnnotationProperties_relationValue, new Object[] {
                named(schema.relationTypeName(r.type(), Messages.language()), r.type()), argument(r.head(), model), argument(r.tail(), model)});
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
                rows.add(new AnnotationProperty("#" + e.id(), e.durationMs() > 0
                        ? NLS.bind(Messages.AnnotationProperties_eventTimed, new Object[] {e.action(), e.user(), WHEN.format(e.at()), e.uiLocation(),
                                e.durationMs()})
                        : NLS.bind(Messages.AnnotationProperties_event, new Object[] {e.action(), e.user(), WHEN.format(e.at()), e.uiLocation()})));
            }
        }
    }
}
