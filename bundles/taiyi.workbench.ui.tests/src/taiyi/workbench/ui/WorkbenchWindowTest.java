package taiyi.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.ui.WorkbenchDriver.screenshot;

import java.util.Arrays;
import java.util.List;

import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.Label;
import org.eclipse.draw2d.SWTGraphics;
import org.eclipse.draw2d.geometry.Dimension;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.GraphicalViewer;
import org.eclipse.gef.editparts.AbstractGraphicalEditPart;
import org.eclipse.gef.ui.parts.ScrollingGraphicalViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import taiyi.workbench.app.SampleCorpus;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.ui.editor.DocumentEditor;
import taiyi.workbench.ui.editor.DocumentEditorInput;
import taiyi.workbench.ui.editor.EntityTypePalette;
import taiyi.workbench.ui.navigator.CorpusNavigatorView;

/**
 * Runs inside the real workbench (the product's application, under Xvfb): the window opens in the
 * curation perspective on the imported sample corpus, a document opens with its mentions styled,
 * and Draw2d and GEF 3.2 render on this Eclipse.
 */
class WorkbenchWindowTest {

    @AfterEach
    void closeEditors() {
        page().closeAllEditors(false);
    }

    private static IWorkbenchPage page() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "no workbench window is open");
        return window.getActivePage();
    }

    private static void drain() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // let pending paints and layouts run
        }
    }

    @Test
    void onTheFirstStartTheWindowFillsTheScreen() {
        // the tests start the workbench with -clearPersistedState, as a first start
        Shell shell = page().getWorkbenchWindow().getShell();
        Rectangle screen = shell.getDisplay().getPrimaryMonitor().getClientArea();
        assertTrue(screen.width > 1280 && screen.height > 800, "the test display is smaller than the old fixed size: " + screen);
        // maximised under a window manager; Xvfb has none, so there the bounds are the screen's
        assertTrue(shell.getMaximized() || shell.getBounds().equals(screen), shell.getBounds() + " on " + screen);
    }

    @Test
    void windowOpensInTheCurationPerspectiveOnTheSampleCorpus() throws Exception {
        IWorkbenchPage page = page();
        assertEquals(CurationPerspective.ID, page.getPerspective().getId());
        assertEquals("Taiyi Workbench", page.getWorkbenchWindow().getShell().getText());
        CorpusNavigatorView navigator = assertInstanceOf(CorpusNavigatorView.class, page.findView(CorpusNavigatorView.ID));
        navigator.viewer().expandToLevel(2);
        drain();
        // other test classes import corpora of their own into the same workbench
        TreeItem sample = Arrays.stream(navigator.viewer().getTree().getItems())
                .filter(i -> i.getText().startsWith(SampleCorpus.CORPUS_NAME + "  ")).findFirst().orElseThrow();
        assertTrue(sample.getText().startsWith(SampleCorpus.CORPUS_NAME + "  (100 documents, 787 mentions)"), sample.getText());
        assertEquals(100, sample.getItemCount());
        screenshot(page.getWorkbenchWindow().getShell(), "workbench-window.png");
    }

    @Test
    void aDocumentOpensWithItsMentionsStyledAndADraw2dLegend() throws Exception {
        Document document = WorkbenchDatabase.store().documents().document(SampleCorpus.CORPUS_NAME, "8808605").orElseThrow();
        IEditorPart part = page().openEditor(new DocumentEditorInput(SampleCorpus.CORPUS_NAME, "8808605"), DocumentEditor.ID);
        DocumentEditor editor = assertInstanceOf(DocumentEditor.class, part);
        drain();
        assertEquals(document.text(), editor.textWidget().getText());
        assertTrue(!editor.textWidget().getEditable(), "the editor is read-only for now");

        // every mention's characters carry its colour (or that of a shorter mention nested in it)
        StyleRange[] styles = editor.textWidget().getStyleRanges();
        assertTrue(styles.length >= document.mentions().size() / 2, "too few styled ranges: " + styles.length);
        EntityMention first = document.mentions().get(0);
        StyleRange atFirst = editor.textWidget().getStyleRangeAtOffset(first.start());
        assertNotNull(atFirst, "mention " + first.coveredText(document.text()) + " is not styled");
        assertEquals(EntityTypePalette.rgbOf(first.type()), atFirst.background.getRGB());

        // the Draw2d legend holds one chip per schema type, with its digit key, in the type's colour
        List<String> types = editor.keyedTypes();
        assertTrue(types.containsAll(document.mentions().stream().map(EntityMention::type).distinct().toList()), types.toString());
        List<?> chips = editor.legend().getChildren();
        assertEquals(types.size(), chips.size());
        Label chip = (Label) chips.get(0);
        // each type by its display name in the UI language (NCBI-disease's SpecificDisease reads "Specific disease")
        assertTrue(chip.getText().startsWith("1 " + editor.entityName(types.get(0)) + "  "), chip.getText());
        ImageData painted = paint(editor.legend());
        assertTrue(contains(painted, EntityTypePalette.rgbOf(types.get(0))), "the legend did not paint the type colour");
        screenshot(editor.textWidget().getShell(), "document-editor.png");
    }

    @Test
    void gef32GraphicalViewerRendersOnThisEclipse() {
        Shell shell = new Shell(Display.getCurrent());
        shell.setLayout(new FillLayout());
        shell.setSize(300, 200);
        try {
            GraphicalViewer viewer = new ScrollingGraphicalViewer();
            viewer.createControl(shell);
            viewer.setEditPartFactory((context, model) -> {
                // GEF leaves setting the model to the factory
                EditPart part = new AbstractGraphicalEditPart() {
                @Override
                protected IFigure createFigure() {
                    Label label = new Label(String.valueOf(getModel()));
                    label.setOpaque(true);
                    label.setBackgroundColor(new org.eclipse.swt.graphics.Color(Display.getCurrent(), 255, 0, 0));
                    label.setSize(new Dimension(120, 40));
                    return label;
                }

                @Override
                protected void createEditPolicies() {
                    // display only
                }
                };
                part.setModel(model);
                return part;
            });
            viewer.setContents("Disease");
            shell.open();
            drain();
            EditPart contents = viewer.getContents();
            assertNotNull(contents);
            IFigure figure = ((AbstractGraphicalEditPart) contents).getFigure();
            assertEquals("Disease", ((Label) figure).getText());
            assertTrue(contains(paint(figure), new RGB(255, 0, 0)), "the GEF figure did not paint");
        } finally {
            shell.dispose();
        }
    }

    /** Paints a figure into an image with Draw2d's SWT graphics, as the canvas would. */
    private static ImageData paint(IFigure figure) {
        Rectangle r = new Rectangle(0, 0, Math.max(1, figure.getBounds().width), Math.max(1, figure.getBounds().height));
        Image image = new Image(Display.getCurrent(), r.width, r.height);
        GC gc = new GC(image);
        SWTGraphics graphics = new SWTGraphics(gc);
        try {
            graphics.translate(-figure.getBounds().x, -figure.getBounds().y);
            figure.paint(graphics);
        } finally {
            graphics.dispose();
            gc.dispose();
        }
        ImageData data = image.getImageData();
        image.dispose();
        return data;
    }

    private static boolean contains(ImageData data, RGB color) {
        for (int y = 0; y < data.height; y++) {
            for (int x = 0; x < data.width; x++) {
                RGB rgb = data.palette.getRGB(data.getPixel(x, y));
                if (Math.abs(rgb.red - color.red) <= 2 && Math.abs(rgb.green - color.green) <= 2
                        && Math.abs(rgb.blue - color.blue) <= 2) {
                    return true;
                }
            }
        }
        return false;
    }

}
