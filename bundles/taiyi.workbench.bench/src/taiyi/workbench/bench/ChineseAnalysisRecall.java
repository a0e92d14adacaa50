package taiyi.workbench.bench;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.index.IndexException;

/**
 * Which Chinese analysis lets curators find the entities of a corpus: each gold mention's text is
 * searched as a phrase, and it counts when its own sentence is among the hits. Word segmentation
 * (SmartChineseAnalyzer) misses a mention whose boundaries cut through a segmented word; overlapping
 * bigrams (CJKAnalyzer) miss a single-character mention inside a longer run of ideographs.
 */
public final class ChineseAnalysisRecall {

    /**
     * The counts on one set of documents.
     *
     * @param mentions the gold mentions searched for
     * @param smartChinese how many SmartChineseAnalyzer finds in their own document
     * @param cjkBigrams how many CJKAnalyzer's bigrams find in their own document
     */
    public record Result(int mentions, int smartChinese, int cjkBigrams) {
    }

    private ChineseAnalysisRecall() {
    }

    /** Measures both analysers on the documents' curated mentions. */
    public static Result measure(List<Document> documents) {
        int mentions = documents.stream().mapToInt(d -> d.mentions().size()).sum();
        return new Result(mentions, selfHits(documents, new SmartChineseAnalyzer()), selfHits(documents, new CJKAnalyzer()));
    }

    /** How many mentions, searched as phrases with this analyser, hit their own document. */
    static int selfHits(List<Document> documents, Analyzer analyzer) {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                for (int i = 0; i < documents.size(); i++) {
                    org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
                    doc.add(new StringField("n", Integer.toString(i), Field.Store.NO));
                    doc.add(new TextField("text", documents.get(i).text(), Field.Store.NO));
                    w.addDocument(doc);
                }
            }
            int hits = 0;
            QueryBuilder builder = new QueryBuilder(analyzer);
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (int i = 0; i < documents.size(); i++) {
                    Document d = documents.get(i);
                    for (EntityMention m : d.mentions()) {
                        Query phrase = builder.createPhraseQuery("text", m.coveredText(d.text()));
                        if (phrase != null && searcher.count(new BooleanQuery.Builder().add(phrase, Occur.MUST)
                                .add(new TermQuery(new Term("n", Integer.toString(i))), Occur.FILTER).build()) > 0) {
                            hits++;
                        }
                    }
                }
            }
            analyzer.close();
            return hits;
        } catch (IOException e) {
            throw new IndexException("cannot measure " + analyzer.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
