package taiyi.workbench.ui.editor;

import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.ui.WorkbenchDatabase;

/**
 * Names a document of a corpus in the workbench's database (or, for a second database the curator
 * opened, that store); two inputs for the same document of the same database are equal.
 */
public final class DocumentEditorInput implements IEditorInput {

    private final CorpusStore store;
    private final String corpus;
    private final String documentId;

    public DocumentEditorInput(String corpus, String documentId) {
        this(null, corpus, documentId);
    }

    /** A document of another open store than the workbench's own; null means the workbench's. */
    public DocumentEditorInput(CorpusStore store, String corpus, String documentId) {
        this.store = store;
        this.corpus = Objects.requireNonNull(corpus);
        this.documentId = Objects.requireNonNull(documentId);
    }

    /** The store the document is in. */
    public CorpusStore store() {
        return store != null ? store : WorkbenchDatabase.store();
    }

    public String corpus() {
        return corpus;
    }

    public String documentId() {
        return documentId;
    }

    @Override
    public boolean exists() {
        return false;
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return null;
    }

    @Override
    public String getName() {
        return documentId;
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return corpus + " / " + documentId;
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DocumentEditorInput other && corpus.equals(other.corpus) && documentId.equals(other.documentId)
                && store() == other.store();
    }

    @Override
    public int hashCode() {
        return Objects.hash(corpus, documentId);
    }
}
