package taiyi.workbench.inference.preannotate;

/** Hears how far a pre-annotation run has come, one call per finished window. */
@FunctionalInterface
public interface PreannotationListener {

    /**
     * Called once all tasks of a window have their answers.
     *
     * @param documentId the document
     * @param windowIndex the window, from 0
     * @param windowCount how many windows the document has
     */
    void onWindow(String documentId, int windowIndex, int windowCount);

    PreannotationListener NONE = (d, i, n) -> { };
}
