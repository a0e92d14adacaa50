package taiyi.workbench.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Rectangle;

import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.curation.AnnotationModel;

/**
 * The lines whose painted decorations a decision or a caret move changed, repainted together once
 * the key is handled.
 *
 * <p>{@code StyledText.redraw()}, and its area form as well, throws away and re-measures the Pango
 * layout of every line it covers: on a page of long wrapped abstracts 5–10 ms a call, two calls a
 * key, half of a decision's time. Decorations change no text and no layout (the styles a decision
 * changes are re-laid out by {@code setStyleRanges} itself), so the lines are repainted through
 * {@code setLineBackground(line, count, null)}, the one public call that repaints whole lines from the
 * cached layouts; this editor gives no line a background, so clearing it changes nothing else. A
 * line's band above its first row (where its arcs run and the caret frame's top edge lies) is the
 * spacing of the line before, so that line is repainted too. Lines out of view are skipped: they
 * are painted when scrolled to. Those repaints stop at the left, right and top margins, so a change
 * that draws into the left or top margin (a frame at a line's start, arcs over the first visible
 * line) repaints the whole page instead; an arc end at the right margin's edge can still keep a
 * stale pixel column until the next full repaint.
 */
final class DecorationRepaint {

    private final StyledText text;
    /** Char ranges {@code [start, end)} waiting to be repainted. */
    private final List<int[]> pending = new ArrayList<>();

    DecorationRepaint(StyledText text) {
        this.text = text;
    }

    /** The decorations of chars {@code [start, end)} changed. */
    void chars(int start, int end) {
        pending.add(new int[] {start, Math.max(start, end)});
    }

    /** The decorations of a mention changed (underline, outline, frame). */
    void mention(EntityMention m) {
        chars(m.start(), m.end());
    }

    /** The frame (and for a relation, the bold arc) of an item changed: the lines of it and its arguments. */
    void item(AnnotationItem item, AnnotationModel model) {
        if (item instanceof AnnotationItem.CuratedMention c) {
            mention(c.mention());
        } else if (item instanceof AnnotationItem.SuggestedMention s) {
            mention(s.suggestion().mention());
        } else if (item instanceof AnnotationItem.CuratedRelation r) {
            first(model.argumentMentions(r.relation().head())).ifPresent(this::mention);
            first(model.argumentMentions(r.relation().tail())).ifPresent(this::mention);
        } else if (item instanceof AnnotationItem.SuggestedRelation r) {
            model.suggestedArgument(r.suggestion().relation().head()).ifPresent(this::mention);
            model.suggestedArgument(r.suggestion().relation().tail()).ifPresent(this::mention);
        }
    }

    private static Optional<EntityMention> first(List<EntityMention> mentions) {
        return mentions.isEmpty() ? Optional.empty() : Optional.of(mentions.get(0));
    }

    /** Whether a marked range starts a line or lies on the first visible line. */
    private boolean touchesMargins(int topLine) {
        for (int[] range : pending) {
            int start = Math.min(range[0], text.getCharCount());
            int line = text.getLineAtOffset(start);
            if (line <= topLine || start == text.getOffsetAtLine(line)) {
                return true;
            }
        }
        return false;
    }

    /** Repaints what was marked since the last call. */
    void flush() {
        if (text.isDisposed()) {
            pending.clear();
            return;
        }
        if (pending.isEmpty() || text.getCharCount() == 0) {
            pending.clear();
            return;
        }
        Rectangle area = text.getClientArea();
        int top = text.getLineIndex(0);
        int bottom = text.getLineIndex(Math.max(0, area.height - 1));
        if (touchesMargins(top)) {
            // line repaints stop at the margins: a frame at a line's start reaches into the left one,
            // arcs over the first visible line run in the top one — repaint all, as before
            pending.clear();
            text.redraw();
            text.update();
            return;
        }
        // merged by line, so a line marked twice (the change and the caret's next item) is repainted once
        boolean[] marked = new boolean[bottom - top + 1];
        for (int[] range : pending) {
            int first = text.getLineAtOffset(Math.min(range[0], text.getCharCount()));
            int last = text.getLineAtOffset(Math.min(Math.max(range[0], range[1] - 1), text.getCharCount()));
            for (int line = Math.max(first, top); line <= Math.min(last, bottom); line++) {
                marked[line - top] = true;
            }
        }
        pending.clear();
        for (int i = 0; i < marked.length; i++) {
            if (!marked[i]) {
                continue;
            }
            int j = i;
            while (j + 1 < marked.length && marked[j + 1]) {
                j++;
            }
            int first = Math.max(0, top + i - 1);
            text.setLineBackground(first, top + j - first + 1, null);
            i = j;
        }
        // painted now, as the whole-widget redraw was, not on GTK's next frame
        text.update();
    }
}
