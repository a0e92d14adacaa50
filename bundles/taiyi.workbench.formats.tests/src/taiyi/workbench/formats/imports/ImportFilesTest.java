package taiyi.workbench.formats.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.formats.Format;
import taiyi.workbench.testing.TestCorpora;

/** Expanding chosen files and folders over the real testdata/ tree. */
class ImportFilesTest {

    @TempDir
    Path tmp;

    @Test
    void anUnambiguousExtensionTellsTheFormatAndASharedOneDoesNot() {
        assertEquals(Optional.of(Format.BIOC_XML), FormatDetection.detect(Path.of("CDR_DevelopmentSet.BioC.xml")));
        assertEquals(Optional.of(Format.BRAT), FormatDetection.detect(Path.of("a/8808605.ANN")));
        assertEquals(Optional.of(Format.CONLL), FormatDetection.detect(Path.of("devel.tsv")));
        assertEquals(Optional.of(Format.PUBTATOR), FormatDetection.detect(Path.of("x.pubtator")));
        assertEquals(Optional.empty(), FormatDetection.detect(Path.of("CMeEE_dev.json")));
        assertEquals(java.util.EnumSet.of(Format.BIOC_JSON, Format.CMEEE, Format.CMEIE, Format.JSON),
                FormatDetection.candidates(Path.of("CMeEE_dev.json")));
        assertEquals(java.util.EnumSet.of(Format.PUBTATOR, Format.TEXT, Format.TEXT_LINES),
                FormatDetection.candidates(Path.of("corpus.txt")));
        assertTrue(FormatDetection.candidates(Path.of("LICENSE")).isEmpty());
    }

    @Test
    void aFolderWithoutAFormatYieldsTheFilesItsExtensionsNameAndAsksAboutTheRest() throws Exception {
        Path ncbi = TestCorpora.file("ncbi-disease");
        ImportPlan plan = ImportFiles.expand(List.of(ncbi), Optional.empty());
        Map<Format, Long> byFormat = plan.items().stream().collect(Collectors.groupingBy(ImportItem::format, Collectors.counting()));
        long annFiles;
        try (var files = Files.list(ncbi.resolve("brat-devel"))) {
            annFiles = files.filter(f -> f.toString().endsWith(".ann")).count();
        }
        // every brat document once (its .txt goes with its .ann), the CoNLL file, nothing for LICENSE
        assertEquals(Map.of(Format.BRAT, annFiles, Format.CONLL, 1L), byFormat);
        assertEquals(3, plan.problems().size(), plan.problems().toString());
        for (ImportProblem p : plan.problems()) {
            assertTrue(p.file().startsWith(ncbi.resolve("pubtator")), p.toString());
            assertTrue(p.reason().contains("pubtator, text, text-lines"), p.reason());
        }
        // sorted by path, so an import is reproducible
        List<Path> files = plan.items().stream().map(ImportItem::file).toList();
        assertEquals(files.stream().sorted().toList(), files);
    }

    @Test
    void aChosenFormatTakesEveryFileWithItsExtensionsAndChosenFilesAsTheyAre() throws Exception {
        Path ncbi = TestCorpora.file("ncbi-disease");
        ImportPlan pubtator = ImportFiles.expand(List.of(ncbi.resolve("pubtator")), Optional.of(Format.PUBTATOR));
        assertEquals(3, pubtator.items().size());
        assertTrue(pubtator.problems().isEmpty());

        Path cmeee = TestCorpora.file("cmeee/CMeEE_dev_subset.json");
        Path oddName = Files.copy(cmeee, tmp.resolve("cmeee.data"));
        ImportPlan chosen = ImportFiles.expand(List.of(cmeee, oddName), Optional.of(Format.CMEEE));
        assertEquals(List.of(new ImportItem(cmeee, Format.CMEEE), new ImportItem(oddName, Format.CMEEE)), chosen.items());
    }

    @Test
    void missingPathsAmbiguousFilesAndEmptyFoldersAreRefusedBeforeReading() throws Exception {
        Path missing = tmp.resolve("nothing.xml");
        Path json = Files.writeString(tmp.resolve("a.json"), "[]");
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        ImportPlan plan = ImportFiles.expand(List.of(missing, json, empty), Optional.empty());
        assertTrue(plan.items().isEmpty());
        assertEquals(List.of(missing, json, empty), plan.problems().stream().map(ImportProblem::file).toList());
        assertEquals(missing + ": no such file or folder", plan.problems().get(0).toString());
        assertTrue(plan.problems().get(1).reason().endsWith("choose the format"), plan.problems().get(1).reason());
    }
}
