package taiyi.workbench.ui.editor;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;

import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.curation.AnnotationModel;

/**
 * The mouse side of relations, brat-like: a click on an arc's label selects its relation (or the
 * relation suggestion a dashed arc shows); a drag
 * from one curated mention to another asks for the type of a relation between them. A drag that
 * does not end on another mention stays an ordinary text selection (which a digit key can label).
 */
final class RelationMouseGesture {

    /** Pixels the pointer must travel before a press-and-release counts as a drag. */
    private static final int DRAG_THRESHOLD = 6;

    private final StyledText text;
    private final AnnotationModel model;
    private final RelationArcs arcs;
    private final Consumer<RelationArcFigure> selected;
    private final BiConsumer<EntityMention, EntityMention> dragged;
    private EntityMention from;
    private Point pressedAt;

    RelationMouseGesture(StyledText text, AnnotationModel model, RelationArcs arcs, Consumer<RelationArcFigure> selected,
            BiConsumer<EntityMention, EntityMention> dragged) {
        this.text = text;
        this.model = model;
        this.arcs = arcs;
        this.selected = selected;
        this.dragged = dragged;
        text.addListener(SWT.MouseDown, this::pressed);
        text.addListener(SWT.MouseUp, this::released);
    }

    private void pressed(Event e) {
        from = null;
        if (e.button != 1) {
            return;
        }
        RelationArcFigure clicked = arcs.arcAt(e.x, e.y);
        if (clicked != null) {
            selected.accept(clicked);
            return;
        }
        from = mentionAt(e.x, e.y);
        pressedAt = new Point(e.x, e.y);
    }

    private void released(Event e) {
        EntityMention head = from;
        from = null;
        if (e.button != 1 || head == null || Math.abs(e.x - pressedAt.x) + Math.abs(e.y - pressedAt.y) < DRAG_THRESHOLD) {
            return;
        }
        EntityMention tail = mentionAt(e.x, e.y);
        if (tail != null && !tail.id().equals(head.id())) {
            // the drag made a relation, not a selection
            text.setSelection(text.getCaretOffset());
            dragged.accept(head, tail);
        }
    }

    private EntityMention mentionAt(int x, int y) {
        int offset = text.getOffsetAtPoint(new Point(x, y));
        List<EntityMention> at = offset < 0 ? List.of() : model.mentionsAt(offset);
        return at.isEmpty() ? null : at.get(0);
    }
}
