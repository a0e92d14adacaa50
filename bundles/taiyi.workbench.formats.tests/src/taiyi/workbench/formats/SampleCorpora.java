package taiyi.workbench.formats;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real corpora the tests read: the sample shipped with the app bundle (see its SOURCES.md). */
public final class SampleCorpora {

    private SampleCorpora() {
    }

    /** The NCBI-disease development set in PubTator format. */
    public static Path ncbiDiseaseDevel() {
        String dir = System.getProperty("taiyi.samples");
        if (dir == null) {
            throw new IllegalStateException("system property taiyi.samples is not set (the build sets it)");
        }
        Path p = Path.of(dir, "NCBIdevelopset_corpus.txt");
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("sample corpus missing: " + p);
        }
        return p;
    }
}
