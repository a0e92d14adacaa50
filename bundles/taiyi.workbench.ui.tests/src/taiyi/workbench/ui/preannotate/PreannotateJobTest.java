package taiyi.workbench.ui.preannotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.preference.IPreferenceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.inference.djl.qwen.QwenConfig;
import taiyi.workbench.bench.qwen.RandomQwenCheckpoint;
import taiyi.workbench.inference.djl.weights.TensorType;
import taiyi.workbench.inference.task.TaskKind;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.DocumentSummary;
import taiyi.workbench.ui.WorkbenchDatabase;
import taiyi.workbench.ui.preferences.ModelPreferences;

/**
 * The Pre-annotate command's job in the running workbench, on the sample corpus, with a model
 * folder laid out as downloaded (random weights, the real Qwen vocabulary): with no model it says
 * so; configured, it loads the model once, runs in the background and reports what it did;
 * cancelled, it stores nothing.
 */
class PreannotateJobTest {

    @TempDir
    static Path tmp;

    @AfterEach
    void forgetTheModel() {
        IPreferenceStore prefs = ModelPreferences.store();
        prefs.setToDefault(ModelPreferences.MODEL_FOLDER);
        prefs.setToDefault(ModelPreferences.DEVICE);
        prefs.setToDefault(ModelPreferences.MAX_NEW_TOKENS);
        LoadedModel.release();
    }

    private static Path model() throws Exception {
        Path model = tmp.resolve("tiny-qwen");
        if (!Files.exists(model)) {
            RandomQwenCheckpoint.writeModel(model, new QwenConfig(64, 4, 2, 128, 151_936, 1e-6, 10_000, 16, 2048, 1.0), 11,
                    TensorType.F32, 1);
            try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of(System.getProperty("taiyi.djl.fixtures"),
                    "tokenizer/qwen.tiktoken.gz"))); OutputStream out = Files.newOutputStream(model.resolve("qwen.tiktoken"))) {
                in.transferTo(out);
            }
        }
        return model;
    }

    private static void configure(Path model) {
        IPreferenceStore prefs = ModelPreferences.store();
        prefs.setValue(ModelPreferences.MODEL_FOLDER, model.toString());
        prefs.setValue(ModelPreferences.DEVICE, "cpu");
        prefs.setValue(ModelPreferences.MAX_NEW_TOKENS, 4);
    }

    private static List<DocumentSummary> sampleDocuments() {
        CorpusStore store = WorkbenchDatabase.store();
        String corpus = store.statistics().corpora().get(0).name();
        return store.documents().summaries(corpus).subList(0, 3);
    }

    @Test
    void withoutAModelFolderTheCommandSaysWhatToSet() {
        String problem = PreannotateHandler.modelProblem(ModelPreferences.current()).orElseThrow();
        assertTrue(problem.contains("No model is configured") && problem.contains("preference"), problem);
        ModelPreferences.store().setValue(ModelPreferences.MODEL_FOLDER, tmp.resolve("gone").toString());
        assertTrue(PreannotateHandler.modelProblem(ModelPreferences.current()).orElseThrow().contains("does not exist"));
    }

    @Test
    void theJobPreannotatesTheSelectedDocumentsInTheBackground() throws Exception {
        configure(model());
        assertTrue(PreannotateHandler.modelProblem(ModelPreferences.current()).isEmpty());
        List<DocumentSummary> docs = sampleDocuments().subList(0, 2);
        PreannotateJob job = PreannotateHandler.newJob(ModelPreferences.current(), WorkbenchDatabase.store(), docs.get(0).corpus(),
                docs.stream().map(DocumentSummary::id).toList(), Set.of(TaskKind.NER));
        job.schedule();
        job.join();
        assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().getMessage());
        assertEquals(2, job.summary().annotated() + job.summary().skipped());
        assertTrue(job.getResult().getMessage().contains("pre-annotated"), job.getResult().getMessage());
    }

    @Test
    void aCancelledJobStoresNothing() throws Exception {
        configure(model());
        List<DocumentSummary> docs = sampleDocuments();
        CorpusStore store = WorkbenchDatabase.store();
        int before = store.suggestions().suggestions(docs.get(2).corpus(), docs.get(2).id()).size();
        PreannotateJob job = PreannotateHandler.newJob(ModelPreferences.current(), store, docs.get(2).corpus(),
                List.of(docs.get(2).id()), Set.of(TaskKind.NER));
        NullProgressMonitor monitor = new NullProgressMonitor();
        monitor.setCanceled(true);
        IStatus status = job.run(monitor);
        assertEquals(IStatus.CANCEL, status.getSeverity(), status.getMessage());
        assertTrue(job.summary().cancelled());
        assertEquals(before, store.suggestions().suggestions(docs.get(2).corpus(), docs.get(2).id()).size());
        assertFalse(status.getMessage().isEmpty());
    }
}
