package taiyi.workbench.ui.editor;

import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/** Names a document of a corpus in the database; two inputs for the same document are equal. */
public final class DocumentEditorInput implements IEditorInput {

    private final String corpus;
    private final String documentId;

    public DocumentEditorInput(String corpus, String documentId) {
        this.corpus = Objects.requireNonNull(corpus);
        this.documentId = Objects.requireNonNull(documentId);
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
        return o instanceof DocumentEditorInput other && corpus.equals(other.corpus) && documentId.equals(other.documentId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(corpus, documentId);
    }
}
