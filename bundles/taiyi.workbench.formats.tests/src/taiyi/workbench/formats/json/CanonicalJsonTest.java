package taiyi.workbench.formats.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.formats.RandomDocuments;
import taiyi.workbench.testing.TestCorpora;
import taiyi.workbench.formats.pubtator.PubTatorReader;

class CanonicalJsonTest {

    @TempDir
    Path tmp;

    private final CanonicalJsonReader reader = new CanonicalJsonReader();
    private final CanonicalJsonWriter writer = new CanonicalJsonWriter();

    @ParameterizedTest
    @ValueSource(strings = {"ncbi-disease/pubtator/NCBItrainset_corpus.txt", "ncbi-disease/pubtator/NCBIdevelopset_corpus.txt",
        "ncbi-disease/pubtator/NCBItestset_corpus.txt", "bc5cdr/CDR_TrainingSet.PubTator.txt",
        "bc5cdr/CDR_DevelopmentSet.PubTator.txt"})
    void realPubTatorCorporaSurviveTheCanonicalJsonUnchanged(String corpus) throws Exception {
        List<Document> documents = new PubTatorReader().read(TestCorpora.file(corpus));
        // the NCBI training set repeats PMID 8528200; the canonical JSON holds one document per id
        List<Document> unique = documents.stream().filter(d -> documents.stream().filter(o -> o.id().equals(d.id())).count() == 1)
                .toList();
        Path out = tmp.resolve("corpus.jsonl");
        writer.write(unique, out);
        assertEquals(unique, reader.read(out));
        assertEquals(unique.size(), Files.readAllLines(out).size());
    }

    @Test
    void generatedDocumentsRoundTrip() throws Exception {
        for (long seed = 1; seed <= 20; seed++) {
            List<Document> docs = RandomDocuments.generate(seed, 25, true);
            Path out = tmp.resolve("random-" + seed + ".jsonl");
            writer.write(docs, out);
            assertEquals(docs, reader.read(out), "seed " + seed);
        }
    }

    @Test
    void offsetsAreCodePointsLikeBigBio() throws Exception {
        Path f = write("{\"id\":\"1\",\"text\":\"𠮷𠮷肺炎\",\"entities\":[{\"id\":\"T1\",\"type\":\"dis\",\"offsets\":[[2,4]],"
                + "\"text\":[\"肺炎\"],\"normalized\":[]}]}\n");
        Document d = reader.read(f).get(0);
        assertEquals("肺炎", d.mentions().get(0).coveredText(d.text()));
        assertEquals(4, d.mentions().get(0).start());
    }

    @Test
    void plainBigBioWithoutTextIsRebuiltFromPassages() throws Exception {
        Path f = write("{\"document_id\":\"42\",\"passages\":[{\"id\":\"p0\",\"type\":\"title\",\"text\":[\"Fever.\"],"
                + "\"offsets\":[[0,6]]},{\"id\":\"p1\",\"type\":\"abstract\",\"text\":[\"High fever.\"],\"offsets\":[[7,18]]}],"
                + "\"entities\":[{\"id\":\"e1\",\"type\":\"Disease\",\"offsets\":[[12,17]],\"text\":[\"fever\"],"
                + "\"normalized\":[{\"db_name\":\"MESH\",\"db_id\":\"D005334\"}]}],\"events\":[],\"coreferences\":[],\"relations\":[]}\n");
        Document d = reader.read(f).get(0);
        assertEquals("Fever. High fever.", d.text());
        assertEquals("MESH:D005334", d.mentions().get(0).normalizations().get(0).toString());
    }

    @Test
    void hostileLinesAreRefusedWithTheirLine() throws Exception {
        String good = "{\"id\":\"1\",\"text\":\"fever\"}\n";
        assertEquals(2, line(good + "{\"id\":\"2\",\"text\":\"fever\",\"entities\":[{\"id\":\"T1\",\"type\":\"D\","
                + "\"offsets\":[[0,5]],\"text\":[\"fover\"]}]}\n"));
        assertEquals(2, line(good + "{\"id\":\"2\",\"text\":\"fever\",\"entities\":[{\"id\":\"T1\",\"type\":\"D\","
                + "\"offsets\":[[0,99999999999]]}]}\n"));
        assertEquals(2, line(good + "{\"id\":\"2\",\"text\":\"fever\",\"entities\":[{\"id\":\"T1\",\"type\":\"D\","
                + "\"offsets\":[[3,9]]}]}\n"));
        assertEquals(3, line(good + "\n{\"id\":\"2\",\"text\":\"fe"));
        assertEquals(2, line(good + good));
        assertEquals(1, line("[1,2]\n"));
        assertEquals(1, line("{\"id\":\"1\",\"text\":\"x\",\"events\":[{\"id\":\"E1\"}]}\n"));
        assertEquals(1, line("{\"id\":\"1\",\"text\":\"x\",\"language\":\"fr\"}\n"));
        FormatException e = assertThrows(FormatException.class, () -> reader.read(write(good + "{\"id\":\"2\",\"text\":\"fever\","
                + "\"relations\":[{\"id\":\"R1\",\"type\":\"CID\",\"arg1_id\":\"T9\",\"arg2_id\":\"T1\"}]}\n")));
        assertTrue(e.getMessage().contains(":2: ") && e.getMessage().contains("T9"), e.getMessage());
    }

    @Test
    void byteOrderMarkCrlfAndInvalidUtf8() throws Exception {
        assertEquals("fever", reader.read(write("\uFEFF{\"id\":\"1\",\"text\":\"fever\"}\r\n")).get(0).text());
        Path latin1 = tmp.resolve("latin1.jsonl");
        Files.write(latin1, "{\"id\":\"1\",\"text\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThrows(FormatException.class, () -> reader.read(latin1));
    }

    @Test
    void aFailedWriteLeavesNoFile() throws Exception {
        Path target = tmp.resolve("out.jsonl");
        Document d = RandomDocuments.generate(7, 1, false).get(0);
        writer.write(List.of(d), target);
        byte[] before = Files.readAllBytes(target);
        // a directory in the way makes the rename fail: the old file must stay as it was, with no stray parts
        Path blocked = tmp.resolve("blocked");
        Files.createDirectories(blocked.resolve("x"));
        assertThrows(java.io.IOException.class, () -> writer.write(List.of(d), blocked));
        assertEquals(before.length, Files.readAllBytes(target).length);
        try (var files = Files.list(tmp)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".part")));
        }
    }

    private int line(String content) throws Exception {
        return assertThrows(FormatException.class, () -> reader.read(write(content))).line();
    }

    private Path write(String content) throws Exception {
        Path f = Files.createTempFile(tmp, "doc", ".jsonl");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }
}
