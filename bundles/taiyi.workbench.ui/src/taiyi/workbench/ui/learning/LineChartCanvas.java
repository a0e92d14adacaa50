package taiyi.workbench.ui.learning;

import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

import taiyi.workbench.learning.evaluation.LineChart;

/**
 * Paints {@link LineChart}s side by side with SWT's GC: the same picture the CLI writes as PNG. SWTChart
 * 1.1.0, the charting bundle on Maven Central, is built for Java 21 (class files 65, osgi.ee JavaSE 21)
 * and cannot resolve in this Java 17 product, so the view draws its lines itself.
 */
final class LineChartCanvas extends Canvas {

    private static final RGB[] PALETTE = {new RGB(0x1f, 0x77, 0xb4), new RGB(0xd6, 0x27, 0x28), new RGB(0x2c, 0xa0, 0x2c),
        new RGB(0xff, 0x7f, 0x0e), new RGB(0x94, 0x67, 0xbd), new RGB(0x8c, 0x56, 0x4b), new RGB(0xe3, 0x77, 0xc2),
        new RGB(0x7f, 0x7f, 0x7f), new RGB(0xbc, 0xbd, 0x22), new RGB(0x17, 0xbe, 0xcf)};
    private static final int LEFT = 45;
    private static final int RIGHT = 15;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;

    private List<LineChart> charts = List.of();
    private String empty = "";

    LineChartCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED);
        addPaintListener(e -> paint(e.gc));
    }

    /** Shows these charts; with none, the message. */
    void show(List<LineChart> newCharts, String message) {
        charts = List.copyOf(newCharts);
        empty = message;
        redraw();
    }

    List<LineChart> charts() {
        return charts;
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        gc.setAntialias(SWT.ON);
        if (charts.isEmpty()) {
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            gc.drawText(empty, 10, 10, true);
            return;
        }
        int width = area.width / charts.size();
        for (int i = 0; i < charts.size(); i++) {
            paint(gc, charts.get(i), new Rectangle(area.x + i * width, area.y, width, area.height));
        }
    }

    private void paint(GC gc, LineChart chart, Rectangle panel) {
        int plotWidth = Math.max(10, panel.width - LEFT - RIGHT);
        int plotHeight = Math.max(10, panel.height - TOP - BOTTOM);
        int x0 = panel.x + LEFT;
        int y0 = panel.y + TOP + plotHeight;
        double maxX = 0;
        for (LineChart.Series s : chart.series()) {
            for (double x : s.x()) {
                maxX = Math.max(maxX, x);
            }
        }
        maxX = maxX <= 0 ? 1 : maxX;
        Color grid = new Color(getDisplay(), 0xe0, 0xe0, 0xe0);
        try {
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
            gc.drawText(chart.title(), x0, panel.y + 6, true);
            for (int tick = 0; tick <= 10; tick += 2) {
                int y = y0 - plotHeight * tick / 10;
                gc.setForeground(grid);
                gc.drawLine(x0, y, x0 + plotWidth, y);
                gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
                gc.drawText(String.format(Locale.ROOT, "%.1f", tick / 10.0), panel.x + 15, y - 7, true);
            }
            for (int tick = 0; tick <= 4; tick++) {
                String label = number(maxX * tick / 4);
                Point extent = gc.textExtent(label);
                gc.drawText(label, x0 + plotWidth * tick / 4 - extent.x / 2, y0 + 4, true);
            }
            gc.drawText(chart.xLabel(), x0 + plotWidth / 2 - gc.textExtent(chart.xLabel()).x / 2, y0 + 20, true);
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
            gc.drawRectangle(x0, y0 - plotHeight, plotWidth, plotHeight);
            int legendY = y0 - plotHeight + 5;
            for (int i = 0; i < chart.series().size(); i++) {
                LineChart.Series s = chart.series().get(i);
                Color color = new Color(getDisplay(), PALETTE[i % PALETTE.length]);
                try {
                    gc.setForeground(color);
                    gc.setBackground(color);
                    gc.setLineWidth(s.dashed() ? 1 : 2);
                    gc.setLineStyle(s.dashed() ? SWT.LINE_DASH : SWT.LINE_SOLID);
                    int[] points = new int[2 * s.x().length];
                    for (int p = 0; p < s.x().length; p++) {
                        points[2 * p] = x0 + (int) Math.round(plotWidth * s.x()[p] / maxX);
                        points[2 * p + 1] = y0 - (int) Math.round(plotHeight * Math.max(0, Math.min(1, s.y()[p])));
                        gc.fillOval(points[2 * p] - 2, points[2 * p + 1] - 2, 5, 5);
                    }
                    gc.drawPolyline(points);
                    int legendX = x0 + plotWidth - 160;
                    gc.drawLine(legendX, legendY + 7, legendX + 18, legendY + 7);
                    gc.setLineStyle(SWT.LINE_SOLID);
                    gc.setLineWidth(1);
                    gc.drawText(s.name(), legendX + 22, legendY, true);
                    legendY += 15;
                } finally {
                    color.dispose();
                }
            }
        } finally {
            grid.dispose();
        }
    }

    private static String number(double v) {
        return v >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
