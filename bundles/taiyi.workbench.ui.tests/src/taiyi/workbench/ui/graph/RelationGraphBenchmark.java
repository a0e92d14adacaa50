package taiyi.workbench.ui.graph;

import static taiyi.workbench.ui.WorkbenchDriver.drain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.eclipse.draw2d.FigureCanvas;
import org.eclipse.gef.editparts.ScalableFreeformRootEditPart;
import org.eclipse.gef.editparts.ZoomManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import taiyi.workbench.curation.graph.ConsistencyFinder;
import taiyi.workbench.curation.graph.CorpusRelations;
import taiyi.workbench.curation.graph.DocumentRelations;
import taiyi.workbench.curation.graph.ForceDirectedLayout;
import taiyi.workbench.curation.graph.RelationGraph;
import taiyi.workbench.formats.pubtator.PubTatorReader;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.testing.TestCorpora;

/**
 * The Relation Graph view on BC5CDR training + development (1,000 abstracts, 2,050 CID relations)
 * in the real workbench: the corpus graph's opening (store read, layout, parts, first paint) against
 * 1 s, a document's against 100 ms, and a zoom step and a pan step each to the next paint. Not a unit
 * test: its name keeps it out of the normal run; {@code releng/bench-graph.sh} runs it alone.
 */
class RelationGraphBenchmark {

    private static final double CORPUS_TARGET_MS = 1000;
    private static final double DOCUMENT_TARGET_MS = 100;
    private static final double FRAME_TARGET_MS = 100;

    @Test
    void bc5cdrTrainingAndDevelopment() throws Exception {
        List<String> report = new ArrayList<>();
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("taiyi.data")).getParent(), "graph-bench-db");
        try (CorpusStore store = CorpusStore.open(dir)) {
            for (String f : List.of("bc5cdr/CDR_TrainingSet.PubTator.txt", "bc5cdr/CDR_DevelopmentSet.PubTator.txt")) {
                Path file = TestCorpora.file(f);
                store.documents().importDocuments("cdr", new PubTatorReader().read(file), file.toString());
            }
            List<String> ids = store.documents().summaries("cdr").stream().map(s -> s.id()).toList();

            // where the corpus graph's time goes, each step alone
            List<DocumentRelations> docs = CorpusRelations.read(store, "cdr");
            RelationGraph graph = RelationGraph.of(docs);
            report.add(String.format(Locale.ROOT, "corpus: %,d documents, %,d concepts, %,d edges, %,d inconsistent pairs", docs.size(),
                    graph.nodes().size(), graph.edges().size(), ConsistencyFinder.find(docs).size()));
            report.add(line("  store read", time(1, 5, () -> CorpusRelations.read(store, "cdr")), CORPUS_TARGET_MS));
            report.add(line("  graph", time(1, 5, () -> RelationGraph.of(docs)), CORPUS_TARGET_MS));
            report.add(line("  layout", time(1, 5, () -> new ForceDirectedLayout(NodePlacement.SPACING, 80).place(graph, java.util.Map.of())),
                    CORPUS_TARGET_MS));
            report.add(line("  consistency", time(1, 5, () -> ConsistencyFinder.find(docs)), CORPUS_TARGET_MS));

            IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
            page.closeAllEditors(false);
            RelationGraphView view = (RelationGraphView) page.showView(RelationGraphView.ID);
            page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
            drain();
            FigureCanvas canvas = (FigureCanvas) view.viewer().getControl();
            Display display = canvas.getDisplay();
            boolean[] painted = {false};
            Listener paintSeen = e -> painted[0] |= e.widget == canvas;
            display.addFilter(SWT.Paint, paintSeen);
            try {
                double[] corpus = new double[6];
                for (int i = 0; i < corpus.length; i++) {
                    view.showDocument(store, "cdr", ids.get(i));
                    drain();
                    // until the graph itself has painted, not the busy state the view shows while it reads and lays out
                    corpus[i] = untilPainted(display, painted, () -> view.showCorpus(store, "cdr"), view::isBusy);
                }
                report.add(line("corpus opens (first)", new double[] {corpus[0]}, CORPUS_TARGET_MS));
                report.add(line("corpus opens (warm, 5x)", Arrays.copyOfRange(corpus, 1, corpus.length), CORPUS_TARGET_MS));

                ZoomManager zoom = ((ScalableFreeformRootEditPart) view.viewer().getRootEditPart()).getZoomManager();
                double[] zooms = new double[20];
                for (int i = 0; i < zooms.length; i++) {
                    boolean in = i % 4 < 2;
                    zooms[i] = untilPainted(display, painted, () -> {
                        if (in) {
                            zoom.zoomIn();
                        } else {
                            zoom.zoomOut();
                        }
                    });
                }
                report.add(line("zoom step to paint", zooms, FRAME_TARGET_MS));
                double[] pans = new double[20];
                for (int i = 0; i < pans.length; i++) {
                    int dx = i % 2 == 0 ? 300 : -300;
                    pans[i] = untilPainted(display, painted, () -> canvas.scrollTo(canvas.getViewport().getViewLocation().x + dx,
                            canvas.getViewport().getViewLocation().y + dx / 2));
                }
                report.add(line("pan step to paint", pans, FRAME_TARGET_MS));

                double[] document = new double[30];
                for (int i = 0; i < document.length; i++) {
                    String id = ids.get(10 + i);
                    document[i] = untilPainted(display, painted, () -> view.showDocument(store, "cdr", id));
                }
                report.add(line("document opens", document, DOCUMENT_TARGET_MS));
            } finally {
                display.removeFilter(SWT.Paint, paintSeen);
                page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
                page.hideView(view);
            }
        }
        report.forEach(System.out::println);
        Path out = Path.of(System.getProperty("taiyi.data")).getParent().resolve("bench/graph-benchmark.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    /** Runs a step and the event loop until the graph's canvas has painted; the milliseconds it took. */
    private static double untilPainted(Display display, boolean[] painted, Runnable step) {
        return untilPainted(display, painted, step, () -> false);
    }

    /** Runs a step and the event loop until the canvas has painted after {@code busy} turned false. */
    private static double untilPainted(Display display, boolean[] painted, Runnable step, BooleanSupplier busy) {
        drain();
        painted[0] = false;
        long t0 = System.nanoTime();
        step.run();
        boolean wasBusy = busy.getAsBoolean();
        while (!painted[0] || wasBusy) {
            if (wasBusy && !busy.getAsBoolean()) {
                wasBusy = false;
                painted[0] = false;
            }
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double[] time(int warmup, int rounds, Runnable step) {
        for (int i = 0; i < warmup; i++) {
            step.run();
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            step.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return ms;
    }

    private static String line(String what, double[] ms, double target) {
        double[] s = ms.clone();
        Arrays.sort(s);
        double p50 = s[(int) Math.floor((s.length - 1) * 0.50)];
        double p95 = s[(int) Math.ceil((s.length - 1) * 0.95)];
        double max = s[s.length - 1];
        return String.format(Locale.ROOT, "%-24s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  target %4.0f ms  p95/target %.2f %s",
                what, p50, p95, max, target, p95 / target, p95 <= target ? "ok" : "OVER");
    }
}
