package taiyi.workbench.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.pubtator.PubTatorReader;

/**
 * The snippets from texts the page read itself equal those of Lucene's highlighter reading the
 * stored texts on its own, on the BC5CDR development abstracts, for words and phrases; also with a
 * maximum length shorter than most abstracts, so that the cut is the same too.
 */
class PreloadedTextHighlighterTest {

    @Test
    void snippetsEqualThoseOfLucenesOwnLoading() throws Exception {
        List<Document> docs = new PubTatorReader().read(Path.of(System.getProperty("taiyi.testdata"), "bc5cdr/CDR_DevelopmentSet.PubTator.txt"));
        Analyzer analyzer = CorpusAnalyzers.forIndexing();
        CuratorQueryParser parser = new CuratorQueryParser(CorpusAnalyzers.forQueries());
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (Document d : docs) {
                    org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
                    doc.add(new TextField(IndexFields.TEXT_EN, d.text(), Field.Store.YES));
                    writer.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                int snippets = 0;
                for (String q : List.of("cisplatin", "\"renal failure\"", "induced hypotension", "patients")) {
                    for (int maxLength : new int[] {400, 20_000}) {
                        TopDocs top = searcher.search(parser.parse("cdr", q), 20);
                        Map<Integer, String> texts = new HashMap<>();
                        for (ScoreDoc sd : top.scoreDocs) {
                            texts.put(sd.doc, searcher.storedFields().document(sd.doc).get(IndexFields.TEXT_EN));
                        }
                        String[] lucene = builder(searcher, analyzer).withMaxLength(maxLength).build()
                                .highlight(IndexFields.TEXT_EN, parser.parse("cdr", q), top, 1);
                        String[] preloaded = new PreloadedTextHighlighter(builder(searcher, analyzer), maxLength, texts)
                                .highlight(IndexFields.TEXT_EN, parser.parse("cdr", q), top, 1);
                        assertArrayEquals(lucene, preloaded, q + " at " + maxLength);
                        snippets += (int) Arrays.stream(preloaded).filter(s -> s != null && s.contains("<b>")).count();
                    }
                }
                assertTrue(snippets > 100, snippets + " snippets with a match");
            }
        }
    }

    private static UnifiedHighlighter.Builder builder(IndexSearcher searcher, Analyzer analyzer) {
        return UnifiedHighlighter.builder(searcher, analyzer).withFormatter(new DefaultPassageFormatter("<b>", "</b>", " … ", false))
                .withHighlightPhrasesStrictly(false);
    }
}
