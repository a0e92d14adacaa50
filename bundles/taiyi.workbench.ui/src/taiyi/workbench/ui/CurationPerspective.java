package taiyi.workbench.ui;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

import taiyi.workbench.ui.graph.RelationGraphView;
import taiyi.workbench.ui.imports.ImportProblemsView;
import taiyi.workbench.ui.navigator.CorpusNavigatorView;
import taiyi.workbench.ui.properties.AnnotationPropertiesView;
import taiyi.workbench.ui.queue.QueueView;
import taiyi.workbench.ui.search.SearchView;

/**
 * The annotator's layout: corpora on the left, documents open in the editor area, the annotation
 * at the editor's caret described on its right, search, the curation queue, the import problems and the relation
 * graph below it.
 */
public final class CurationPerspective implements IPerspectiveFactory {

    public static final String ID = "taiyi.workbench.ui.curationPerspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(true);
        layout.addView(CorpusNavigatorView.ID, IPageLayout.LEFT, 0.28f, layout.getEditorArea());
        layout.getViewLayout(CorpusNavigatorView.ID).setCloseable(false);
        layout.addView(AnnotationPropertiesView.ID, IPageLayout.RIGHT, 0.74f, layout.getEditorArea());
        IFolderLayout bottom = layout.createFolder("taiyi.workbench.ui.bottom", IPageLayout.BOTTOM, 0.62f, layout.getEditorArea());
        bottom.addView(SearchView.ID);
        bottom.addView(QueueView.ID);
        bottom.addPlaceholder(ImportProblemsView.ID);
        bottom.addPlaceholder(RelationGraphView.ID);
        layout.addShowViewShortcut(CorpusNavigatorView.ID);
        layout.addShowViewShortcut(SearchView.ID);
        layout.addShowViewShortcut(ImportProblemsView.ID);
        layout.addShowViewShortcut(AnnotationPropertiesView.ID);
        layout.addShowViewShortcut(RelationGraphView.ID);
        layout.addShowViewShortcut(QueueView.ID);
    }
}
