package taiyi.workbench.ui.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.formats.Format;
import taiyi.workbench.formats.imports.ImportProblem;
import taiyi.workbench.store.CorpusStats;
import taiyi.workbench.ui.WorkbenchDatabase;
import taiyi.workbench.ui.WorkbenchIndex;
import taiyi.workbench.ui.navigator.CorpusNavigatorView;

import static taiyi.workbench.ui.WorkbenchDriver.*;

/**
 * File > Import… driven as a user would: the wizard's fields set, Finish pressed; then the store,
 * the index, the navigator and the Import Problems view are checked.
 */
class ImportWizardTest {

    private static final String CORPUS = "cdr-devel-wizard";

    @TempDir
    Path tmp;

    @Test
    void theWizardImportsARealFileRefusesABrokenOneAndEveryViewFollows() throws Exception {
        Path cdr = testdata("bc5cdr/CDR_DevelopmentSet.PubTator.txt");
        List<String> cdrLines = Files.readAllLines(cdr, StandardCharsets.UTF_8);
        long cdrDocuments = cdrLines.stream().filter(l -> l.contains("|t|")).count();
        long cdrMentions = cdrLines.stream().map(l -> l.split("\t")).filter(c -> c.length >= 5 && c[1].matches("\\d+")).count();

        // the NCBI sample with one annotation line broken: its end offset is a word
        List<String> ncbi = Files.readAllLines(testdata("ncbi-disease/pubtator/NCBItestset_corpus.txt"), StandardCharsets.UTF_8);
        int bad = 0;
        while (ncbi.get(bad).split("\t").length < 5) {
            bad++;
        }
        String[] cols = ncbi.get(bad).split("\t", -1);
        String brokenPmid = cols[0];
        cols[2] = "twelve";
        ncbi.set(bad, String.join("\t", cols));
        Path broken = Files.write(tmp.resolve("NCBItestset-broken.txt"), ncbi, StandardCharsets.UTF_8);
        int brokenLine = bad + 1;

        ImportWizard wizard = new ImportWizard();
        wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
        WizardDialog dialog = new WizardDialog(page().getWorkbenchWindow().getShell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            ImportSourcesPage sources = wizard.sourcesPage();
            sources.addSources(List.of(cdr, broken));
            drain();
            // .txt is PubTator, plain text or text lines: the page says so and the import cannot start
            assertFalse(sources.isPageComplete(), "a .txt file was imported without a format");
            TableItem[] rows = find(dialog.getShell(), org.eclipse.swt.widgets.Table.class, t -> true).get(0).getItems();
            assertEquals(2, rows.length);
            assertTrue(rows[0].getText(1).contains("pubtator") && rows[0].getText(1).contains("choose"), rows[0].getText(1));

            sources.setFormat(Optional.of(Format.PUBTATOR));
            assertTrue(sources.isPageComplete());
            assertEquals("pubtator", rows[0].getText(1));
            screenshot(dialog.getShell(), "import-wizard-sources.png");
            press(dialog.getShell(), "Next >");
            wizard.targetPage().setCorpus(CORPUS);
            drain();
            assertTrue(wizard.canFinish());
            screenshot(dialog.getShell(), "import-wizard-target.png");
            press(dialog.getShell(), "Finish");
        } finally {
            if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
                dialog.close();
            }
        }
        ImportJob job = wizard.job();
        assertNotNull(job, "Finish started no import");
        waitUntil("the import job", 180, () -> job.getResult() != null);
        assertTrue(job.getResult().isOK(), job.getResult().toString());
        assertTrue(Job.getJobManager().find(ImportJob.FAMILY).length == 0);

        // the store: every CDR document and mention, nothing of the broken file
        CorpusStats stats = WorkbenchDatabase.store().statistics().stats(CORPUS);
        assertEquals(cdrDocuments, stats.documents());
        assertEquals(cdrMentions, stats.mentions());
        assertTrue(WorkbenchDatabase.store().documents().document(CORPUS, brokenPmid).isEmpty(), "the refused file left document " + brokenPmid);

        // the index followed the import
        // (the job waits a few seconds for it; a loaded machine may take longer, and the test waits it out)
        waitUntil("the index to hold the imported documents", 180,
                () -> WorkbenchIndex.index().documentCount(CORPUS) == cdrDocuments);

        // the problem, as file:line: reason, in the log and in the view
        List<ImportProblem> problems = ImportProblemsLog.instance().problems().stream().filter(p -> p.file().equals(broken)).toList();
        assertEquals(1, problems.size(), ImportProblemsLog.instance().problems().toString());
        assertEquals(brokenLine, problems.get(0).line());
        assertTrue(problems.get(0).toString().startsWith(broken + ":" + brokenLine + ":"), problems.get(0).toString());
        waitUntil("the Import Problems view", 60, () -> page().findView(ImportProblemsView.ID) != null);
        ImportProblemsView view = assertInstanceOf(ImportProblemsView.class, page().findView(ImportProblemsView.ID));
        waitUntil("the problem row", 60, () -> Arrays.stream(view.viewer().getTable().getItems())
                .anyMatch(i -> i.getText(1).equals(broken.toString())));
        TableItem row = Arrays.stream(view.viewer().getTable().getItems()).filter(i -> i.getText(1).equals(broken.toString()))
                .findFirst().orElseThrow();
        assertEquals("Error", row.getText(0));
        assertEquals(Integer.toString(brokenLine), row.getText(2));
        assertFalse(row.getText(5).isBlank());
        // double-click copies the row as file:line: reason
        view.viewer().setSelection(new StructuredSelection(problems.get(0)));
        view.viewer().getTable().notifyListeners(org.eclipse.swt.SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
        Clipboard clipboard = new Clipboard(Display.getCurrent());
        try {
            String copied = (String) clipboard.getContents(TextTransfer.getInstance());
            assertNotNull(copied, "nothing was copied");
            assertTrue(copied.startsWith(broken + ":" + brokenLine + ":"), copied);
        } finally {
            clipboard.dispose();
        }
        screenshot(page().getWorkbenchWindow().getShell(), "import-problems.png");

        // the navigator shows the new corpus with its counts
        CorpusNavigatorView navigator = assertInstanceOf(CorpusNavigatorView.class, page().findView(CorpusNavigatorView.ID));
        waitUntil("the navigator to list the corpus", 60, () -> Arrays.stream(navigator.viewer().getTree().getItems())
                .anyMatch(i -> i.getText().startsWith(CORPUS + "  ")));
        TreeItem corpus = Arrays.stream(navigator.viewer().getTree().getItems()).filter(i -> i.getText().startsWith(CORPUS + "  "))
                .findFirst().orElseThrow();
        assertEquals(CORPUS + "  (" + cdrDocuments + " documents, " + cdrMentions + " mentions)", corpus.getText());
    }
}
