package taiyi.workbench.formats;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real corpora the tests read, from the repository's {@code testdata/} (see its SOURCES.md). */
public final class SampleCorpora {

    private SampleCorpora() {
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

    /** The NCBI-disease development set in PubTator format. */
    public static Path ncbiDiseaseDevel() {
        return file("ncbi-disease/pubtator/NCBIdevelopset_corpus.txt");
    }
}
