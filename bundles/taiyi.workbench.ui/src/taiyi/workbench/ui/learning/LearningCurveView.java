package taiyi.workbench.ui.learning;

import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

import taiyi.workbench.learning.evaluation.Evaluation;
import taiyi.workbench.learning.evaluation.LearningCurve;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.CorpusSummary;
import taiyi.workbench.ui.WorkbenchDatabase;
import taiyi.workbench.ui.l10n.Messages;

/**
 * The learning curve of a corpus: micro and per-type F1 of each suggestion source against curated
 * documents and against curation hours, one line per source, one point per round, from the learning
 * record that {@code taiyi evaluate} fills.
 */
public final class LearningCurveView extends ViewPart {

    public static final String ID = "taiyi.workbench.ui.learningCurve";

    private Combo corpora;
    private Label status;
    private LineChartCanvas canvas;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(4, false));
        new Label(parent, SWT.NONE).setText(Messages.LearningCurveView_corpus);
        corpora = new Combo(parent, SWT.READ_ONLY);
        corpora.setLayoutData(new GridData(200, SWT.DEFAULT));
        corpora.addListener(SWT.Selection, e -> refresh());
        Button reload = new Button(parent, SWT.PUSH);
        reload.setText(Messages.LearningCurveView_refresh);
        reload.addListener(SWT.Selection, e -> {
            listCorpora();
            refresh();
        });
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        canvas = new LineChartCanvas(parent);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        listCorpora();
        refresh();
    }

    private void listCorpora() {
        String selected = corpora.getText();
        corpora.setItems(WorkbenchDatabase.store().statistics().corpora().stream().map(CorpusSummary::name).toArray(String[]::new));
        int index = corpora.indexOf(selected);
        corpora.select(index >= 0 ? index : 0);
    }

    /** Shows the curve of this corpus (what the combo does; tests call it). */
    public void setCorpus(String corpus) {
        listCorpora();
        corpora.select(corpora.indexOf(corpus));
        refresh();
    }

    private void refresh() {
        String corpus = corpora.getText();
        if (corpus.isEmpty()) {
            status.setText("");
            canvas.show(List.of(), Messages.LearningCurveView_noCorpus);
            return;
        }
        CorpusStore store = WorkbenchDatabase.store();
        LearningCurve curve = LearningCurve.of(store.learningRecords().records(corpus).stream().map(Evaluation::of).toList());
        int points = curve.bySource().values().stream().mapToInt(List::size).sum();
        int sources = curve.bySource().size();
        status.setText(curve.isEmpty() ? "" : NLS.bind(Messages.LearningCurveView_status,
                NLS.bind(sources == 1 ? Messages.LearningCurveView_sourcesOne : Messages.LearningCurveView_sourcesMany, sources),
                NLS.bind(points == 1 ? Messages.LearningCurveView_roundsOne : Messages.LearningCurveView_roundsMany, points)));
        status.getParent().layout();
        canvas.show(curve.isEmpty() ? List.of() : curve.charts(),
                NLS.bind(Messages.LearningCurveView_nothingEvaluated, corpus));
    }

    /** The charts shown now. */
    public List<taiyi.workbench.learning.evaluation.LineChart> charts() {
        return canvas.charts();
    }

    public String statusText() {
        return status.getText();
    }

    @Override
    public void setFocus() {
        corpora.setFocus();
    }
}
