package taiyi.workbench.ui;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

import taiyi.workbench.ui.navigator.CorpusNavigatorView;

/** The annotator's layout: corpora on the left, documents open in the editor area. */
public final class CurationPerspective implements IPerspectiveFactory {

    public static final String ID = "taiyi.workbench.ui.curationPerspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(true);
        layout.addView(CorpusNavigatorView.ID, IPageLayout.LEFT, 0.28f, layout.getEditorArea());
        layout.getViewLayout(CorpusNavigatorView.ID).setCloseable(false);
    }
}
