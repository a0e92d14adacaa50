package taiyi.workbench.ui.editor;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.draw2d.Figure;
import org.eclipse.draw2d.FlowLayout;
import org.eclipse.draw2d.Label;
import org.eclipse.draw2d.LineBorder;
import org.eclipse.draw2d.MarginBorder;
import org.eclipse.draw2d.CompoundBorder;
import org.eclipse.draw2d.ColorConstants;

import taiyi.workbench.core.curation.LabelSuggestion;

/**
 * A Draw2d legend of a document's entity types: one chip per type in the type's colour, with how
 * many mentions of it the document holds, and the digit key that labels a selection with it; after
 * them, the document labels the model suggested (text classification) with their scores, read-only.
 */
public final class EntityTypeLegend extends Figure {

    public EntityTypeLegend() {
        FlowLayout layout = new FlowLayout(true);
        layout.setMajorSpacing(6);
        layout.setMinorSpacing(4);
        setLayoutManager(layout);
        setBorder(new MarginBorder(4, 6, 4, 6));
        setOpaque(true);
        setBackgroundColor(ColorConstants.white);
    }

    /** Replaces the chips with one per type, in the order given, then the suggested labels (if any). */
    public void show(Map<String, Integer> countsByType, EntityTypePalette palette, List<LabelSuggestion> labels) {
        removeAll();
        int[] key = {0};
        countsByType.forEach((type, count) -> {
            key[0]++;
            // the digit that labels a selection with this type, for the first nine
            Label chip = new Label((key[0] <= 9 ? key[0] + " " : "") + type + "  " + count);
            chip.setOpaque(true);
            chip.setBackgroundColor(palette.colorOf(type));
            chip.setBorder(new CompoundBorder(new LineBorder(ColorConstants.gray, 1), new MarginBorder(1, 5, 1, 5)));
            chip.setToolTip(new Label(count + " mention" + (count == 1 ? "" : "s") + " of type " + type));
            add(chip);
        });
        if (!labels.isEmpty()) {
            Label suggested = new Label("suggested labels: "
                    + labels.stream().map(SuggestionLabels::of).collect(Collectors.joining(", ")));
            suggested.setBorder(new MarginBorder(1, 5, 1, 5));
            suggested.setForegroundColor(ColorConstants.darkGray);
            suggested.setToolTip(new Label(labels.stream().map(l -> l.label() + ": " + l.provenance().modelId()
                    + (l.provenance().adapterId().isEmpty() ? "" : " + " + l.provenance().adapterId()) + ", "
                    + l.provenance().promptTemplateId() + ", round " + l.provenance().round() + ", score " + l.score()).collect(Collectors.joining("\n"))));
            add(suggested);
        }
        revalidate();
        repaint();
    }

    /** The text of the suggested-labels line, or null when the document has none. */
    public String suggestedLabelsText() {
        for (Object child : getChildren()) {
            if (child instanceof Label l && l.getText().startsWith("suggested labels: ")) {
                return l.getText();
            }
        }
        return null;
    }
}
