package taiyi.workbench.ui.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.curation.DocumentCuration;
import taiyi.workbench.learning.learner.MentionLearner;
import taiyi.workbench.learning.learner.dictionary.DictionaryLearner;
import taiyi.workbench.learning.learner.tagger.SequenceTaggerLearner;
import taiyi.workbench.learning.learner.tagger.TaggerSettings;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.testing.TestCorpora;

/**
 * The Retrain Learners job in the running workbench, on real BC5CDR abstracts: it retrains in the
 * background and says what each learner did; cancelled, it saves no round and the live model stays.
 */
class RetrainLearnersJobTest {

    @TempDir
    Path tmp;

    private static List<MentionLearner> learners() {
        return List.of(new DictionaryLearner(), new SequenceTaggerLearner(new TaggerSettings(5, 1, 10, false)));
    }

    @Test
    void retrainsInTheBackgroundAndACancelledRunSavesNothing() throws Exception {
        try (CorpusStore store = CorpusStore.open(tmp.resolve("db"))) {
            List<Document> docs = TestCorpora.bc5cdrDevel().subList(0, 6);
            store.documents().importDocuments("cdr", docs, "test");
            for (Document d : docs.subList(0, 5)) {
                DocumentCuration.open(store, "cdr", d.id()).markDone("test");
            }
            RetrainLearnersJob job = new RetrainLearnersJob(store, "cdr", learners());
            job.schedule();
            job.join();
            assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().getMessage());
            assertTrue(job.getResult().getMessage().contains("dictionary round 1: 5 documents learnt"), job.getResult().getMessage());
            assertTrue(job.getResult().getMessage().contains("tagger round 1: 5 documents learnt"), job.getResult().getMessage());
            assertEquals(1, WorkbenchLearners.live().current("cdr", SequenceTaggerLearner.ID).orElseThrow().round());

            RetrainLearnersJob cancelled = new RetrainLearnersJob(store, "cdr", learners());
            NullProgressMonitor monitor = new NullProgressMonitor();
            monitor.setCanceled(true);
            IStatus status = cancelled.run(monitor);
            assertEquals(IStatus.CANCEL, status.getSeverity(), status.getMessage());
            assertEquals(List.of(1), WorkbenchLearners.shelf(store).rounds("cdr", SequenceTaggerLearner.ID));
            assertEquals(1, WorkbenchLearners.live().current("cdr", SequenceTaggerLearner.ID).orElseThrow().round());
        }
    }
}
