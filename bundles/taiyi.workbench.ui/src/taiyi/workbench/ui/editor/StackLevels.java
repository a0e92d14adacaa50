package taiyi.workbench.ui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import taiyi.workbench.core.model.EntityMention;

/**
 * Which underline row each curated mention takes so that overlapping mentions stack instead of
 * hiding one another: mentions in position order each take the lowest row whose previous occupant
 * has ended (interval-graph colouring), so a mention nested in another sits one row below it.
 */
final class StackLevels {

    private final Map<String, Integer> levels = new HashMap<>();
    private int depth;

    /** @param byPosition mentions sorted by start (longer first on ties) */
    StackLevels(List<EntityMention> byPosition) {
        List<Integer> rowEnds = new ArrayList<>();
        for (EntityMention m : byPosition) {
            int row = 0;
            while (row < rowEnds.size() && rowEnds.get(row) > m.start()) {
                row++;
            }
            if (row == rowEnds.size()) {
                rowEnds.add(m.end());
            } else {
                rowEnds.set(row, m.end());
            }
            levels.put(m.id(), row);
        }
        depth = rowEnds.size();
    }

    int levelOf(EntityMention m) {
        return levels.getOrDefault(m.id(), 0);
    }

    /** How many rows the deepest stack needs. */
    int depth() {
        return depth;
    }
}
