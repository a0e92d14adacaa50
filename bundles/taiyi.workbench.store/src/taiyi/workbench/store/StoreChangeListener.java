package taiyi.workbench.store;

import java.util.List;

/**
 * Told after a transaction that changed documents has committed (an import, a curator decision,
 * new suggestions), so followers such as the search index can catch up. Called on the committing
 * thread; a listener that fails does not undo the change, which is already durable.
 */
@FunctionalInterface
public interface StoreChangeListener {

    void documentsChanged(String corpus, List<String> documentIds);
}
