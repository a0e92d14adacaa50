package taiyi.workbench.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import taiyi.workbench.core.curation.CorrectionEvent;

/**
 * The parsed correction logs of recently used documents. Events are never changed once committed,
 * so a cached log is still right exactly when the database's newest event of the document is the
 * cached last one; another process (the CLI beside the workbench) appending makes them differ and
 * the log is read again. Without it every decision re-read and re-parsed the whole log.
 */
final class EventCache {

    private final Map<Long, List<CorrectionEvent>> byDocument = new ConcurrentHashMap<>();

    /** The cached log of a document if its last event is {@code newestId} (0: no event), else null. */
    List<CorrectionEvent> get(long docId, long newestId) {
        List<CorrectionEvent> events = byDocument.get(docId);
        if (events == null) {
            return null;
        }
        long cachedNewest = events.isEmpty() ? 0 : events.get(events.size() - 1).id();
        return cachedNewest == newestId ? events : null;
    }

    /** Remembers a document's log as committed. */
    void put(long docId, List<CorrectionEvent> events) {
        byDocument.put(docId, List.copyOf(events));
    }

    /** Remembers more committed events of a document whose cached log ends just before them. */
    void append(long docId, List<CorrectionEvent> before, List<CorrectionEvent> added) {
        List<CorrectionEvent> events = new ArrayList<>(before);
        events.addAll(added);
        put(docId, events);
    }
}
