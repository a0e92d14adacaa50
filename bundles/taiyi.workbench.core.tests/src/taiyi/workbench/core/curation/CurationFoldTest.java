package taiyi.workbench.core.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Relation;

class CurationFoldTest {

    private static final EntityMention FEVER = EntityMention.of("T1", "Disease", 0, 5, List.of());
    private static final EntityMention COUGH = EntityMention.of("T2", "Disease", 10, 15, List.of());
    private final List<CorrectionEvent> log = new ArrayList<>();

    private CorrectionEvent add(CorrectionEvent e) {
        CorrectionEvent stored = e.stored(log.size() + 1, Instant.EPOCH.plusSeconds(log.size()));
        log.add(stored);
        return stored;
    }

    private void imported(EntityMention... mentions) {
        add(new CorrectionEvent(0, "d", "import", Instant.EPOCH, CorrectionAction.IMPORT, null, null, null, null, null,
                new AnnotationSet(List.of(mentions), List.of()), 0, "import", 0));
    }

    private CorrectionEvent walk(CorrectionAction action, CorrectionEvent target) {
        return add(new CorrectionEvent(0, "d", "ann", Instant.EPOCH, action, null, null, null, null, null, null, target.id(),
                "editor", 0));
    }

    @Test
    void theCuratedLayerIsTheImportWithTheDecisionsApplied() {
        imported(FEVER);
        EntityMention feverFixed = new EntityMention("T1", "SpecificDisease", FEVER.spans(), List.of(), Map.of());
        add(CorrectionEvent.onMention("d", "ann", CorrectionAction.MODIFY, FEVER, feverFixed, null, "editor", 1200));
        add(CorrectionEvent.onMention("d", "ann", CorrectionAction.ACCEPT, null, COUGH, "S7", "editor", 300));
        add(CorrectionEvent.decision("d", "ann", CorrectionAction.REJECT, "S8", "editor", 250));
        add(CorrectionEvent.onRelation("d", "ann", CorrectionAction.CREATE, null, new Relation("R1", "co-occurs", "T1", "T2"),
                "editor", 900));
        CurationFold fold = CurationFold.of(log);
        assertEquals(List.of(feverFixed, COUGH), fold.curated().mentions());
        assertEquals(1, fold.curated().relations().size());
        assertEquals(Map.of("S7", CorrectionAction.ACCEPT, "S8", CorrectionAction.REJECT), fold.decisions());
        assertEquals(CurationState.IN_PROGRESS, fold.state());
    }

    @Test
    void undoAndRedoWalkTheLogAsAStackAndANewDecisionClearsRedo() {
        imported(FEVER);
        CorrectionEvent delete = add(CorrectionEvent.onMention("d", "ann", CorrectionAction.DELETE, FEVER, null, null, "e", 5));
        CorrectionEvent create = add(CorrectionEvent.onMention("d", "ann", CorrectionAction.CREATE, null, COUGH, null, "e", 5));
        assertEquals(List.of(COUGH), CurationFold.of(log).curated().mentions());

        walk(CorrectionAction.UNDO, create);
        walk(CorrectionAction.UNDO, delete);
        CurationFold undone = CurationFold.of(log);
        assertEquals(List.of(FEVER), undone.curated().mentions());
        assertEquals(delete, undone.nextRedo().orElseThrow());
        assertEquals(CurationState.NEW, undone.state());

        walk(CorrectionAction.REDO, delete);
        assertEquals(List.of(), CurationFold.of(log).curated().mentions());
        assertEquals(create, CurationFold.of(log).nextRedo().orElseThrow());

        add(CorrectionEvent.decision("d", "ann", CorrectionAction.MARK_DONE, null, "e", 5));
        CurationFold done = CurationFold.of(log);
        assertTrue(done.nextRedo().isEmpty(), "a new decision clears what could be redone");
        assertEquals(CurationState.DONE, done.state());
    }

    @Test
    void impossibleHistoriesAreRefused() {
        imported(FEVER);
        CorrectionEvent delete = add(CorrectionEvent.onMention("d", "ann", CorrectionAction.DELETE, FEVER, null, null, "e", 5));
        List<CorrectionEvent> twice = new ArrayList<>(log);
        twice.add(delete.stored(99, Instant.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> CurationFold.of(twice), "deleting what is gone");
        walk(CorrectionAction.UNDO, delete);
        assertThrows(IllegalArgumentException.class, () -> CurationFold.of(withWalk(CorrectionAction.UNDO, delete)),
                "undoing the same decision twice");
        assertThrows(IllegalArgumentException.class, () -> CurationFold.of(withWalk(CorrectionAction.REDO, log.get(0))),
                "redoing something never undone");
        assertThrows(IllegalArgumentException.class, () -> CorrectionEvent.onMention("d", "ann", CorrectionAction.MODIFY, FEVER,
                COUGH, null, "e", 1), "MODIFY must keep the id");
        assertThrows(IllegalArgumentException.class, () -> CorrectionEvent.decision("d", "ann", CorrectionAction.SKIP, null,
                "e", -1), "negative durations");
    }

    private List<CorrectionEvent> withWalk(CorrectionAction action, CorrectionEvent target) {
        List<CorrectionEvent> copy = new ArrayList<>(log);
        copy.add(new CorrectionEvent(copy.size() + 1, "d", "ann", Instant.EPOCH, action, null, null, null, null, null, null,
                target.id(), "e", 0));
        return copy;
    }
}
