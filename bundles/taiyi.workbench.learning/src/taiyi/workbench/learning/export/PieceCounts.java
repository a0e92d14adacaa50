package taiyi.workbench.learning.export;

/**
 * Token counts of pre-tokenizer pieces, looked up by a char range of the text the piece lies in, so
 * that a hit allocates nothing: a round looks up every piece of every window and answer (a million
 * and more for BC5CDR), while a corpus has a few ten thousand distinct pieces, so a lookup that cut a
 * substring and hashed it afresh cost more than all the BPE a cold export runs.
 *
 * <p>Open addressing with linear probing over immutable entries. Lookups take no lock: they read
 * the table a volatile field points to, and an entry's final fields are seen complete by any thread
 * that sees the entry; a lookup that races an insert may miss, and its caller then counts the piece
 * itself, which gives the same number. Inserts are rare (once per distinct piece) and synchronized;
 * a growing table is copied and published whole.
 */
final class PieceCounts {

    /** What {@link #get} answers for a piece not counted yet. */
    static final int ABSENT = -1;

    private static final int INITIAL_SLOTS = 1 << 14;

    private final int limit;
    private volatile Entry[] slots = new Entry[INITIAL_SLOTS];
    /** Guarded by {@code this}. */
    private int size;

    /** @param limit the most pieces kept; past it, pieces are not added (and are counted afresh) */
    PieceCounts(int limit) {
        this.limit = limit;
    }

    /** The hash {@link #get} and {@link #put} take for the chars {@code start..end} of a text. */
    static int hash(String text, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + text.charAt(i);
        }
        // the low bits pick the slot, and words that differ in their last letter hash to neighbours,
        // which linear probing would pile into long runs: every bit is mixed into every other
        // (MurmurHash3's finaliser)
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /** The count of the piece {@code text[start, end)} whose {@link #hash} is given, or {@link #ABSENT}. */
    int get(String text, int start, int end, int hash) {
        Entry[] table = slots;
        int mask = table.length - 1;
        int length = end - start;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            Entry e = table[i];
            if (e == null) {
                return ABSENT;
            }
            if (e.hash == hash && e.piece.length() == length && text.regionMatches(start, e.piece, 0, length)) {
                return e.tokens;
            }
        }
    }

    /** Keeps the count of the piece {@code text[start, end)}, unless it is kept already or the table is full. */
    synchronized void put(String text, int start, int end, int hash, int tokens) {
        if (size >= limit || get(text, start, end, hash) != ABSENT) {
            return;
        }
        Entry[] table = slots;
        if (2 * (size + 1) > table.length) {
            table = grown(table);
        }
        insert(table, new Entry(text.substring(start, end), hash, tokens));
        size++;
        // publishes a grown table; for an entry added in place, the final fields suffice
        slots = table;
    }

    /** How many pieces are kept. */
    synchronized int size() {
        return size;
    }

    private static Entry[] grown(Entry[] table) {
        Entry[] bigger = new Entry[table.length * 2];
        for (Entry e : table) {
            if (e != null) {
                insert(bigger, e);
            }
        }
        return bigger;
    }

    private static void insert(Entry[] table, Entry entry) {
        int mask = table.length - 1;
        int i = entry.hash & mask;
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        table[i] = entry;
    }

    private static final class Entry {
        final String piece;
        final int hash;
        final int tokens;

        Entry(String piece, int hash, int tokens) {
            this.piece = piece;
            this.hash = hash;
            this.tokens = tokens;
        }
    }
}
