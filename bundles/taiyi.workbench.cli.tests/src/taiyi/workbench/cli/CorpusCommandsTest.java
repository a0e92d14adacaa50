package taiyi.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.cli.CommandRun.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import taiyi.workbench.formats.Format;

/** import, export and stats from the command line, on the real corpora in testdata/. */
class CorpusCommandsTest {

    @TempDir
    Path tmp;

    private static Path data(String relative) {
        return Path.of(System.getProperty("taiyi.testdata"), relative);
    }

    private JsonNode stats(String corpus) throws Exception {
        CommandRun r = run("stats", "--db", tmp.resolve("db").toString(), "--corpus", corpus);
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out().lines().findFirst().orElseThrow());
    }

    @Test
    void importStatsExportAndReimportTheBc5cdrCorpus() throws Exception {
        String db = tmp.resolve("db").toString();
        CommandRun imported = run("import", "--db", db, "--corpus", "cdr", "--format", "pubtator",
                data("bc5cdr/CDR_TrainingSet.PubTator.txt").toString(), data("bc5cdr/CDR_DevelopmentSet.PubTator.txt").toString());
        assertEquals(0, imported.code(), imported.err());
        // BC5CDR's documentation: 500 + 500 documents, 9385 + 9591 mentions, 1038 + 1012 CID relations
        assertTrue(imported.last().startsWith("taiyi import: 1000 documents, 18976 mentions, 2050 relations"), imported.last());
        JsonNode stats = stats("cdr");
        assertEquals(1000, stats.get("documents").asInt());
        assertEquals(18976, stats.get("mentions").asInt());
        assertEquals(2050, stats.get("relations_by_type").get("CID").asInt());
        assertEquals(List.of("Chemical", "Disease"), List.of(stats.get("entity_types").get(0).asText(),
                stats.get("entity_types").get(1).asText()));

        for (Format format : List.of(Format.JSON, Format.PUBTATOR, Format.BIOC_XML, Format.BIOC_JSON)) {
            Path out = tmp.resolve("export-" + format);
            CommandRun exported = run("export", "--db", db, "--corpus", "cdr", "--format", format.cliName(), "--out", out.toString());
            assertEquals(0, exported.code(), format + ": " + exported.err());
            Path file = out.resolve("cdr" + format.extension());
            assertTrue(Files.size(file) > 0, format + " wrote nothing");
            CommandRun again = run("import", "--db", db, "--corpus", "cdr-" + format, "--format", format.cliName(), file.toString());
            assertEquals(0, again.code(), format + ": " + again.err());
            JsonNode back = stats("cdr-" + format);
            assertEquals(stats.get("mentions_by_type"), back.get("mentions_by_type"), format.toString());
            assertEquals(stats.get("relations_by_type"), back.get("relations_by_type"), format.toString());
        }
    }

    @Test
    void aBiocFileComesBackFromTheCorpusWithEveryAnnotationAndItsWarningIsPrinted() throws Exception {
        String db = tmp.resolve("db").toString();
        Path source = data("bc5cdr/CDR_DevelopmentSet.BioC.xml");
        CommandRun imported = run("import", "--db", db, "--corpus", "cdr", "--format", "bioc-xml", source.toString());
        assertEquals(0, imported.code(), imported.err());
        // the one misplaced individual mention (annotation 8 of 6415512, line 9919) is imported and warned of
        List<String> warnings = imported.err().lines().filter(l -> l.contains(": warning: ")).toList();
        assertEquals(1, warnings.size(), imported.err());
        assertTrue(warnings.get(0).startsWith(source + ":9919:") && warnings.get(0).contains("document 6415512"), warnings.get(0));
        assertTrue(imported.last().endsWith("with 1 warning"), imported.last());

        List<taiyi.workbench.core.model.Document> original = new taiyi.workbench.formats.bioc.BiocXmlReader().read(source);
        for (Format format : List.of(Format.BIOC_XML, Format.BIOC_JSON)) {
            Path out = tmp.resolve("export-" + format);
            CommandRun exported = run("export", "--db", db, "--corpus", "cdr", "--format", format.cliName(), "--out", out.toString());
            assertEquals(0, exported.code(), format + ": " + exported.err());
            assertEquals(original, format.newReader().read(out.resolve("cdr" + format.extension())), format.toString());
        }
        // PubTator holds the parts as the composites' 7th column, as BC5CDR's own PubTator file does
        Path out = tmp.resolve("export-pubtator");
        CommandRun exported = run("export", "--db", db, "--corpus", "cdr", "--format", "pubtator", "--out", out.toString());
        assertEquals(0, exported.code(), exported.err());
        assertTrue(exported.err().startsWith(out.resolve("cdr.txt") + ": warning: left out what PubTator has no place for: ")
                && exported.err().contains(" 182 individual mentions (their texts are in the 7th column)"), exported.err());
        assertEquals(seventhColumns(data("bc5cdr/CDR_DevelopmentSet.PubTator.txt")), seventhColumns(out.resolve("cdr.txt")));
    }

    private static List<String> seventhColumns(Path file) throws java.io.IOException {
        return Files.readAllLines(file).stream().map(l -> l.split("\t", -1)).filter(c -> c.length == 7).map(c -> c[6]).toList();
    }

    @Test
    void bratFoldersAndChineseCorporaGoInAndOut() throws Exception {
        String db = tmp.resolve("db").toString();
        assertEquals(0, run("import", "--db", db, "--corpus", "ncbi", "--format", "brat",
                data("ncbi-disease/brat-devel").toString()).code());
        assertEquals(0, run("import", "--db", db, "--corpus", "cmeee", "--format", "cmeee",
                data("cmeee/CMeEE_dev_subset.json").toString()).code());
        JsonNode ncbi = stats("ncbi");
        JsonNode cmeee = stats("cmeee");
        assertEquals(787, ncbi.get("mentions").asInt());
        assertEquals(2192, cmeee.get("mentions").asInt());
        assertEquals(500, cmeee.get("documents_by_language").get("zh").asInt());

        Path out = tmp.resolve("out");
        assertEquals(0, run("export", "--db", db, "--corpus", "ncbi", "--format", "brat", "--out", out.toString()).code());
        assertEquals(200, Files.list(out.resolve("ncbi")).count(), "a .txt and an .ann per document");
        assertEquals(0, run("import", "--db", db, "--corpus", "ncbi-again", "--format", "brat", out.resolve("ncbi").toString())
                .code());
        assertEquals(ncbi.get("mentions_by_type"), stats("ncbi-again").get("mentions_by_type"));

        for (Format format : List.of(Format.CMEEE, Format.CONLL, Format.JSON)) {
            CommandRun exported = run("export", "--db", db, "--corpus", "cmeee", "--format", format.cliName(), "--out", out.toString());
            assertEquals(0, exported.code(), format + ": " + exported.err());
            CommandRun again = run("import", "--db", db, "--corpus", "cmeee-" + format, "--format", format.cliName(),
                    out.resolve("cmeee" + format.extension()).toString());
            assertEquals(0, again.code(), format + ": " + again.err());
            // CoNLL is flat: nested CMeEE entities (肺 inside 肺实变) keep only the outermost
            int back = stats("cmeee-" + format).get("mentions").asInt();
            assertTrue(format == Format.CONLL ? back < 2192 && back > 1500 : back == 2192, format + ": " + back);
        }
    }

    @Test
    void exportedFilesAndFoldersHonourTheUmaskLikeAnyNewFile() throws Exception {
        String db = tmp.resolve("db").toString();
        assertEquals(0, run("import", "--db", db, "--corpus", "ncbi", "--format", "pubtator",
                data("ncbi-disease/pubtator/NCBIdevelopset_corpus.txt").toString()).code());
        // what this process's umask gives a new file and folder (normally rw-r--r-- and rwxr-xr-x)
        Set<PosixFilePermission> fileMode = Files.getPosixFilePermissions(Files.createFile(tmp.resolve("reference.txt")));
        Set<PosixFilePermission> folderMode = Files.getPosixFilePermissions(Files.createDirectory(tmp.resolve("reference")));
        Path out = tmp.resolve("shared");
        assertEquals(0, run("export", "--db", db, "--corpus", "ncbi", "--format", "pubtator", "--out", out.toString()).code());
        assertEquals(0, run("export", "--db", db, "--corpus", "ncbi", "--format", "brat", "--out", out.toString()).code());
        assertEquals(fileMode, Files.getPosixFilePermissions(out.resolve("ncbi.txt")));
        assertEquals(folderMode, Files.getPosixFilePermissions(out.resolve("ncbi")));
        try (var files = Files.list(out.resolve("ncbi"))) {
            for (Path f : files.toList()) {
                assertEquals(fileMode, Files.getPosixFilePermissions(f), f.toString());
            }
        }
    }

    @Test
    void aPubTatorFileCutShortImportsWithAWarningNamingTheFileAndTheLastDocument() throws Exception {
        String text = Files.readString(data("ncbi-disease/pubtator/NCBIdevelopset_corpus.txt"), StandardCharsets.UTF_8);
        // cut in the middle of the last abstract, as an interrupted download leaves a file
        int lastAbstract = text.lastIndexOf("|a|");
        Path cut = Files.writeString(tmp.resolve("cut.txt"), text.substring(0, lastAbstract + 40), StandardCharsets.UTF_8);
        String lastPmid = text.substring(text.lastIndexOf('\n', lastAbstract) + 1, lastAbstract);
        CommandRun r = run("import", "--db", tmp.resolve("db").toString(), "--corpus", "cut", "--format", "pubtator", cut.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains(cut + ":"), r.err());
        assertTrue(r.err().contains("document " + lastPmid + " may be truncated"), r.err());
        assertEquals(100, stats("cut").get("documents").asInt());
    }

    @Test
    void aRefusedFileIsNamedWithItsLineAndLeavesNothing() throws Exception {
        String db = tmp.resolve("db").toString();
        Path bad = tmp.resolve("bad.txt");
        Files.writeString(bad, "1|t|Fever and cough.\n1|a|x\n1\t0\t5\tFever\tDisease\tD005334\n1\t10\t15\tcouch\tDisease\tD1\n",
                StandardCharsets.UTF_8);
        CommandRun r = run("import", "--db", db, "--corpus", "mixed", "--format", "pubtator",
                data("ncbi-disease/pubtator/NCBIdevelopset_corpus.txt").toString(), bad.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith(bad + ":4: "), r.err());
        assertTrue(r.last().contains("from 1 of 2 files (1 refused)"), r.last());
        assertEquals(100, stats("mixed").get("documents").asInt());
    }

    @Test
    void badArgumentsExitNonZeroWithAMessage() {
        CommandRun unknownFormat = run("import", "--db", tmp.toString(), "--corpus", "x", "--format", "docx", "a.docx");
        assertEquals(2, unknownFormat.code());
        assertTrue(unknownFormat.err().contains("unknown format 'docx'"), unknownFormat.err());
        CommandRun noCorpus = run("stats", "--db", tmp.resolve("db").toString(), "--corpus", "nothing-here");
        assertEquals(1, noCorpus.code());
        assertTrue(noCorpus.err().contains("no corpus named 'nothing-here'"), noCorpus.err());
        CommandRun missingFile = run("import", "--db", tmp.resolve("db").toString(), "--corpus", "x", "--format", "json",
                tmp.resolve("missing.jsonl").toString());
        assertEquals(1, missingFile.code());
        assertFalse(missingFile.err().isBlank());
    }
}
