package taiyi.workbench.ui;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

import taiyi.workbench.ui.navigator.CorpusNavigatorView;
import taiyi.workbench.ui.properties.AnnotationPropertiesView;

/** The annotator's layout: corpora on the left, documents open in the editor area, the
 * annotation at the editor's caret described below it. */
public final class CurationPerspective implements IPerspectiveFactory {

    public static final String ID = "taiyi.workbench.ui.curationPerspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(true);
        layout.addView(CorpusNavigatorView.ID, IPageLayout.LEFT, 0.28f, layout.getEditorArea());
        layout.getViewLayout(CorpusNavigatorView.ID).setCloseable(false);
        layout.addView(AnnotationPropertiesView.ID, IPageLayout.BOTTOM, 0.72f, layout.getEditorArea());
    }
}
