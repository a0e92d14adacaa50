package taiyi.workbench.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.CurationFold;
import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.formats.cblue.CmeeeReader;
import taiyi.workbench.formats.pubtator.PubTatorReader;
import taiyi.workbench.store.CorpusStore;

/**
 * The curators' queries on the real BC5CDR development set (500 abstracts) and the CMeEE subset
 * (500 Chinese sentences), with model suggestions made from the gold mentions (some dropped, one
 * mistyped per document) and curator decisions recorded in the store. Every expected answer is
 * computed here from the store's own view of the documents, not from the index.
 */
class CorpusIndexTest {

    private static final String CDR = "cdr";
    private static final String CMEEE = "cmeee";
    private static final String MODEL = "taiyi-test-model";

    @TempDir
    static Path dir;
    private static CorpusStore store;
    private static CorpusIndex index;
    /** Per CDR document: what the store says (curated layer, suggestions, fold). */
    private static final Map<String, View> views = new LinkedHashMap<>();
    /** A document whose Disease suggestion is rejected while its Chemical suggestion is unreviewed. */
    private static String mixedDocument;

    private record View(Document curated, List<Suggestion> suggestions, CurationFold fold) {
        String status(Suggestion s) {
            CorrectionAction a = fold.decisions().get(s.id());
            return a == null ? "unreviewed" : a == CorrectionAction.ACCEPT ? "accepted" : "rejected";
        }
    }

    static Path data(String relative) {
        return Path.of(System.getProperty("taiyi.testdata"), relative);
    }

    @BeforeAll
    static void importSuggestAndDecide() throws Exception {
        List<Document> cdr = new PubTatorReader().read(data("bc5cdr/CDR_DevelopmentSet.PubTator.txt"));
        store = CorpusStore.open(dir.resolve("db"));
        setUp(cdr);
        index = CorpusIndex.open(dir.resolve("index"));
        IndexUpdater updater = new IndexUpdater(store, index);
        assertEquals(500, updater.rebuild(CDR));
        assertEquals(500, updater.rebuild(CMEEE));
    }

    private static void setUp(List<Document> cdr) {
        store.documents().importDocuments(CDR, cdr, "CDR_DevelopmentSet.PubTator.txt");
        try {
            store.documents().importDocuments(CMEEE, new CmeeeReader().read(data("cmeee/CMeEE_dev_subset.json")), "CMeEE_dev_subset.json");
        } catch (FormatException e) {
            throw new AssertionError(e);
        }
        Pattern cisplatin = Pattern.compile("(?i)cisplatin");
        List<Document> suggested = new ArrayList<>();
        for (int i = 0; i < cdr.size(); i++) {
            if (i < 40 || cisplatin.matcher(cdr.get(i).text()).find()) {
                suggested.add(cdr.get(i));
            }
        }
        for (int k = 0; k < suggested.size(); k++) {
            suggest(suggested.get(k), k);
        }
        // a document with one rejected Disease and one unreviewed Chemical suggestion, nothing else
        Document mixed = cdr.stream().filter(d -> !suggested.contains(d) && has(d, "Disease") && has(d, "Chemical"))
                .findFirst().orElseThrow();
        mixedDocument = mixed.id();
        EntityMention disease = mixed.mentions().stream().filter(m -> m.type().equals("Disease")).findFirst().orElseThrow();
        EntityMention chemical = mixed.mentions().stream().filter(m -> m.type().equals("Chemical")).findFirst().orElseThrow();
        store.suggestions().addSuggestions(CDR, mixed.id(), List.of(suggestion(disease, "S-d"), suggestion(chemical, "S-c")));
        store.log().record(CDR, CorrectionEvent.decision(mixed.id(), "ann", CorrectionAction.REJECT, "S-d", "test", 100));
        // curated and finished without suggestions
        for (Document d : cdr.subList(100, 120)) {
            store.log().record(CDR, CorrectionEvent.decision(d.id(), "ann", CorrectionAction.MARK_DONE, null, "test", 100));
        }
        for (Document d : cdr) {
            views.put(d.id(), new View(store.documents().document(CDR, d.id()).orElseThrow(), store.suggestions().suggestions(CDR, d.id()),
                    store.log().fold(CDR, d.id())));
        }
    }

    private static boolean has(Document d, String type) {
        return d.mentions().stream().anyMatch(m -> m.type().equals(type));
    }

    private static Suggestion suggestion(EntityMention m, String id) {
        return new Suggestion(new EntityMention(id, m.type(), m.spans(), m.normalizations()), new Provenance(MODEL, "", "ner-en-1", 1), -0.5);
    }

    /**
     * The k-th suggested document: gold mentions as suggestions, every fourth dropped (all kept in
     * every tenth document), the first Chemical also suggested as a Disease; then the mistyped one
     * rejected (k % 3 == 0) or the first suggestion accepted (k % 3 == 1), and every fourth
     * document marked done.
     */
    private static void suggest(Document d, int k) {
        List<Suggestion> suggestions = new ArrayList<>();
        List<EntityMention> gold = d.mentions();
        boolean agree = k % 10 == 0;
        for (int i = 0; i < gold.size(); i++) {
            if (agree || i % 4 != 3) {
                suggestions.add(suggestion(gold.get(i), "S" + i));
            }
        }
        EntityMention chemical = gold.stream().filter(m -> m.type().equals("Chemical")).findFirst().orElse(null);
        if (!agree && chemical != null) {
            suggestions.add(new Suggestion(new EntityMention("SX", "Disease", chemical.spans(), List.of()), new Provenance(MODEL, "", "ner-en-1",
                    1), -3.0));
        }
        if (suggestions.isEmpty()) {
            return;
        }
        store.suggestions().addSuggestions(CDR, d.id(), suggestions);
        if (k % 3 == 0 && !agree && chemical != null) {
            store.log().record(CDR, CorrectionEvent.decision(d.id(), "ann", CorrectionAction.REJECT, "SX", "test", 100));
        } else if (k % 3 == 1) {
            Suggestion first = suggestions.get(0);
            EntityMention accepted = new EntityMention("A-" + first.id(), first.mention().type(), first.mention().spans(),
                    first.mention().normalizations());
            store.log().record(CDR, CorrectionEvent.onMention(d.id(), "ann", CorrectionAction.ACCEPT, null, accepted, first.id(),
                    "test", 100));
        }
        if (k % 4 == 0) {
            store.log().record(CDR, CorrectionEvent.decision(d.id(), "ann", CorrectionAction.MARK_DONE, null, "test", 100));
        }
    }

    @AfterAll
    static void close() {
        if (index != null) {
            index.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private static Set<String> hits(String corpus, String query) {
        return new TreeSet<>(index.search(corpus, query, 10_000).documentIds());
    }

    private static Set<String> expected(Predicate<View> p) {
        Set<String> out = new TreeSet<>();
        views.forEach((id, v) -> {
            if (p.test(v)) {
                out.add(id);
            }
        });
        return out;
    }

    private static boolean hasSuggestion(View v, String type, String status) {
        return v.suggestions().stream().anyMatch(s -> s.mention().type().equals(type) && v.status(s).equals(status));
    }

    @Test
    void documentsWithADiseaseSuggestionNotYetReviewed() {
        Set<String> expected = expected(v -> hasSuggestion(v, "Disease", "unreviewed"));
        assertFalse(expected.isEmpty());
        assertEquals(expected, hits(CDR, "type:Disease status:unreviewed"));
        // the same annotation: a rejected Disease beside an unreviewed Chemical is not a match...
        assertFalse(expected.contains(mixedDocument));
        // ...though the document has a Disease suggestion and an unreviewed one
        assertTrue(hits(CDR, "(type:Disease) AND (status:unreviewed)").contains(mixedDocument));
        assertTrue(hits(CDR, "type:Disease status:rejected").contains(mixedDocument));
        assertEquals(expected(v -> hasSuggestion(v, "Disease", "accepted") || hasSuggestion(v, "Disease", "rejected")),
                hits(CDR, "type:Disease status:reviewed"));
    }

    @Test
    void mentionsOfMeshD003924InEitherSpelling() {
        Set<String> expected = expected(v -> v.curated().mentions().stream().anyMatch(m -> m.isNormalizedTo("D003924"))
                || v.suggestions().stream().anyMatch(s -> s.mention().isNormalizedTo("D003924")));
        assertEquals(2, expected.size(), "BC5CDR development set: two abstracts mention type 2 diabetes (D003924)");
        assertEquals(expected, hits(CDR, "concept:D003924"));
        assertEquals(expected, hits(CDR, "concept:MESH:D003924"));
        assertEquals(expected, hits(CDR, "concept:mesh:d003924 type:Disease"));
        assertEquals(Set.of(), hits(CDR, "concept:D003924 type:Chemical"));
    }

    @Test
    void documentsWhereModelAndCuratorDisagree() {
        Predicate<View> withSuggestions = v -> !v.suggestions().isEmpty();
        Predicate<View> disagree = v -> {
            Set<String> suggested = new HashSet<>();
            v.suggestions().forEach(s -> suggested.add(s.mention().spans() + s.mention().type()));
            Set<String> curated = new HashSet<>();
            v.curated().mentions().forEach(m -> curated.add(m.spans() + m.type()));
            return !suggested.equals(curated);
        };
        Set<String> expected = expected(withSuggestions.and(disagree));
        Set<String> agreeing = expected(withSuggestions.and(disagree.negate()));
        assertFalse(expected.isEmpty());
        assertFalse(agreeing.isEmpty(), "every tenth suggested document has all gold mentions and nothing else");
        assertEquals(expected, hits(CDR, "disagree:true"));
        assertEquals(agreeing, hits(CDR, "disagree:false"));
        assertTrue(expected.contains(mixedDocument));
    }

    @Test
    void curatedDocumentsContainingACidRelation() {
        Set<String> expected = expected(v -> v.fold().state() == CurationState.DONE
                && v.curated().relations().stream().anyMatch(r -> r.type().equals("CID")));
        assertFalse(expected.isEmpty());
        assertEquals(expected, hits(CDR, "relation:CID state:done"));
        assertEquals(expected(v -> v.curated().relations().isEmpty()), hits(CDR, "NOT relation:CID"));
        assertEquals(expected(v -> v.fold().state() == CurationState.IN_PROGRESS), hits(CDR, "state:in_progress"));
    }

    @Test
    void textCombinedWithSuggestionFacts() {
        Pattern word = Pattern.compile("(?i)\\bcisplatin\\b");
        Set<String> expected = expected(v -> word.matcher(v.curated().text()).find() && hasSuggestion(v, "Chemical", "unreviewed"));
        assertFalse(expected.isEmpty());
        assertEquals(expected, hits(CDR, "cisplatin AND type:Chemical status:unreviewed"));
        SearchResult r = index.search(CDR, "cisplatin AND type:Chemical status:unreviewed", 5);
        assertEquals(expected.size(), r.totalHits());
        for (SearchHit h : r.hits()) {
            assertTrue(h.snippet().toLowerCase().contains("<b>cisplatin</b>"), h.snippet());
            assertTrue(h.score() > 0);
        }
        // facets count every hit, not just the five shown
        assertEquals(Map.of("en", expected.size()), r.languages());
        assertEquals(expected.size(), r.statuses().get("unreviewed"));
        assertEquals(expected.size(), r.types().get("Chemical"));
    }

    @Test
    void phrasesAndBooleanOperators() {
        Pattern phrase = Pattern.compile("(?i)\\brenal failure\\b");
        Set<String> expected = expected(v -> phrase.matcher(v.curated().text()).find());
        assertFalse(expected.isEmpty());
        assertEquals(expected, hits(CDR, "\"renal failure\""));
        Set<String> cisplatin = hits(CDR, "cisplatin");
        Set<String> either = new TreeSet<>(expected);
        either.addAll(cisplatin);
        assertEquals(either, hits(CDR, "\"renal failure\" OR cisplatin"));
        Set<String> butNot = new TreeSet<>(expected);
        butNot.removeAll(cisplatin);
        assertEquals(butNot, hits(CDR, "\"renal failure\" NOT cisplatin"));
    }

    @Test
    void chineseWordsAndFactsOnCmeee() {
        List<Document> cmeee = store.documents().allDocuments(CMEEE);
        Set<String> containing = new TreeSet<>();
        Set<String> withDisease = new TreeSet<>();
        for (Document d : cmeee) {
            if (d.text().contains("糖尿病")) {
                containing.add(d.id());
            }
            if (has(d, "dis")) {
                withDisease.add(d.id());
            }
        }
        assertFalse(containing.isEmpty());
        assertEquals(containing, hits(CMEEE, "糖尿病"));
        SearchResult r = index.search(CMEEE, "糖尿病", 3);
        r.hits().forEach(h -> assertTrue(h.snippet().contains("<b>") && h.snippet().contains("糖"), h.snippet()));
        assertEquals(withDisease, hits(CMEEE, "type:dis"));
        SearchResult all = index.search(CMEEE, "lang:zh", 0);
        assertEquals(500, all.totalHits());
        assertEquals(Map.of("zh", 500), all.languages());
        assertEquals(withDisease.size(), all.types().get("dis"));
        assertTrue(all.hits().isEmpty());
        assertEquals(0, index.search(CMEEE, "lang:en", 10).totalHits());
    }

    @Test
    void theFirstPageAndTheFacetCountsEachAgreeWithTheWholeAnswer() {
        Pattern phrase = Pattern.compile("(?i)\\brenal failure\\b");
        Set<String> renal = expected(v -> phrase.matcher(v.curated().text()).find());
        Set<String> chemical = expected(v -> has(v.curated(), "Chemical") || v.suggestions().stream().anyMatch(s -> s.mention().type().equals("Chemical")));
        assertTrue(renal.size() > 5 && chemical.size() > 100, renal.size() + " " + chemical.size());
        for (Map.Entry<String, Set<String>> q : Map.of("\"renal failure\"", renal, "type:Chemical", chemical).entrySet()) {
            HitPage page = index.hits(CDR, q.getKey(), 5, () -> false);
            assertEquals(q.getValue().size(), page.totalHits(), q.getKey());
            assertEquals(5, page.hits().size(), q.getKey());
            assertTrue(q.getValue().containsAll(page.documentIds()), q.getKey());
            FacetCounts facets = index.facets(CDR, q.getKey(), () -> false);
            assertEquals(q.getValue().size(), facets.documents(), q.getKey());
            assertEquals(Map.of("en", q.getValue().size()), facets.languages(), q.getKey());
            SearchResult whole = index.search(CDR, q.getKey(), 5);
            assertEquals(page.documentIds(), whole.documentIds());
            assertEquals(facets.types(), whole.types());
            assertEquals(facets.statuses(), whole.statuses());
        }
        assertEquals(chemical.size(), index.facets(CDR, "type:Chemical", () -> false).types().get("Chemical"));
    }

    /**
     * The facet counts, read from one combination value per document, against counts made here
     * from the store's view of every matching document: per type, the documents with a curated
     * mention or a suggestion of it; per status, those with a suggestion in it; per language.
     */
    @Test
    void facetCountsEqualCountsMadeFromTheDocumentsThemselves() {
        Map<String, Predicate<View>> queries = new LinkedHashMap<>();
        queries.put("lang:en", v -> true);
        queries.put("disagree:true", v -> !v.suggestions().isEmpty() && !spansAndTypes(v.suggestions().stream().map(Suggestion::mention)
                .toList()).equals(spansAndTypes(v.curated().mentions())));
        queries.put("type:Disease status:unreviewed", v -> hasSuggestion(v, "Disease", "unreviewed"));
        queries.put("type:Disease status:rejected", v -> hasSuggestion(v, "Disease", "rejected"));
        queries.put("status:accepted", v -> v.suggestions().stream().anyMatch(s -> v.status(s).equals("accepted")));
        queries.put("state:done", v -> v.fold().state() == CurationState.DONE);
        for (Map.Entry<String, Predicate<View>> q : queries.entrySet()) {
            Map<String, Integer> types = new TreeMap<>();
            Map<String, Integer> statuses = new TreeMap<>();
            Map<String, Integer> languages = new TreeMap<>();
            int documents = 0;
            for (View v : views.values()) {
                if (!q.getValue().test(v)) {
                    continue;
                }
                documents++;
                Set<String> docTypes = new HashSet<>();
                v.curated().mentions().forEach(m -> docTypes.add(m.type()));
                v.suggestions().forEach(s -> docTypes.add(s.mention().type()));
                Set<String> docStatuses = new HashSet<>();
                v.suggestions().forEach(s -> docStatuses.add(v.status(s)));
                docTypes.forEach(t -> types.merge(t, 1, Integer::sum));
                docStatuses.forEach(s -> statuses.merge(s, 1, Integer::sum));
                languages.merge(v.curated().language().code(), 1, Integer::sum);
            }
            assertTrue(documents > 0, q.getKey());
            FacetCounts counts = index.facets(CDR, q.getKey(), () -> false);
            assertEquals(documents, counts.documents(), q.getKey());
            assertEquals(types, new TreeMap<>(counts.types()), q.getKey());
            assertEquals(statuses, new TreeMap<>(counts.statuses()), q.getKey());
            assertEquals(languages, new TreeMap<>(counts.languages()), q.getKey());
            SearchResult whole = index.search(CDR, q.getKey(), 3);
            assertEquals(documents, whole.totalHits(), q.getKey());
            assertEquals(List.of(counts.types(), counts.statuses(), counts.languages()),
                    List.of(whole.types(), whole.statuses(), whole.languages()), q.getKey());
        }
        // the nine CMeEE types, no suggestions, one language
        Map<String, Integer> cmeeeTypes = new TreeMap<>();
        List<Document> cmeee = store.documents().allDocuments(CMEEE);
        for (Document d : cmeee) {
            d.mentions().stream().map(EntityMention::type).distinct().forEach(t -> cmeeeTypes.merge(t, 1, Integer::sum));
        }
        FacetCounts chinese = index.facets(CMEEE, "lang:zh", () -> false);
        assertEquals(9, cmeeeTypes.size(), cmeeeTypes.toString());
        assertEquals(cmeeeTypes, new TreeMap<>(chinese.types()));
        assertEquals(Map.of(), chinese.statuses());
        assertEquals(Map.of("zh", cmeee.size()), chinese.languages());
    }

    /**
     * A whole answer takes its page and its facet counts from one reader; for text queries, whose
     * matches are read from positions (a phrase, a Chinese word matched ideograph by ideograph),
     * the counts must equal counts made here from the texts and layers of the matching documents,
     * and the page must be the one the page-only search ranks, scores and snippets included.
     */
    @Test
    void theWholeAnswerOfTextQueriesCountsAsTheDocumentsThemselves() {
        Pattern renalFailure = Pattern.compile("(?i)\\brenal failure\\b");
        Pattern cisplatin = Pattern.compile("(?i)\\bcisplatin\\b");
        Map<String, Predicate<View>> queries = new LinkedHashMap<>();
        queries.put("\"renal failure\"", v -> renalFailure.matcher(v.curated().text()).find());
        queries.put("cisplatin", v -> cisplatin.matcher(v.curated().text()).find());
        queries.put("\"renal failure\" OR cisplatin",
                v -> renalFailure.matcher(v.curated().text()).find() || cisplatin.matcher(v.curated().text()).find());
        queries.put("cisplatin AND type:Chemical status:unreviewed",
                v -> cisplatin.matcher(v.curated().text()).find() && hasSuggestion(v, "Chemical", "unreviewed"));
        for (Map.Entry<String, Predicate<View>> q : queries.entrySet()) {
            Map<String, Integer> types = new TreeMap<>();
            Map<String, Integer> statuses = new TreeMap<>();
            int documents = 0;
            for (View v : views.values()) {
                if (!q.getValue().test(v)) {
                    continue;
                }
                documents++;
                Set<String> docTypes = new TreeSet<>();
                v.curated().mentions().forEach(m -> docTypes.add(m.type()));
                v.suggestions().forEach(s -> docTypes.add(s.mention().type()));
                docTypes.forEach(t -> types.merge(t, 1, Integer::sum));
                v.suggestions().stream().map(v::status).distinct().forEach(s -> statuses.merge(s, 1, Integer::sum));
            }
            assertTrue(documents > 0, q.getKey());
            SearchResult whole = index.search(CDR, q.getKey(), 10);
            assertEquals(documents, whole.totalHits(), q.getKey());
            assertEquals(types, new TreeMap<>(whole.types()), q.getKey());
            assertEquals(statuses, new TreeMap<>(whole.statuses()), q.getKey());
            assertEquals(Map.of("en", documents), whole.languages(), q.getKey());
            HitPage page = index.hits(CDR, q.getKey(), 10, () -> false);
            assertEquals(page.hits(), whole.hits(), q.getKey());
        }
        // a Chinese word is matched as a phrase of ideographs in one field and as a word in the other
        List<Document> cmeee = store.documents().allDocuments(CMEEE);
        Map<String, Integer> types = new TreeMap<>();
        int documents = 0;
        for (Document d : cmeee) {
            if (d.text().contains("糖尿病")) {
                documents++;
                d.mentions().stream().map(EntityMention::type).distinct().forEach(t -> types.merge(t, 1, Integer::sum));
            }
        }
        SearchResult diabetes = index.search(CMEEE, "糖尿病", 10);
        assertEquals(documents, diabetes.totalHits());
        assertEquals(types, new TreeMap<>(diabetes.types()));
        assertEquals(Map.of("zh", documents), diabetes.languages());
        assertEquals(index.hits(CMEEE, "糖尿病", 10, () -> false).hits(), diabetes.hits());
    }

    private static Set<String> spansAndTypes(List<EntityMention> mentions) {
        Set<String> out = new HashSet<>();
        mentions.forEach(m -> out.add(m.spans() + m.type()));
        return out;
    }

    @Test
    void aCancelledSearchStopsWithoutAnAnswer() {
        assertThrows(SearchCancelledException.class, () -> index.hits(CDR, "type:Chemical", 10, () -> true));
        assertThrows(SearchCancelledException.class, () -> index.facets(CDR, "type:Chemical OR cisplatin", () -> true));
        // a syntax error is still a syntax error, cancelled or not
        assertThrows(QuerySyntaxException.class, () -> index.hits(CDR, "type:Chemical AND (", 10, () -> true));
    }

    @Test
    void anIndexOfOneCorpusAnswersAsTheSharedOneAndNothingForAnotherCorpus(@TempDir Path own) {
        try (CorpusIndex single = CorpusIndex.open(own.resolve("index"))) {
            assertEquals(500, new IndexUpdater(store, single).rebuild(CMEEE));
            for (String q : List.of("糖尿病", "lang:zh", "type:dis NOT type:sym")) {
                SearchResult shared = index.search(CMEEE, q, 10_000);
                SearchResult alone = single.search(CMEEE, q, 10_000);
                assertEquals(new TreeSet<>(shared.documentIds()), new TreeSet<>(alone.documentIds()), q);
                assertEquals(shared.totalHits(), alone.totalHits(), q);
                assertEquals(shared.types(), alone.types(), q);
                assertEquals(shared.languages(), alone.languages(), q);
            }
            // the corpus filter comes back as soon as the index holds documents of another corpus
            assertEquals(0, single.search(CDR, "lang:zh", 10).totalHits());
            assertEquals(0, single.facets(CDR, "lang:zh", () -> false).documents());
        }
    }

    @Test
    void anIndexOfAnEarlierLayoutOpensEmptySoTheStaleCheckRebuildsIt(@TempDir Path own) throws Exception {
        Path folder = own.resolve("index");
        try (CorpusIndex current = CorpusIndex.open(folder)) {
            assertEquals(500, new IndexUpdater(store, current).rebuild(CMEEE));
        }
        try (CorpusIndex reopened = CorpusIndex.open(folder)) {
            assertEquals(500, reopened.documentCount(CMEEE), "an index of this layout keeps its documents");
        }
        // what the first layout left: the same documents under a commit that names no layout
        try (Directory directory = FSDirectory.open(folder);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            writer.setLiveCommitData(Map.<String, String>of().entrySet());
            writer.commit();
        }
        try (CorpusIndex earlier = CorpusIndex.open(folder)) {
            assertEquals(0, earlier.documentCount(CMEEE));
            assertTrue(new StaleCorpora(store, earlier).names().contains(CMEEE));
            assertEquals(500, new IndexUpdater(store, earlier).rebuild(CMEEE));
            assertEquals(Map.of("zh", 500), earlier.facets(CMEEE, "lang:zh", () -> false).languages());
        }
    }

    @Test
    void aSyntaxErrorIsAMessageWithTheColumn() {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
                () -> index.search(CDR, "cisplatin AND (type:Chemical status:unreviewed", 10));
        assertEquals(15, e.column());
        assertTrue(e.getMessage().startsWith("query syntax error at column 15"), e.getMessage());
    }

    @Test
    void aDecisionIsSearchableAfterReindexWithoutACommit() throws Exception {
        String corpus = "cdr-nrt";
        List<Document> docs = new PubTatorReader().read(data("bc5cdr/CDR_TrainingSet.PubTator.txt")).subList(0, 10);
        store.documents().importDocuments(corpus, docs, "CDR_TrainingSet.PubTator.txt");
        IndexUpdater updater = new IndexUpdater(store, index);
        updater.rebuild(corpus);
        Document d = docs.stream().filter(x -> has(x, "Disease")).findFirst().orElseThrow();
        EntityMention disease = d.mentions().stream().filter(m -> m.type().equals("Disease")).findFirst().orElseThrow();
        store.suggestions().addSuggestions(corpus, d.id(), List.of(suggestion(disease, "S1")));
        assertEquals(Set.of(), hits(corpus, "type:Disease status:unreviewed"), "not yet reindexed");
        updater.reindex(corpus, d.id());
        assertEquals(Set.of(d.id()), hits(corpus, "type:Disease status:unreviewed"));
        store.log().record(corpus, CorrectionEvent.decision(d.id(), "ann", CorrectionAction.REJECT, "S1", "test", 100));
        updater.reindex(corpus, d.id());
        assertEquals(Set.of(), hits(corpus, "type:Disease status:unreviewed"));
        assertEquals(Set.of(d.id()), hits(corpus, "type:Disease status:rejected disagree:true state:in_progress"));
        assertEquals(10, index.documentCount(corpus));
    }

    @Test
    void aFollowingIndexSeesEveryCommittedChangeWithoutBeingAsked() throws Exception {
        String corpus = "cdr-follow";
        List<Document> docs = new PubTatorReader().read(data("bc5cdr/CDR_TrainingSet.PubTator.txt")).subList(10, 20);
        IndexUpdater updater = new IndexUpdater(store, index).follow();
        try {
            store.documents().importDocuments(corpus, docs, "CDR_TrainingSet.PubTator.txt");
            assertEquals(10, index.documentCount(corpus), "the import reached the index");
            Document d = docs.stream().filter(x -> has(x, "Disease")).findFirst().orElseThrow();
            EntityMention disease = d.mentions().stream().filter(m -> m.type().equals("Disease")).findFirst().orElseThrow();
            store.suggestions().addSuggestions(corpus, d.id(), List.of(suggestion(disease, "S1")));
            assertEquals(Set.of(d.id()), hits(corpus, "type:Disease status:unreviewed"));
            store.log().record(corpus, CorrectionEvent.decision(d.id(), "ann", CorrectionAction.REJECT, "S1", "test", 100));
            assertEquals(Set.of(d.id()), hits(corpus, "type:Disease status:rejected"));
            assertEquals(Set.of(), hits(corpus, "type:Disease status:unreviewed"));
        } finally {
            updater.unfollow();
        }
    }

    @Test
    void aDeletedIndexRebuildsToTheSameResults() {
        List<String> queries = List.of("type:Disease status:unreviewed", "concept:D003924", "disagree:true", "relation:CID state:done",
                "cisplatin AND type:Chemical status:unreviewed", "\"renal failure\" OR hypotension", "NOT type:Chemical");
        Path folder = dir.resolve("index-rebuilt");
        for (int round = 0; round < 2; round++) {
            try (CorpusIndex rebuilt = CorpusIndex.open(folder)) {
                assertEquals(500, new IndexUpdater(store, rebuilt).rebuild(CDR));
                for (String q : queries) {
                    SearchResult a = index.search(CDR, q, 10_000);
                    SearchResult b = rebuilt.search(CDR, q, 10_000);
                    assertEquals(new TreeSet<>(a.documentIds()), new TreeSet<>(b.documentIds()), q);
                    assertEquals(a.totalHits(), b.totalHits(), q);
                    assertEquals(List.of(a.types(), a.statuses(), a.languages()), List.of(b.types(), b.statuses(), b.languages()), q);
                }
            }
            CorpusIndex.delete(folder);
            assertFalse(Files.exists(folder));
        }
    }
}
