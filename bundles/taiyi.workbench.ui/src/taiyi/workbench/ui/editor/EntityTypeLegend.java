package taiyi.workbench.ui.editor;

import java.util.Map;

import org.eclipse.draw2d.Figure;
import org.eclipse.draw2d.FlowLayout;
import org.eclipse.draw2d.Label;
import org.eclipse.draw2d.LineBorder;
import org.eclipse.draw2d.MarginBorder;
import org.eclipse.draw2d.CompoundBorder;
import org.eclipse.draw2d.ColorConstants;

/**
 * A Draw2d legend of a document's entity types: one chip per type in the type's colour, with how
 * many mentions of it the document holds, and the digit key that labels a selection with it.
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

    /** Replaces the chips with one per type, in the order given. */
    public void show(Map<String, Integer> countsByType, EntityTypePalette palette) {
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
        revalidate();
        repaint();
    }
}
