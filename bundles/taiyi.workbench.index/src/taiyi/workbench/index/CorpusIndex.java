package taiyi.workbench.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

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
        this.parser = new CuratorQueryParser(analyzer);
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
            Analyzer analyzer = CorpusAnalyzers.create();
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(ramBufferMb);
            IndexWriter writer = new IndexWriter(directory, config);
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

    /** Slices small enough that a 200k-document index is searched by every core, not by one. */
    private static final class SlicedSearcher extends IndexSearcher {
        SlicedSearcher(IndexReader reader, ExecutorService threads) {
            super(reader, threads);
        }

        @Override
        protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
            int docs = leaves.stream().mapToInt(l -> l.reader().maxDoc()).sum();
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
            return slices(leaves, Math.max(20_000, docs / threads + 1), 20);
        }
    }

    /** The index folder for a database folder: {@code index} beside a folder named {@code db}, else {@code NAME-index}. */
    public static Path folderFor(Path databaseFolder) {
        Path db = databaseFolder.toAbsolutePath().normalize();
        String name = db.getFileName().toString();
        return db.resolveSibling(name.equals("db") ? "index" : name + "-index");
    }

    /** Deletes an index folder and everything in it (the index must be closed). */
    public static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
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
     * Runs a curator's query on one corpus.
     *
     * @param limit how many of the best hits to return with snippets; counts cover all hits
     * @throws QuerySyntaxException when the query cannot be read
     */
    public SearchResult search(String corpus, String query, int limit) {
        return search(corpus, parser.parse(query), limit);
    }

    /** The query as the index would run it (for explaining a query, and for tests). */
    public Query parse(String query) {
        return parser.parse(query);
    }

    SearchResult search(String corpus, Query query, int limit) {
        Query filtered = new BooleanQuery.Builder().add(query, Occur.MUST)
                .add(new TermQuery(new Term(IndexFields.CORPUS, corpus)), Occur.FILTER).build();
        return withSearcher(searcher -> {
            Object[] results = searcher.search(filtered, new MultiCollectorManager(
                    new TopScoreDocCollectorManager(Math.max(1, limit), Integer.MAX_VALUE), new FacetCounter.Manager()));
            TopDocs top = (TopDocs) results[0];
            if (limit <= 0) {
                top = new TopDocs(top.totalHits, new ScoreDoc[0]);
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Integer>> facets = (List<Map<String, Integer>>) results[1];
            String[] snippets = top.scoreDocs.length == 0 ? new String[0] : UnifiedHighlighter.builder(searcher, analyzer)
                    .withFormatter(new DefaultPassageFormatter("<b>", "</b>", " … ", false))
                    // phrases highlighted word by word: strict phrase highlighting re-indexes each hit in a
                    // MemoryIndex, which made phrase queries three times slower than the search itself
                    .withHighlightPhrasesStrictly(false)
                    .withMaxLength(SNIPPET_MAX_LENGTH).build().highlight(IndexFields.TEXT_EN, filtered, top, 1);
            List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
            var stored = searcher.storedFields();
            for (int i = 0; i < top.scoreDocs.length; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                var doc = stored.document(sd.doc, java.util.Set.of(IndexFields.ID, IndexFields.LANGUAGE));
                hits.add(new SearchHit(doc.get(IndexFields.ID), doc.get(IndexFields.LANGUAGE), sd.score,
                        snippets[i] == null ? "" : snippets[i].strip()));
            }
            return new SearchResult(top.totalHits.value, hits, facets.get(0), facets.get(1), facets.get(2));
        });
    }

    @FunctionalInterface
    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw failure("cannot open an index reader", e);
        }
        try {
            return work.run(searcher);
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
