package taiyi.workbench.ui.editor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.draw2d.FigureCanvas;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.ui.WorkbenchDatabase;

/**
 * Shows one document: a Draw2d legend of its entity types above its text, in which every mention
 * is coloured by type; hovering a mention names its type and concepts. Read-only until the
 * curation actions arrive.
 */
public final class DocumentEditor extends EditorPart {

    public static final String ID = "taiyi.workbench.ui.documentEditor";

    private Document document;
    private EntityTypePalette palette;
    private StyledText text;
    private FigureCanvas legendCanvas;
    private EntityTypeLegend legend;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof DocumentEditorInput in)) {
            throw new PartInitException("not a Taiyi document: " + input.getName());
        }
        setSite(site);
        setInput(input);
        document = WorkbenchDatabase.store().document(in.corpus(), in.documentId())
                .orElseThrow(() -> new PartInitException("document " + in.documentId() + " is not in corpus " + in.corpus()));
        setPartName(document.id());
        setTitleToolTip(in.getToolTipText());
    }

    @Override
    public void createPartControl(Composite parent) {
        palette = new EntityTypePalette(parent.getDisplay());
        Composite body = new Composite(parent, SWT.NONE);
        GridLayout grid = new GridLayout(1, false);
        grid.marginWidth = 0;
        grid.marginHeight = 0;
        grid.verticalSpacing = 0;
        body.setLayout(grid);

        legendCanvas = new FigureCanvas(body, SWT.DOUBLE_BUFFERED);
        legend = new EntityTypeLegend();
        legendCanvas.setContents(legend);
        legend.show(countsByType(document.mentions()), palette);
        GridData legendData = new GridData(SWT.FILL, SWT.TOP, true, false);
        legendData.heightHint = 30;
        legendCanvas.setLayoutData(legendData);

        text = new StyledText(body, SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.READ_ONLY);
        text.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        text.setMargins(8, 8, 8, 8);
        text.setLineSpacing(4);
        text.setText(document.text());
        text.setStyleRanges(MentionStyles.compute(document.mentions(), palette));
        text.addListener(SWT.MouseMove, e -> text.setToolTipText(describeMentionsAt(new Point(e.x, e.y))));
        body.addListener(SWT.Dispose, e -> palette.dispose());
    }

    private String describeMentionsAt(Point point) {
        int offset = text.getOffsetAtPoint(point);
        if (offset < 0) {
            return null;
        }
        String tip = document.mentions().stream()
                .filter(m -> m.spans().stream().anyMatch(s -> s.contains(offset)))
                .map(m -> m.type() + ": " + m.coveredText(document.text())
                        + (m.normalizations().isEmpty() ? "" : " [" + m.normalizations().stream().map(Object::toString).collect(Collectors.joining(", ")) + "]"))
                .collect(Collectors.joining("\n"));
        return tip.isEmpty() ? null : tip;
    }

    static Map<String, Integer> countsByType(List<EntityMention> mentions) {
        Map<String, Integer> counts = new TreeMap<>();
        mentions.forEach(m -> counts.merge(m.type(), 1, Integer::sum));
        return new LinkedHashMap<>(counts);
    }

    /** The document shown. */
    public Document document() {
        return document;
    }

    /** The text widget, for keyboard-driven tests and the later curation actions. */
    public StyledText textWidget() {
        return text;
    }

    /**
     * Selects chars {@code [start, end)} of the document and scrolls them into view (search hits,
     * the properties view, the queue all land here).
     */
    public void reveal(int start, int end) {
        int length = text.getCharCount();
        int from = Math.max(0, Math.min(start, length));
        int to = Math.max(from, Math.min(end, length));
        text.setSelection(from, to);
        text.showSelection();
    }

    /** The Draw2d legend figure. */
    public EntityTypeLegend legend() {
        return legend;
    }

    /** The canvas the legend is drawn on. */
    public FigureCanvas legendCanvas() {
        return legendCanvas;
    }

    @Override
    public void setFocus() {
        text.setFocus();
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        // read-only: nothing to save
    }

    @Override
    public void doSaveAs() {
        // read-only: nothing to save
    }

    @Override
    public boolean isDirty() {
        return false;
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }
}
