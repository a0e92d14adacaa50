package taiyi.workbench.learning.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.inference.djl.tokenizer.QwenPreTokenizer;
import taiyi.workbench.testing.TestCorpora;

/**
 * The piece table answers by char range what a map from the piece's string would: on every
 * pre-tokenizer piece of real English and Chinese abstracts (far more than its first size), for
 * strings that share a hash, for a piece's prefixes, past its limit and with threads adding and
 * looking up at once.
 */
class PieceCountsTest {

    @Test
    void answersWhatAMapOfTheSameStringsAnswersOnRealCorpora() throws Exception {
        List<Document> documents = new ArrayList<>(ExportFixtures.bc5cdrTraining());
        documents.addAll(TestCorpora.cmeee());
        PieceCounts table = new PieceCounts(Integer.MAX_VALUE);
        Map<String, Integer> oracle = new HashMap<>();
        for (Document d : documents) {
            forEachPiece(d.text(), (start, end) -> {
                String piece = d.text().substring(start, end);
                int hash = PieceCounts.hash(d.text(), start, end);
                // any function of the piece will do as its count: the table must give back what it got
                int count = Math.floorMod(piece.hashCode() * 31 + piece.length(), 1000);
                Integer known = oracle.putIfAbsent(piece, count);
                assertEquals(known == null ? PieceCounts.ABSENT : known, table.get(d.text(), start, end, hash), piece);
                table.put(d.text(), start, end, hash, count);
            });
        }
        // more than the first table holds before it grows
        assertTrue(oracle.size() > 10_000, oracle.size() + " distinct pieces");
        assertEquals(oracle.size(), table.size());
        for (Map.Entry<String, Integer> e : oracle.entrySet()) {
            String inText = "<" + e.getKey() + ">";
            assertEquals(e.getValue(), table.get(inText, 1, inText.length() - 1, PieceCounts.hash(inText, 1, inText.length() - 1)));
        }
    }

    @Test
    void stringsThatShareAHashAndPrefixesOfAPieceAreTheirOwnEntries() {
        assertEquals("Aa".hashCode(), "BB".hashCode());
        PieceCounts table = new PieceCounts(100);
        put(table, "Aa", 1);
        assertEquals(PieceCounts.ABSENT, get(table, "BB"));
        put(table, "BB", 2);
        put(table, " the", 3);
        assertEquals(1, get(table, "Aa"));
        assertEquals(2, get(table, "BB"));
        assertEquals(PieceCounts.ABSENT, get(table, " th"));
        assertEquals(PieceCounts.ABSENT, get(table, " thee"));
        put(table, "Aa", 9);
        assertEquals(1, get(table, "Aa"), "a piece kept once keeps its count");
    }

    @Test
    void pastItsLimitTheTableKeepsNothingMore() {
        PieceCounts table = new PieceCounts(2);
        put(table, "a", 1);
        put(table, "b", 1);
        put(table, "c", 1);
        assertEquals(2, table.size());
        assertEquals(PieceCounts.ABSENT, get(table, "c"));
        assertEquals(1, get(table, "b"));
    }

    @Test
    void threadsThatAddAndLookUpAtOnceSeeEitherNothingOrTheCount() throws Exception {
        PieceCounts table = new PieceCounts(Integer.MAX_VALUE);
        int pieces = 60_000;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t * 7_919;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < pieces; i++) {
                        String piece = " w" + (i + offset) % pieces;
                        int found = get(table, piece);
                        if (found != PieceCounts.ABSENT) {
                            assertEquals(piece.length(), found, piece);
                        }
                        put(table, piece, piece.length());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(pieces, table.size());
        for (int i = 0; i < pieces; i++) {
            assertEquals((" w" + i).length(), get(table, " w" + i));
        }
    }

    private static void put(PieceCounts table, String piece, int count) {
        table.put(piece, 0, piece.length(), PieceCounts.hash(piece, 0, piece.length()), count);
    }

    private static int get(PieceCounts table, String piece) {
        return table.get(piece, 0, piece.length(), PieceCounts.hash(piece, 0, piece.length()));
    }

    private interface PieceVisitor {
        void visit(int start, int end);
    }

    private static void forEachPiece(String text, PieceVisitor visitor) {
        for (int at = 0; at < text.length(); ) {
            int end = QwenPreTokenizer.pieceEnd(text, at);
            visitor.visit(at, end);
            at = end;
        }
    }
}
