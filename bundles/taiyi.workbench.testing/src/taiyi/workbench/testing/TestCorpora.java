package taiyi.workbench.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.cblue.CmeeeReader;
import taiyi.workbench.formats.pubtator.PubTatorReader;

/** The real corpora under the repository's {@code testdata/} (see its SOURCES.md). */
public final class TestCorpora {

    private TestCorpora() {
    }

    /** A file or folder under {@code testdata/}, e.g. {@code bc5cdr/CDR_DevelopmentSet.BioC.xml}. */
    public static Path file(String relative) {
        String dir = System.getProperty("taiyi.testdata");
        if (dir == null) {
            throw new IllegalStateException("system property taiyi.testdata is not set (the build sets it)");
        }
        Path p = Path.of(dir, relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("test corpus missing: " + p);
        }
        return p;
    }

    /** The NCBI-disease development set in PubTator format (100 abstracts). */
    public static Path ncbiDevelFile() {
        return file("ncbi-disease/pubtator/NCBIdevelopset_corpus.txt");
    }

    public static List<Document> ncbiDevel() throws Exception {
        return new PubTatorReader().read(ncbiDevelFile());
    }

    public static List<Document> bc5cdrDevel() throws Exception {
        return new PubTatorReader().read(file("bc5cdr/CDR_DevelopmentSet.PubTator.txt"));
    }

    /** One abstract of the BC5CDR development set (PubTator), by its PMID. */
    public static Document bc5cdrDevelAbstract(String pmid) throws Exception {
        return bc5cdrDevel().stream().filter(d -> d.id().equals(pmid)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no document " + pmid + " in the BC5CDR development set"));
    }

    public static List<Document> cmeee() throws Exception {
        return new CmeeeReader().read(file("cmeee/CMeEE_dev_subset.json"));
    }

    public static Path taiyiInstructions() {
        return file("taiyi-instruction-example/Taiyi_Instruction_Data_Example.jsonl");
    }
}
