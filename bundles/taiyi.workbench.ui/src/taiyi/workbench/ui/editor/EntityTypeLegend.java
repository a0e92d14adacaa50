package taiyi.workbench.ui.editor;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.draw2d.Figure;
import org.eclipse.draw2d.FlowLayout;
import org.eclipse.draw2d.Label;
import org.eclipse.draw2d.LineBorder;
import org.eclipse.draw2d.MarginBorder;
import org.eclipse.draw2d.CompoundBorder;
import org.eclipse.draw2d.ColorConstants;

import org.eclipse.osgi.util.NLS;

import taiyi.workbench.core.curation.LabelSuggestion;
import taiyi.workbench.ui.l10n.Messages;

/**
 * A Draw2d legend of a document's entity types: one chip per type in the type's colour, with its
 * display name in the UI language (the code in the tooltip), how many mentions of it the document
 * holds, and the digit key that labels a selection with it; after them, the document labels the
 * model suggested (text classification) with their scores, read-only.
 */
public final class EntityTypeLegend extends Figure {

    private Function<String, String> names = Function.identity();

    public EntityTypeLegend() {
        FlowLayout layout = new FlowLayout(true);
        layout.setMajorSpacing(6);
        layout.setMinorSpacing(4);
        setLayoutManager(layout);
        setBorder(new MarginBorder(4, 6, 4, 6));
        setOpaque(true);
        setBackgroundColor(ColorConstants.white);
    }

    /** How types are named on the chips from the next {@link #show} on; the code by default. */
    public void setNames(Function<String, String> names) {
        this.names = names;
    }

    /** Replaces the chips with one per type, in the order given, then the suggested labels (if any). */
    public void show(Map<String, Integer> countsByType, EntityTypePalette palette, List<LabelSuggestion> labels) {
        removeAll();
        int[] key = {0};
        countsByType.forEach((type, count) -> {
            key[0]++;
            // the digit that labels a selection with this type, for the first nine
            Label chip = new Label((key[0] <= 9 ? key[0] + " " : "") + names.apply(type) + "  " + count);
            chip.setOpaque(true);
            chip.setBackgroundColor(palette.colorOf(type));
            chip.setBorder(new CompoundBorder(new LineBorder(ColorConstants.gray, 1), new MarginBorder(1, 5, 1, 5)));
            chip.setToolTip(new Label(NLS.bind(count == 1 ? Messages.EntityTypeLegend_chipTooltipOne : Messages.EntityTypeLegend_chipTooltipMany,
                    new Object[] {count, names.apply(type), type})));
            add(chip);
        });
        if (!labels.isEmpty()) {
            Label suggested = new Label(NLS.bind(Messages.EntityTypeLegend_suggestedLabels,
                    labels.stream().map(SuggestionLabels::of).collect(Collectors.joining(", "))));
            suggested.setBorder(new MarginBorder(1, 5, 1, 5));
            suggested.setForegroundColor(ColorConstants.darkGray);
            suggested.setToolTip(new Label(labels.stream().map(l -> NLS.bind(Messages.EntityTypeLegend_labelTooltip, new Object[] {
                    l.label(), l.provenance().modelId() + (l.provenance().adapterId().isEmpty() ? "" : " + " + l.provenance().adapterId()),
                    l.provenance().promptTemplateId(), l.provenance().round(), l.score()})).collect(Collectors.joining("\n"))));
            add(suggested);
        }
        revalidate();
        repaint();
    }

    /** The text of the suggested-labels line, or null when the document has none. */
    public String suggestedLabelsText() {
        for (Object child : getChildren()) {
            if (child instanceof Label l && l.getText().startsWith(NLS.bind(Messages.EntityTypeLegend_suggestedLabels, ""))) {
                return l.getText();
            }
        }
        return null;
    }
}
