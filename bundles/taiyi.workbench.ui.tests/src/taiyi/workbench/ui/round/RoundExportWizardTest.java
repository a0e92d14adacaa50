package taiyi.workbench.ui.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.ui.WorkbenchDriver.drain;
import static taiyi.workbench.ui.WorkbenchDriver.find;
import static taiyi.workbench.ui.WorkbenchDriver.page;
import static taiyi.workbench.ui.WorkbenchDriver.press;
import static taiyi.workbench.ui.WorkbenchDriver.screenshot;
import static taiyi.workbench.ui.WorkbenchDriver.testdata;
import static taiyi.workbench.ui.WorkbenchDriver.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.formats.pubtator.PubTatorReader;
import taiyi.workbench.inference.task.TaskKind;
import taiyi.workbench.ui.WorkbenchDatabase;

/**
 * File > Export Round… driven as a user would: corpora checked, the vocabulary and folder given,
 * Preview pressed, Finish pressed; the job writes the round and ends by showing its counts.
 */
class RoundExportWizardTest {

    private static final String CORPUS = "ncbi-round-wizard";

    @TempDir
    Path tmp;

    @Test
    void theWizardPreviewsAndExportsARoundAndShowsItsCounts() throws Exception {
        WorkbenchDatabase.store().documents().importDocuments(CORPUS,
                new PubTatorReader().read(testdata("ncbi-disease/pubtator/NCBIdevelopset_corpus.txt")), "wizard test");
        Path vocabulary = testdata(".").toAbsolutePath().normalize()
                .resolveSibling("bundles/taiyi.workbench.inference.djl.tests/fixtures/tokenizer/qwen.tiktoken.gz");
        Path out = tmp.resolve("round-7");

        RoundExportWizard wizard = new RoundExportWizard();
        WizardDialog dialog = new WizardDialog(page().getWorkbenchWindow().getShell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            RoundExportPage p = wizard.page();
            p.setCorpora(List.of(CORPUS), List.of());
            p.setTasks(EnumSet.of(TaskKind.NER));
            p.setAllDocuments(true);
            p.setTokenizer(vocabulary);
            p.setFolder(out);
            drain();
            assertTrue(p.isPageComplete(), String.valueOf(p.getErrorMessage()));
            press(dialog.getShell(), "Preview");
            drain();
            String preview = p.previewText();
            assertEquals(RoundExportPage.PREVIEW, preview.split("\n\n").length, preview);
            assertTrue(preview.startsWith("#1 NER en (" + CORPUS + ")\nhuman: "), preview);
            screenshot(dialog.getShell(), "round-export-wizard.png");
            press(dialog.getShell(), "Finish");
        } finally {
            if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
                dialog.close();
            }
        }
        RoundExportJob job = wizard.job();
        assertNotNull(job, "Finish started no export");
        waitUntil("the export job", 180, () -> job.getResult() != null);
        assertTrue(job.getResult().isOK(), job.getResult().toString());
        assertTrue(Files.isRegularFile(out.resolve("manifest.json")));
        assertEquals(100, job.summary().documents());

        // the job ends by showing the manifest's counts
        waitUntil("the counts dialog", 60, () -> counts().isPresent());
        Shell shell = counts().orElseThrow();
        String text = String.join("\n", find(shell, Label.class, l -> true).stream().map(Label::getText).toList());
        assertTrue(text.contains("100 documents exported to " + out), text);
        assertTrue(text.contains("NER/en: " + (job.summary().train() + job.summary().validation())), text);
        screenshot(shell, "round-export-counts.png");
        shell.close();
        drain();
    }

    private static Optional<Shell> counts() {
        drain();
        return Arrays.stream(Display.getCurrent().getShells())
                .filter(s -> !s.isDisposed() && RoundExportJob.RESULT_TITLE.equals(s.getText())).findFirst();
    }
}
