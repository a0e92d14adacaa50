package taiyi.workbench.formats.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.Format;
import taiyi.workbench.testing.TestCorpora;

/** Reading real files into a sink file by file, with refusals and cancellation. */
class FileImportTest {

    @TempDir
    Path tmp;

    /** A sink like the store: refuses a file whose document ids it already holds, taking none of it. */
    private static final class RecordingSink implements DocumentSink {
        final Map<Path, List<Document>> stored = new LinkedHashMap<>();
        final Set<String> ids = new HashSet<>();

        @Override
        public void store(Path file, List<Document> documents) {
            for (Document d : documents) {
                if (ids.contains(d.id())) {
                    throw new IllegalStateException(file + ": document " + d.id() + " is already in the corpus");
                }
            }
            documents.forEach(d -> ids.add(d.id()));
            stored.put(file, documents);
        }
    }

    @Test
    void aReadersWarningsTravelOnTheImportedFilesOutcome() throws Exception {
        Path bioc = TestCorpora.file("bc5cdr/CDR_DevelopmentSet.BioC.xml");
        Path pubtator = TestCorpora.ncbiDevelFile();
        RecordingSink sink = new RecordingSink();
        ImportReport report = new FileImport(sink).run(List.of(new ImportItem(bioc, Format.BIOC_XML),
                new ImportItem(pubtator, Format.PUBTATOR)), new ImportProgress() {
                });
        assertEquals(2, report.imported());
        assertEquals(List.of(), report.problems());
        // the development set's one misplaced individual mention: imported, and warned of
        assertEquals(1, report.outcomes().get(0).warnings().size());
        assertEquals(List.of(), report.outcomes().get(1).warnings());
        taiyi.workbench.formats.FormatWarning w = report.warnings().get(0);
        assertEquals(bioc, w.file());
        assertEquals("6415512", w.documentId());
        assertTrue(sink.stored.get(bioc).stream().filter(d -> d.id().equals("6415512")).findFirst().orElseThrow()
                .mention("8").isPresent());
        ImportProblem shown = ImportProblem.of(w);
        assertTrue(shown.isWarning());
        assertEquals(w.toString(), shown.toString());
    }

    @Test
    void goodFilesAreStoredAndABrokenOneIsRefusedWithItsLineLeavingNothing() throws Exception {
        Path good = TestCorpora.ncbiDevelFile();
        List<String> lines = Files.readAllLines(good, StandardCharsets.UTF_8);
        // the first annotation line of the first abstract gets a word for its end offset
        int bad = 0;
        while (lines.get(bad).split("\t").length < 5) {
            bad++;
        }
        String[] cols = lines.get(bad).split("\t", -1);
        cols[2] = "end";
        lines.set(bad, String.join("\t", cols));
        Path broken = tmp.resolve("broken.txt");
        Files.write(broken, lines, StandardCharsets.UTF_8);
        Path cmeee = TestCorpora.file("cmeee/CMeEE_dev_subset.json");

        RecordingSink sink = new RecordingSink();
        List<String> seen = new ArrayList<>();
        ImportReport report = new FileImport(sink).run(List.of(new ImportItem(broken, Format.PUBTATOR),
                new ImportItem(good, Format.PUBTATOR), new ImportItem(cmeee, Format.CMEEE)), new ImportProgress() {
                    @Override
                    public void starting(ImportItem item, int index, int total) {
                        seen.add(index + "/" + total + " " + item.file().getFileName());
                    }
                });

        assertEquals(List.of("0/3 broken.txt", "1/3 NCBIdevelopset_corpus.txt", "2/3 CMeEE_dev_subset.json"), seen);
        assertFalse(report.cancelled());
        assertEquals(2, report.imported());
        assertEquals(List.of(good, cmeee), List.copyOf(sink.stored.keySet()), "the broken file reached the sink");
        ImportProblem problem = report.problems().get(0);
        assertEquals(broken, problem.file());
        assertEquals(bad + 1, problem.line());
        assertTrue(problem.toString().startsWith(broken + ":" + (bad + 1) + ":"), problem.toString());

        int expectedDocuments = Format.PUBTATOR.newReader().read(good).size() + Format.CMEEE.newReader().read(cmeee).size();
        assertEquals(expectedDocuments, report.documents());
        assertEquals(sink.stored.values().stream().flatMap(List::stream).mapToInt(d -> d.mentions().size()).sum(),
                report.mentions());
        assertTrue(report.mentions() > 0);
    }

    @Test
    void aFileTheSinkRefusesIsReportedOnceWithTheSinksReason() throws Exception {
        Path good = TestCorpora.ncbiDevelFile();
        RecordingSink sink = new RecordingSink();
        ImportReport report = new FileImport(sink).run(List.of(new ImportItem(good, Format.PUBTATOR),
                new ImportItem(good, Format.PUBTATOR)), ImportProgress.NONE);
        assertEquals(1, report.imported());
        ImportProblem problem = report.problems().get(0);
        assertEquals(0, problem.line());
        assertTrue(problem.reason().startsWith("document ") && problem.reason().endsWith("is already in the corpus"),
                problem.reason());
        assertTrue(problem.toString().startsWith(good + ": document "), problem.toString());
    }

    @Test
    void aCancelStopsBetweenFiles() throws Exception {
        Path good = TestCorpora.ncbiDevelFile();
        Path conll = TestCorpora.file("ncbi-disease/conll/devel.tsv");
        RecordingSink sink = new RecordingSink();
        ImportReport report = new FileImport(sink).run(List.of(new ImportItem(good, Format.PUBTATOR),
                new ImportItem(conll, Format.CONLL)), new ImportProgress() {
                    private int done;

                    @Override
                    public void finished(FileOutcome outcome) {
                        done++;
                    }

                    @Override
                    public boolean cancelled() {
                        return done == 1;
                    }
                });
        assertTrue(report.cancelled());
        assertEquals(1, report.outcomes().size());
        assertEquals(List.of(good), List.copyOf(sink.stored.keySet()));
    }
}
