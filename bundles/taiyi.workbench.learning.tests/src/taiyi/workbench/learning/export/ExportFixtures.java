package taiyi.workbench.learning.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.pubtator.PubTatorReader;
import taiyi.workbench.inference.djl.tokenizer.QwenTokenizer;
import taiyi.workbench.testing.TestCorpora;

/** The real Qwen vocabulary and corpora the export tests run on, each loaded once. */
final class ExportFixtures {

    private static ConversationLength length;
    private static List<Document> bc5cdrTraining;

    private ExportFixtures() {
    }

    /** Qwen-7B's real vocabulary, the inference.djl fragment's fixture (see releng/tokenizer). */
    static synchronized ConversationLength length() {
        if (length == null) {
            Path vocabulary = Path.of(System.getProperty("taiyi.testdata")).resolveSibling(
                    "bundles/taiyi.workbench.inference.djl.tests/fixtures/tokenizer/qwen.tiktoken.gz");
            if (!Files.isRegularFile(vocabulary)) {
                throw new IllegalStateException("the Qwen vocabulary fixture is missing: " + vocabulary);
            }
            try {
                length = new ConversationLength(QwenTokenizer.load(vocabulary));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return length;
    }

    static synchronized List<Document> bc5cdrTraining() throws Exception {
        if (bc5cdrTraining == null) {
            bc5cdrTraining = new PubTatorReader().read(TestCorpora.file("bc5cdr/CDR_TrainingSet.PubTator.txt"));
        }
        return bc5cdrTraining;
    }
}
