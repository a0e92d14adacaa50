package taiyi.workbench.core.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import taiyi.workbench.core.model.EntityMention;

/** The curation time of a log, added up by hand on a constructed one. */
class DecisionTimeTest {

    private static final EntityMention FEVER = EntityMention.of("T1", "Disease", 0, 5, List.of());

    @Test
    void everyCuratorEventCountsAndTheImportDoesNot() {
        List<CorrectionEvent> log = List.of(
                // an import that somehow carries a duration still is no curator's time
                new CorrectionEvent(0, "d", "import", Instant.EPOCH, CorrectionAction.IMPORT, null, null, null, null, null,
                        new AnnotationSet(List.of(FEVER), List.of()), 0, "cli", 5_000),
                CorrectionEvent.decision("d", "ann", CorrectionAction.REJECT, "s-1", "editor", 4_000),
                CorrectionEvent.onMention("d", "ann", CorrectionAction.ACCEPT, null, FEVER, "s-2", "editor", 2_000),
                // from the CLI: a decision without a duration
                CorrectionEvent.decision("d", "ann", CorrectionAction.SKIP, null, "cli", 0),
                CorrectionEvent.decision("d", "ann", CorrectionAction.MARK_DONE, null, "editor", 90_000));

        DecisionTime time = DecisionTime.of(log);

        assertEquals(new DecisionTime(4, 3, 96_000), time);
        // the queue's cost per decision: only what decided an annotation
        assertEquals(new DecisionTime(2, 2, 6_000), DecisionTime.ofAnnotationDecisions(log));
    }

    @Test
    void foldsRowsTheSameWayAsEvents() {
        DecisionTime rows = DecisionTime.NONE.plus(CorrectionAction.IMPORT, 7)
                .plus(CorrectionAction.UNDO, 300).plus(CorrectionAction.DELETE, 0);
        assertEquals(new DecisionTime(2, 1, 300), rows);
        assertEquals(DecisionTime.NONE, DecisionTime.of(List.of()));
    }

    @Test
    void refusesANegativeDuration() {
        assertThrows(IllegalArgumentException.class, () -> DecisionTime.NONE.plus(CorrectionAction.ACCEPT, -1));
    }
}
