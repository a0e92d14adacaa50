package taiyi.workbench.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import taiyi.workbench.core.runtime.FileTree;
import taiyi.workbench.core.runtime.PrivateFolder;
import taiyi.workbench.core.runtime.WorkbenchDataFolder;

/**
 * The Lucene index of the corpus database: one Lucene document per corpus document, in one folder
 * beside the database ({@link WorkbenchDataFolder#index()} for the workbench's own). It holds
 * nothing the database does not, so deleting the folder and {@link IndexUpdater#rebuild rebuilding}
 * loses nothing.
 *
 * <p>Changes are visible to searches after {@link #refresh()} (near-real-time: no commit needed)
 * and durable after {@link #commit()} or {@link #close()}. Safe for one writer thread and any number
 * of searching threads.
 */
public final class CorpusIndex implements AutoCloseable {

    private static final int SNIPPET_MAX_LENGTH = 20_000;
    private static final Set<String> STORED_FOR_HITS = Set.of(IndexFields.ID, IndexFields.LANGUAGE, IndexFields.TEXT_EN);
    /** Where a commit says which {@link #LAYOUT} of fields it holds. */
    private static final String LAYOUT_KEY = "taiyi.index.layout";
    /**
     * The layout of fields this code writes and reads; an index of another (or of none: the first,
     * whose facet field was multi-valued and whose keywords had no frequencies; the second, which
     * analysed every text as Chinese too, and as English with stop words and unsplit tokens, and
     * kept every spelling of each concept in a field of its own; or the third, which indexed the id
     * beside the keyword of corpus and id, had keys of concepts without their type, and did not
     * escape bars in types)
     * is emptied on open, and the stale check rebuilds its corpora from the database, which holds
     * everything it did.
     */
    private static final String LAYOUT = "4";
    /** For the searches nobody cancels. */
    private static final BooleanSupplier NOT_CANCELLED = () -> false;

    private final Path folder;
    private final Analyzer analyzer;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ExecutorService searchThreads;
    private final CuratorQueryParser parser;

    private CorpusIndex(Path folder, Analyzer analyzer, Directory directory, IndexWriter writer, SearcherManager searchers,
            ExecutorService searchThreads) {
        this.folder = folder;
        this.analyzer = analyzer;
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        this.searchThreads = searchThreads;
        this.parser = new CuratorQueryParser(CorpusAnalyzers.forQueries());
    }

    /** Opens the index in {@code folder}, creating an empty one if there is none. */
    public static CorpusIndex open(Path folder) {
        return open(folder, 64);
    }

    /**
     * Opens the index with the given indexing buffer; a bulk load (rebuild, benchmark) flushes less
     * often with a larger one.
     */
    public static CorpusIndex open(Path folder, double ramBufferMb) {
        Directory directory = null;
        try {
            // private to the user, like the database it mirrors: a folder no one else may enter
            PrivateFolder.ensure(folder);
            directory = FSDirectory.open(folder);
            Analyzer analyzer = CorpusAnalyzers.forIndexing();
            boolean current = hasLayout(directory);
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(current
                    ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(ramBufferMb);
            IndexWriter writer = new IndexWriter(directory, config);
            if (!current) {
                // every later commit keeps it; set on an index of this layout, it would make one commit more per open
                writer.setLiveCommitData(Map.of(LAYOUT_KEY, LAYOUT).entrySet());
            }
            ExecutorService threads = searchThreads();
            return new CorpusIndex(folder, analyzer, directory, writer, new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    return new SlicedSearcher(reader, threads);
                }
            }), threads);
        } catch (IOException e) {
            closeQuietly(directory);
            throw new IndexException("cannot open the index in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Threads that search the segments of one query side by side: a query whose facet counts must
     * visit every hit (tens of thousands for {@code disagree:true} at PubMed scale) would otherwise
     * use one core of an idle machine. Daemons, so a forgotten close does not keep the VM alive.
     */
    private static ExecutorService searchThreads() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "taiyi-index-search-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Slices small enough that a 200k-document index is searched by every core, not by one, and
     * about three per core: Lucene closes a slice once it holds more than its share, so one slice
     * per core left 62 % of a million-document index (six segments) to one thread, and the other
     * idle for a third of a phrase query; with smaller slices the threads take the next one as
     * they finish (at 1 M, interleaved runs: a phrase 5–10 % faster, the other kinds alike or better).
     */
    private static final class SlicedSearcher extends IndexSearcher {
        SlicedSearcher(IndexReader reader, ExecutorService threads) {
            super(reader, threads);
        }

        @Override
        protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
            int docs = leaves.stream().mapToInt(l -> l.reader().maxDoc()).sum();
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
            return slices(leaves, Math.max(20_000, docs / (3 * threads) + 1), 20);
        }
    }

    /** Whether the directory holds an index of this code's layout; false for none at all. */
    private static boolean hasLayout(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return false;
        }
        return LAYOUT.equals(SegmentInfos.readLatestCommit(directory).getUserData().get(LAYOUT_KEY));
    }

    /** The index folder for a database folder: {@code index} beside a folder named {@code db}, else {@code NAME-index}. */
    public static Path folderFor(Path databaseFolder) {
        Path db = databaseFolder.toAbsolutePath().normalize();
        String name = db.getFileName().toString();
        return db.resolveSibling(name.equals("db") ? "index" : name + "-index");
    }

    /** Deletes an index folder and everything in it (the index must be closed). */
    public static void delete(Path folder) {
        try {
            FileTree.delete(folder);
        } catch (IOException e) {
            throw new IndexException("cannot delete the index in " + folder + ": " + e.getMessage(), e);
        }
    }

    public Path folder() {
        return folder;
    }

    /** Adds the document, replacing what the index held for the same corpus and id. */
    public void index(IndexedDocument document) {
        try {
            writer.updateDocument(new Term(IndexFields.KEY, IndexFields.key(document.corpus(), document.curated().id())),
                    IndexFields.fields(document));
        } catch (IOException e) {
            throw failure("cannot index document " + document.curated().id(), e);
        }
    }

    /**
     * Adds a document the index does not hold: the bulk path of a {@link IndexUpdater#rebuild
     * rebuild}, right after {@link #deleteCorpus}. Unlike {@link #index} it leaves no delete term
     * behind, which Lucene would otherwise look up at every flush in every older segment (at a
     * million documents, tens of millions of term lookups that find nothing).
     */
    public void add(IndexedDocument document) {
        try {
            writer.addDocument(IndexFields.fields(document));
        } catch (IOException e) {
            throw failure("cannot index document " + document.curated().id(), e);
        }
    }

    /** Removes one document. */
    public void delete(String corpus, String documentId) {
        try {
            writer.deleteDocuments(new Term(IndexFields.KEY, IndexFields.key(corpus, documentId)));
        } catch (IOException e) {
            throw failure("cannot remove document " + documentId, e);
        }
    }

    /** Removes every document of a corpus. */
    public void deleteCorpus(String corpus) {
        try {
            writer.deleteDocuments(new Term(IndexFields.CORPUS, corpus));
        } catch (IOException e) {
            throw failure("cannot remove corpus '" + corpus + "'", e);
        }
    }

    /** Makes the changes so far durable. */
    public void commit() {
        try {
            writer.commit();
        } catch (IOException e) {
            throw failure("cannot commit the index", e);
        }
    }

    /** Makes the changes so far visible to searches, without a commit. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw failure("cannot refresh the index reader", e);
        }
    }

    /** How many documents of the corpus the index holds (as of the last refresh). */
    public int documentCount(String corpus) {
        return withSearcher(s -> s.count(new TermQuery(new Term(IndexFields.CORPUS, corpus))));
    }

    /**
     * Runs a curator's query on one corpus: the first page of hits, then the facet counts over every
     * match.
     *
     * @param limit how many of the best hits to return with snippets; counts cover all hits
     * @throws QuerySyntaxException when the query cannot be read
     */
    public SearchResult search(String corpus, String query, int limit) {
        return search(corpus, parser.parse(corpus, query), limit);
    }

    /**
     * The first page of a query's answer: the best {@code limit} hits with snippets and the number of
     * matches, without facet counts. Lucene may skip the matches that cannot make the page, so this
     * is what a view shows first.
     *
     * @param cancelled asked while the search runs; when it answers true the search stops
     * @throws QuerySyntaxException when the query cannot be read
     * @throws SearchCancelledException when {@code cancelled} said so before the answer was complete
     */
    public HitPage hits(String corpus, String query, int limit, BooleanSupplier cancelled) {
        return hits(corpus, parser.parse(corpus, query), limit, cancelled);
    }

    /**
     * The facet counts of a query: every match visited once, unscored.
     *
     * @param cancelled asked while the search runs; when it answers true the search stops
     * @throws QuerySyntaxException when the query cannot be read
     * @throws SearchCancelledException when {@code cancelled} said so before the counts were complete
     */
    public FacetCounts facets(String corpus, String query, BooleanSupplier cancelled) {
        return facets(corpus, parser.parse(corpus, query), cancelled);
    }

    /** The query as the index would run it on the corpus (for explaining a query, and for tests). */
    public Query parse(String corpus, String query) {
        return parser.parse(corpus, query);
    }

    /**
     * The page and the facet counts from one reader, so that a refresh between them cannot make
     * them disagree. Two passes, not one collector doing both: measured at a million documents,
     * filling the page while counting makes Lucene score every match, where the page alone skips
     * what cannot make it and the unscored count is served from Lucene's query cache once a query
     * repeats; a phrase took 7.9 ms (p50) in one pass against 4.3 in two, {@code disagree:true} 16.0 against 4.9.
     */
    SearchResult search(String corpus, Query query, int limit) {
        return withSearcher(searcher -> {
            Query filtered = inCorpus(searcher, corpus, query);
            // the facet pass counts every match, so the page need not: its count would be a third pass
            // over a phrase's or a conjunction's matches (a term's count is free, its document frequency)
            TopDocs top = searcher.search(filtered, pageCollector(limit));
            FacetCounts facets = searcher.search(filtered, new FacetCounter.Manager());
            return SearchResult.of(page(searcher, filtered, top, facets.documents(), limit), facets);
        });
    }

    /**
     * The best {@code limit} hits with a threshold of one page, which lets Lucene skip the matches
     * that cannot outscore the page (block-max WAND; for a query of facts alone, whose scores tie,
     * everything past the page); its total may then be a lower bound.
     */
    private static TopScoreDocCollectorManager pageCollector(int limit) {
        return new TopScoreDocCollectorManager(Math.max(1, limit), Math.max(1, limit));
    }

    private HitPage hits(String corpus, Query query, int limit, BooleanSupplier cancelled) {
        return withSearcher(cancelled, searcher -> {
            Query filtered = inCorpus(searcher, corpus, query);
            TopDocs top = searcher.search(filtered, pageCollector(limit));
            stopIfCancelled(searcher, cancelled, query);
            long total = top.totalHits.relation == TotalHits.Relation.EQUAL_TO ? top.totalHits.value : searcher.count(filtered);
            stopIfCancelled(searcher, cancelled, query);
            HitPage page = page(searcher, filtered, top, total, limit);
            stopIfCancelled(searcher, cancelled, query);
            return page;
        });
    }

    /** The best {@code limit} of {@code top} with their ids, languages and snippets. */
    private HitPage page(IndexSearcher searcher, Query filtered, TopDocs top, long total, int limit) throws IOException {
        ScoreDoc[] page = limit <= 0 ? new ScoreDoc[0] : top.scoreDocs;
        TopDocs shown = new TopDocs(new TotalHits(total, TotalHits.Relation.EQUAL_TO), page);
        // one read of each hit's stored fields, for its id, its language and its snippet's text
        var stored = searcher.storedFields();
        Document[] docs = new Document[page.length];
        Map<Integer, String> texts = new HashMap<>();
        for (int i = 0; i < page.length; i++) {
            docs[i] = stored.document(page[i].doc, STORED_FOR_HITS);
            texts.put(page[i].doc, docs[i].get(IndexFields.TEXT_EN));
        }
        UnifiedHighlighter.Builder snippet = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<b>", "</b>", " … ", false)).withScorer(new FewTermsPassageScorer())
                // phrases highlighted word by word: strict phrase highlighting re-indexes each hit in a
                // MemoryIndex, which made phrase queries three times slower than the search itself
                .withHighlightPhrasesStrictly(false);
        String[] snippets = page.length == 0 ? new String[0]
                : new PreloadedTextHighlighter(snippet, SNIPPET_MAX_LENGTH, texts).highlight(IndexFields.TEXT_EN, filtered, shown, 1);
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            hits.add(new SearchHit(docs[i].get(IndexFields.ID), docs[i].get(IndexFields.LANGUAGE), page[i].score,
                    snippets[i] == null ? "" : snippets[i].strip()));
        }
        return new HitPage(total, hits);
    }

    private FacetCounts facets(String corpus, Query query, BooleanSupplier cancelled) {
        return withSearcher(cancelled, searcher -> {
            FacetCounts counts = searcher.search(inCorpus(searcher, corpus, query), new FacetCounter.Manager());
            stopIfCancelled(searcher, cancelled, query);
            return counts;
        });
    }

    /**
     * The query restricted to the corpus; unrestricted when every document of the index is in the
     * corpus (the usual case of one corpus per database), because the filter would then only add a
     * million-document posting list to walk beside the query's own. Both counts are Lucene's
     * per-term statistics, so the test costs nothing and holds with deleted documents too (both
     * count them).
     */
    private static Query inCorpus(IndexSearcher searcher, String corpus, Query query) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        Term term = new Term(IndexFields.CORPUS, corpus);
        if (reader.docFreq(term) == reader.getDocCount(IndexFields.CORPUS)) {
            return query;
        }
        return new BooleanQuery.Builder().add(query, Occur.MUST).add(new TermQuery(term), Occur.FILTER).build();
    }

    private static void stopIfCancelled(IndexSearcher searcher, BooleanSupplier cancelled, Query query) {
        if (searcher.timedOut() || cancelled.getAsBoolean()) {
            throw new SearchCancelledException(query.toString());
        }
    }

    @FunctionalInterface
    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        return withSearcher(NOT_CANCELLED, work);
    }

    /**
     * Runs the work on the current reader. A cancellable search gets a searcher of its own over the
     * shared reader (a searcher is a light view), so that Lucene's {@link QueryTimeout}, which it
     * asks between blocks of matches, can stop this search without touching the others.
     */
    private <T> T withSearcher(BooleanSupplier cancelled, SearcherWork<T> work) {
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw failure("cannot open an index reader", e);
        }
        try {
            if (cancelled == NOT_CANCELLED) {
                return work.run(searcher);
            }
            IndexSearcher own = new SlicedSearcher(searcher.getIndexReader(), searchThreads);
            own.setTimeout(cancelled::getAsBoolean);
            return work.run(own);
        } catch (IOException e) {
            throw failure("cannot search the index", e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                // the reader is closed lazily; failing to release it now only delays that
            }
        }
    }

    private IndexException failure(String what, IOException e) {
        return new IndexException(what + " in " + folder + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw failure("cannot close the index", e);
        } finally {
            searchThreads.shutdown();
        }
    }

    private static void closeQuietly(Directory directory) {
        if (directory != null) {
            try {
                directory.close();
            } catch (IOException e) {
                // already failing to open: the first error is the one worth reporting
            }
        }
    }
}
