package taiyi.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.cli.CommandRun.run;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.formats.pubtator.PubTatorReader;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.testing.TaiyiSuggestions;

/**
 * {@code taiyi curate} on the BC5CDR development set: a model's suggestions on PMID 6794356 (lithium
 * carbonate and three diseases it induces, CID relations between them) decided from the shell, the
 * log checked in the database afterwards.
 */
class CurateCommandTest {

    private static final String PMID = "6794356";
    private static final String MODEL = TaiyiSuggestions.MODEL;

    @TempDir
    Path tmp;

    private String db;
    private Document abstractDoc;
    /** A second document of the set, with a suggestion of another model and round. */
    private String otherPmid;

    @BeforeEach
    void importAndSuggest() throws Exception {
        db = tmp.resolve("db").toString();
        Path file = Path.of(System.getProperty("taiyi.testdata"), "bc5cdr", "CDR_DevelopmentSet.PubTator.txt");
        CommandRun imported = run("import", "--db", db, "--corpus", "cdr", "--format", "pubtator", file.toString());
        assertEquals(0, imported.code(), imported.err());
        List<Document> documents = new PubTatorReader().read(file);
        abstractDoc = documents.stream().filter(d -> d.id().equals(PMID)).findFirst().orElseThrow();
        Document other = documents.get(0).id().equals(PMID) ? documents.get(1) : documents.get(0);
        otherPmid = other.id();
        try (CorpusStore store = CorpusStore.open(Path.of(db))) {
            store.suggestions().addSuggestions("cdr", PMID, List.of(
                    suggestion("P1", "Chemical", "Lithium carbonate", -0.1),
                    suggestion("P2", "Disease", "cyanosis", -0.3),
                    suggestion("P3", "Disease", "cardiac arrhythmia", -0.5),
                    suggestion("P4", "Disease", "neurologic depression", -1.5)), List.of(
                            cid("RS1", "P1", "P2", -0.2),
                            cid("RS2", "P1", "P3", -0.9),
                            cid("RS3", "P1", "P4", -2.0)),
                    List.of());
            EntityMention gold = other.mentions().get(0);
            store.suggestions().addSuggestions("cdr", otherPmid, List.of(new Suggestion(new EntityMention("D1", gold.type(), gold.spans(),
                    gold.normalizations()), new Provenance("dictionary", "", "dict", 2), -0.7)));
        }
    }

    private Suggestion suggestion(String id, String type, String phrase, double score) {
        return TaiyiSuggestions.mention(abstractDoc, id, type, phrase, score);
    }

    private static RelationSuggestion cid(String id, String head, String tail, double score) {
        return TaiyiSuggestions.cid(id, head, tail, score);
    }

    private List<CorrectionEvent> log(String pmid) {
        try (CorpusStore store = CorpusStore.open(Path.of(db))) {
            return store.log().events("cdr", pmid);
        }
    }

    private CurationState state(String pmid) {
        try (CorpusStore store = CorpusStore.open(Path.of(db))) {
            return store.log().fold("cdr", pmid).state();
        }
    }

    @Test
    void suggestionsAreRejectedAndAcceptedByFilterUnderTheEditorsRules() {
        CommandRun rejected = run("curate", "reject", "--db", db, "--corpus", "cdr", "--source", MODEL, "--type", "Disease",
                "--min-score", "-1.0", PMID);
        assertEquals(0, rejected.code(), rejected.err());
        assertEquals("taiyi curate reject: corpus 'cdr', 2 suggestions rejected in 1 of 1 documents, 0 refused", rejected.last());
        List<CorrectionEvent> log = log(PMID);
        List<CorrectionEvent> made = log.subList(1, log.size());
        assertEquals(List.of("P2", "P3"), made.stream().map(CorrectionEvent::suggestionId).toList());
        assertTrue(made.stream().allMatch(e -> e.action() == CorrectionAction.REJECT && e.uiLocation().equals("cli")
                && e.user().equals(System.getProperty("user.name"))), made.toString());

        // every document, round 1 only: the relations whose tail was rejected are refused with the reason
        CommandRun accepted = run("curate", "accept", "--db", db, "--corpus", "cdr", "--round", "1");
        assertEquals(0, accepted.code(), accepted.err());
        assertEquals("taiyi curate accept: corpus 'cdr', 3 suggestions accepted in 1 of 500 documents, 2 refused",
                accepted.last());
        List<String> refusals = accepted.err().lines().toList();
        assertEquals(2, refusals.size(), accepted.err());
        assertTrue(refusals.get(0).startsWith("taiyi curate accept: document " + PMID + ", RS1: ")
                && refusals.get(0).contains("P2 was rejected"), refusals.get(0));
        assertTrue(refusals.get(1).contains("RS2") && refusals.get(1).contains("P3 was rejected"), refusals.get(1));
        log = log(PMID);
        assertEquals(List.of("P1", "P4", "RS3"), log.subList(3, log.size()).stream().map(CorrectionEvent::suggestionId).toList());
        assertTrue(log.subList(3, log.size()).stream().allMatch(e -> e.action() == CorrectionAction.ACCEPT));
        assertEquals(1, log(otherPmid).size(), "the round-2 suggestion of the other document was taken");

        CommandRun nothingLeft = run("curate", "accept", "--db", db, "--corpus", "cdr", "--round", "1", PMID);
        assertEquals("taiyi curate accept: corpus 'cdr', 0 suggestions accepted in 0 of 1 documents, 2 refused", nothingLeft.last());
    }

    @Test
    void documentsAreMarkedDoneReopenedAndTheirDecisionsUndoneAndRedone() {
        CommandRun done = run("curate", "done", "--db", db, "--corpus", "cdr", PMID, otherPmid);
        assertEquals(0, done.code(), done.err());
        assertEquals("taiyi curate done: corpus 'cdr', 2 documents marked done, 0 refused", done.last());
        assertEquals(CurationState.DONE, state(PMID));
        CorrectionEvent mark = log(PMID).get(1);
        assertEquals(CorrectionAction.MARK_DONE, mark.action());
        assertEquals("cli", mark.uiLocation());

        CommandRun again = run("curate", "done", "--db", db, "--corpus", "cdr", PMID);
        assertEquals("taiyi curate done: corpus 'cdr', 0 documents marked done, 1 refused", again.last());
        assertEquals("taiyi curate done: document " + PMID + " is already done", again.err().strip());

        CommandRun reopened = run("curate", "reopen", "--db", db, "--corpus", "cdr", "--all");
        assertEquals(0, reopened.code(), reopened.err());
        assertEquals("taiyi curate reopen: corpus 'cdr', 2 documents reopened, 0 refused", reopened.last());
        assertEquals(CurationState.NEW, state(PMID));
        assertEquals(CorrectionAction.UNDO, log(PMID).get(2).action());
        assertEquals("", reopened.err(), "--all takes only the done documents");

        assertEquals(0, run("curate", "accept", "--db", db, "--corpus", "cdr", "--type", "Chemical", PMID).code());
        CommandRun undone = run("curate", "undo", "--db", db, "--corpus", "cdr", PMID);
        assertEquals(0, undone.code(), undone.err());
        assertTrue(undone.last().startsWith("taiyi curate undo: document " + PMID + ", 1 decision undone (ACCEPT of P1, event "),
                undone.last());
        CommandRun redone = run("curate", "redo", "--db", db, "--corpus", "cdr", PMID);
        assertTrue(redone.last().startsWith("taiyi curate redo: document " + PMID + ", 1 decision redone (ACCEPT of P1"),
                redone.last());
        CommandRun noRedo = run("curate", "redo", "--db", db, "--corpus", "cdr", PMID);
        assertEquals("taiyi curate redo: document " + PMID + ", 0 decisions redone, 1 refused", noRedo.last());
        assertEquals("taiyi curate redo: document " + PMID + " has nothing to redo", noRedo.err().strip());
        List<CorrectionEvent> log = log(PMID);
        assertEquals(List.of(CorrectionAction.IMPORT, CorrectionAction.MARK_DONE, CorrectionAction.UNDO, CorrectionAction.ACCEPT,
                CorrectionAction.UNDO, CorrectionAction.REDO), log.stream().map(CorrectionEvent::action).toList());
    }

    @Test
    void badInputExitsNonZeroAndWritesNothing() {
        CommandRun noCorpus = run("curate", "accept", "--db", db, "--corpus", "nothing-here");
        assertEquals(2, noCorpus.code());
        assertTrue(noCorpus.err().contains("no corpus 'nothing-here'"), noCorpus.err());
        CommandRun unknownDocument = run("curate", "accept", "--db", db, "--corpus", "cdr", PMID, "123");
        assertEquals(2, unknownDocument.code());
        assertTrue(unknownDocument.err().contains("document 123 is not in corpus 'cdr'"), unknownDocument.err());
        assertEquals(1, log(PMID).size(), "a refused command line decided something");
        assertEquals(2, run("curate", "done", "--db", db, "--corpus", "cdr").code());
        assertEquals(2, run("curate", "done", "--db", db, "--corpus", "cdr", "--all", PMID).code());
        assertEquals(2, run("curate", "accept", "--db", db, "--corpus", "cdr", "--min-score", "high").code());
        assertEquals(2, run("curate", "accept", "--db", db, "--corpus", "cdr", "--round", "-1").code());
        assertEquals(2, run("curate", "undo", "--db", db, "--corpus", "cdr").code());
        assertEquals(2, run("curate", "--db", db).code());
        assertEquals(1, log(PMID).size());

        CommandRun help = run("curate", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("accept") && help.out().contains("reopen"), help.out());
        for (String sub : List.of("accept", "reject", "done", "reopen", "undo", "redo")) {
            CommandRun subHelp = run("curate", sub, "--help");
            assertEquals(0, subHelp.code(), sub);
            assertTrue(subHelp.out().startsWith("Usage: taiyi curate " + sub), subHelp.out());
        }
    }
}
