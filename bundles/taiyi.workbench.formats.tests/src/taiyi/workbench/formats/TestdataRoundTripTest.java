package taiyi.workbench.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import taiyi.workbench.testing.TestCorpora;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.formats.conll.ConllWriter;

/**
 * Every real corpus file of {@code testdata/} through every format: read, write, read back, and the
 * annotations compared as sets on what the written format holds. A format that holds everything the
 * model does (canonical JSON, BioC XML and JSON) gives back equal documents; one that holds less is
 * compared on what it holds, and its writer reports what it left out. A format that cannot hold a
 * corpus at all refuses it with a reason this test names, so a writer that starts to accept a corpus
 * (or to refuse one) is noticed.
 *
 * <p>Not a corpus: {@code taiyi-instruction-example/}, instruction data as a round export writes it,
 * which no reader reads.
 */
class TestdataRoundTripTest {

    /** The corpus files, each in the format it is published in. */
    private static final Map<String, Format> SOURCES = new TreeMap<>(Map.of(
            "bc5cdr/CDR_TrainingSet.PubTator.txt", Format.PUBTATOR,
            "bc5cdr/CDR_DevelopmentSet.PubTator.txt", Format.PUBTATOR,
            "bc5cdr/CDR_DevelopmentSet.BioC.xml", Format.BIOC_XML,
            "ncbi-disease/pubtator/NCBItrainset_corpus.txt", Format.PUBTATOR,
            "ncbi-disease/pubtator/NCBIdevelopset_corpus.txt", Format.PUBTATOR,
            "ncbi-disease/pubtator/NCBItestset_corpus.txt", Format.PUBTATOR,
            "ncbi-disease/conll/devel.tsv", Format.CONLL,
            "ncbi-disease/brat-devel", Format.BRAT,
            "cmeee/CMeEE_dev_subset.json", Format.CMEEE));

    /**
     * The corpora a format cannot hold, with what the refusal says. BC5CDR relates concepts (CID),
     * which brat and CMeIE can only relate as mentions; a BC5CDR abstract has a discontinuous
     * mention, one range in CMeEE; the NCBI training set has PMID 8528200 twice, which a folder of one
     * file per document, and canonical JSON keyed by id, cannot hold; the brat documents keep the
     * line breaks of their text, which PubTator and one-text-per-line cannot.
     */
    private static final Map<String, String> CANNOT_HOLD = Map.ofEntries(
            Map.entry("bc5cdr/CDR_TrainingSet.PubTator.txt as brat", "relates concepts"),
            Map.entry("bc5cdr/CDR_TrainingSet.PubTator.txt as cmeie", "is a concept, not a mention"),
            Map.entry("bc5cdr/CDR_DevelopmentSet.PubTator.txt as brat", "relates concepts"),
            Map.entry("bc5cdr/CDR_DevelopmentSet.PubTator.txt as cmeie", "is a concept, not a mention"),
            Map.entry("bc5cdr/CDR_DevelopmentSet.BioC.xml as brat", "relates concepts"),
            Map.entry("bc5cdr/CDR_DevelopmentSet.BioC.xml as cmeie", "is a concept, not a mention"),
            Map.entry("bc5cdr/CDR_DevelopmentSet.BioC.xml as cmeee", "is discontinuous"),
            Map.entry("ncbi-disease/pubtator/NCBItrainset_corpus.txt as brat", "would be the same file name"),
            Map.entry("ncbi-disease/pubtator/NCBItrainset_corpus.txt as text", "would be the same file name"),
            Map.entry("ncbi-disease/pubtator/NCBItrainset_corpus.txt as json", "occurs twice"),
            Map.entry("ncbi-disease/brat-devel as pubtator", "line break"),
            Map.entry("ncbi-disease/brat-devel as text-lines", "line break"));

    private static final Map<String, List<Document>> READ = new ConcurrentHashMap<>();

    @TempDir
    Path tmp;

    static Stream<Arguments> everyFileInEveryFormat() {
        return SOURCES.keySet().stream().flatMap(file -> Stream.of(Format.values()).map(target -> Arguments.of(file, target)));
    }

    private static List<Document> read(String file) throws FormatException {
        List<Document> documents = READ.get(file);
        if (documents == null) {
            documents = SOURCES.get(file).newReader().read(TestCorpora.file(file));
            READ.put(file, documents);
        }
        return documents;
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyFileInEveryFormat")
    void readWriteReadKeepsWhatTheFormatHolds(String file, Format target) throws Exception {
        List<Document> documents = read(file);
        assertFalse(documents.isEmpty(), file);
        Path out = tmp.resolve("out" + target.extension());
        List<FormatWarning> leftOut = new ArrayList<>();
        String refusal = CANNOT_HOLD.get(file + " as " + target.cliName());
        if (refusal != null) {
            FormatException e = assertThrows(FormatException.class, () -> {
                target.newWriter().write(documents, out, leftOut::add);
                target.newReader().read(out);
            });
            assertTrue(e.getMessage().contains(refusal), e.getMessage());
            return;
        }
        target.newWriter().write(documents, out, leftOut::add);
        List<Document> back = target.newReader().read(out);

        Function<List<Document>, Object> holds = holds(target);
        Object wanted = holds.apply(documents);
        Object got = holds.apply(back);
        if (target == Format.CONLL) {
            // BIO is flat: of overlapping entities the writer keeps one and says so
            assertConllKeeps(documents, back, leftOut);
        } else {
            assertEquals(wanted, got, file + " as " + target);
        }
        String lost = lost(documents, back);
        if (!lost.isEmpty()) {
            assertFalse(leftOut.isEmpty(), file + " as " + target + " lost " + lost + " and the writer did not say so");
            leftOut.forEach(w -> assertTrue(w.toString().startsWith(out + ": warning: "), w.toString()));
        }
        if (holds(target) == holds(Format.JSON) || target == SOURCES.get(file) && target != Format.CONLL) {
            // CoNLL names the documents it reads after the file, so a CoNLL file comes back with new ids
            assertEquals(documents, back, file + " as " + target + " holds everything of the file");
        }
    }

    /** What of the documents' content, ids aside, did not come back: empty when nothing. */
    private static String lost(List<Document> documents, List<Document> back) {
        if (documents.size() != back.size()) {
            return (documents.size() - back.size()) + " documents";
        }
        List<String> what = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            Document d = documents.get(i);
            Document b = back.stream().filter(x -> x.id().equals(d.id())).findFirst().orElse(back.get(i));
            addIf(what, !d.text().equals(b.text()), "text");
            addIf(what, !b.passages().containsAll(d.passages()), "passages");
            addIf(what, !b.metadata().entrySet().containsAll(d.metadata().entrySet()), "metadata");
            addIf(what, !b.labels().containsAll(d.labels()), "labels");
            addIf(what, !contains(mentions(b, true, true), mentions(d, true, true)), "mentions");
            addIf(what, !contains(mentionRelations(b), mentionRelations(d)), "relations");
        }
        return String.join(", ", what);
    }

    /** Whether {@code all} holds every item of {@code some}, as many times as it occurs there. */
    private static boolean contains(List<String> all, List<String> some) {
        List<String> left = new ArrayList<>(all);
        return some.stream().allMatch(left::remove);
    }

    private static void addIf(List<String> what, boolean lost, String name) {
        if (lost && !what.contains(name)) {
            what.add(name);
        }
    }

    /**
     * The BioC file of the BC5CDR development set, written as PubTator, gives the mentions, concepts,
     * composite parts (the 7th column, from the individual mentions) and relations of the corpus's
     * own PubTator file: the individual mentions are not lines of their own there.
     */
    @Test
    void bioCWrittenAsPubTatorGivesThePublishedPubTatorAnnotations() throws Exception {
        Path out = tmp.resolve("from-bioc.txt");
        List<FormatWarning> leftOut = new ArrayList<>();
        Format.PUBTATOR.newWriter().write(read("bc5cdr/CDR_DevelopmentSet.BioC.xml"), out, leftOut::add);
        List<Document> fromBioc = Format.PUBTATOR.newReader().read(out);
        List<Document> published = read("bc5cdr/CDR_DevelopmentSet.PubTator.txt");
        assertEquals(pubTatorAnnotations(published), pubTatorAnnotations(fromBioc));
        assertFalse(leftOut.isEmpty(), "the individual mentions' own spans and concepts are left out, and said so");
    }

    /** PubTator written from PubTator is byte for byte what was read, where the source is in the writer's layout. */
    @Test
    void pubTatorRoundTripIsByteIdentical() throws Exception {
        for (String file : SOURCES.keySet()) {
            if (SOURCES.get(file) != Format.PUBTATOR) {
                continue;
            }
            Path once = tmp.resolve("once.txt");
            Path twice = tmp.resolve("twice.txt");
            Format.PUBTATOR.newWriter().write(read(file), once);
            Format.PUBTATOR.newWriter().write(Format.PUBTATOR.newReader().read(once), twice);
            // a second round trip changes nothing; the NCBI files, with a leading blank line and stray
            // spaces in some columns, come back in the writer's layout
            assertArrayEquals(Files.readAllBytes(once), Files.readAllBytes(twice), file);
        }
        // the BC5CDR files are in the writer's layout, "D002544|-1" concept columns included
        for (String file : List.of("bc5cdr/CDR_TrainingSet.PubTator.txt", "bc5cdr/CDR_DevelopmentSet.PubTator.txt")) {
            Path out = tmp.resolve("bc5cdr.txt");
            Format.PUBTATOR.newWriter().write(read(file), out);
            assertArrayEquals(Files.readAllBytes(TestCorpora.file(file)), Files.readAllBytes(out), file);
        }
    }

    // ---------------------------------------------------------------- what each format holds

    private static final Function<List<Document>, Object> EVERYTHING = documents -> documents;

    private static Function<List<Document>, Object> holds(Format format) {
        return switch (format) {
            case JSON, BIOC_XML, BIOC_JSON -> EVERYTHING;
            case PUBTATOR -> TestdataRoundTripTest::pubTatorAnnotations;
            case BRAT -> documents -> byId(documents, d -> List.of(d.text(), mentions(d, true, true), mentionRelations(d)));
            case CMEEE -> documents -> documents.stream().map(d -> List.of(d.text(), mentions(d, false, false))).toList();
            case CMEIE -> documents -> documents.stream().map(d -> List.of(d.text(), triples(d))).toList();
            case CONLL -> documents -> documents.stream().map(d -> d.text().replaceAll("\\s", "")).toList();
            case TEXT -> documents -> byId(documents, Document::text);
            case TEXT_LINES -> documents -> documents.stream().map(Document::text).toList();
        };
    }

    /** PubTator's view: text, mentions with bare concept ids (individual parts are the 7th column), concept relations. */
    private static Object pubTatorAnnotations(List<Document> documents) {
        return byId(documents, d -> {
            List<String> mentions = d.mentions().stream()
                    .filter(m -> !"IndividualMention".equals(m.attributes().get("CompositeRole")))
                    .map(m -> m.spans() + " " + m.type() + " " + m.normalizations().stream().map(Normalization::id).toList())
                    .sorted().toList();
            List<String> relations = d.relations().stream()
                    .map(r -> r.type() + " " + Normalization.parse(r.head()).id() + " " + Normalization.parse(r.tail()).id())
                    .sorted().toList();
            return List.of(d.text(), mentions, relations);
        });
    }

    private static <T> Map<String, T> byId(List<Document> documents, Function<Document, T> view) {
        Map<String, T> out = new TreeMap<>();
        documents.forEach(d -> out.put(d.id(), view.apply(d)));
        return out;
    }

    /** The mentions as a sorted list of what they are, not what they are called. */
    private static List<String> mentions(Document d, boolean concepts, boolean attributes) {
        return d.mentions().stream().map(m -> mention(m, concepts, attributes)).sorted().toList();
    }

    private static String mention(EntityMention m, boolean concepts, boolean attributes) {
        return m.spans() + " " + m.type() + (concepts ? " " + m.normalizations() : "") + (attributes ? " " + m.attributes() : "");
    }

    /** Relations between mentions, their arguments named by what the mentions are. */
    private static List<String> mentionRelations(Document d) {
        return d.relations().stream().map(r -> r.type() + " " + argument(d, r.head()) + " -> " + argument(d, r.tail()))
                .sorted().toList();
    }

    private static String argument(Document d, String id) {
        return d.mention(id).map(m -> mention(m, true, true)).orElse(id);
    }

    /** CMeIE's view: relations as triples of the arguments' texts and types. */
    private static List<String> triples(Document d) {
        List<String> out = new ArrayList<>();
        for (Relation r : d.relations()) {
            EntityMention head = d.mention(r.head()).orElseThrow();
            EntityMention tail = d.mention(r.tail()).orElseThrow();
            out.add(head.coveredText(d.text()) + "/" + head.type() + " " + r.type() + " " + tail.coveredText(d.text()) + "/"
                    + tail.type());
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /**
     * CoNLL's view: each document's text (tokens, so without white space) and its entities as typed
     * texts, one per span; those of the written file are those of the source less the overlapping
     * ones the writer dropped, and it says it dropped them.
     */
    private static void assertConllKeeps(List<Document> documents, List<Document> back, List<FormatWarning> leftOut) {
        assertEquals(documents.size(), back.size());
        int dropped = 0;
        for (int i = 0; i < documents.size(); i++) {
            Document d = documents.get(i);
            Document b = back.get(i);
            assertEquals(d.text().replaceAll("\\s", ""), b.text().replaceAll("\\s", ""), d.id());
            List<String> wanted = new ArrayList<>(entities(d));
            List<String> got = entities(b);
            for (String entity : got) {
                assertTrue(wanted.remove(entity), d.id() + ": " + entity + " is not an entity of the source");
            }
            dropped += wanted.size();
        }
        if (dropped > 0) {
            int n = dropped;
            assertTrue(leftOut.stream().anyMatch(w -> w.message().contains(n + " overlapping entit")), n + " " + leftOut);
        }
    }

    private static List<String> entities(Document d) {
        List<String> out = new ArrayList<>();
        for (EntityMention m : d.mentions()) {
            for (Span s : m.spans()) {
                out.add(m.type() + " " + d.text().substring(s.start(), s.end()).replaceAll("\\s", ""));
            }
        }
        return out;
    }

    /** The writer the CoNLL view relies on counts what it drops (kept here so a rename is noticed). */
    @Test
    void conllWriterCountsWhatItDrops() throws Exception {
        ConllWriter.WriteSummary summary = new ConllWriter().writeWithSummary(read("cmeee/CMeEE_dev_subset.json"),
                tmp.resolve("cmeee.tsv"));
        assertTrue(summary.dropped() > 0, "CMeEE nests entities (肺 inside 肺实变), which flat BIO cannot hold");
    }
}
