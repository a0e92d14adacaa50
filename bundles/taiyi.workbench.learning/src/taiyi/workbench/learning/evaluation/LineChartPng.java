package taiyi.workbench.learning.evaluation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * Draws {@link LineChart}s into a PNG with Java2D on an off-screen image: no display, no toolkit and
 * no charting dependency for the CLI and the simulation (the workbench's view draws the same data
 * with SWTChart). Several charts stand side by side in one picture.
 */
public final class LineChartPng {

    private static final int PANEL_WIDTH = 640;
    private static final int HEIGHT = 480;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    private LineChartPng() {
    }

    /** Writes the charts, left to right, to {@code file} (through a temporary file: a reader never sees half a picture). */
    public static void write(List<LineChart> charts, Path file) throws IOException {
        BufferedImage image = new BufferedImage(PANEL_WIDTH * Math.max(1, charts.size()), HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int i = 0; i < charts.size(); i++) {
                draw(g, charts.get(i), i * PANEL_WIDTH);
            }
        } finally {
            g.dispose();
        }
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path tmp = Files.createTempFile(absolute.getParent(), ".chart", ".png");
        try {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer in this Java runtime");
            }
            Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void draw(Graphics2D g, LineChart chart, int offset) {
        int plotWidth = PANEL_WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double maxX = 0;
        for (LineChart.Series s : chart.series()) {
            for (double x : s.x()) {
                maxX = Math.max(maxX, x);
            }
        }
        maxX = maxX <= 0 ? 1 : maxX;
        int x0 = offset + LEFT;
        int y0 = TOP + plotHeight;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.BLACK);
        g.drawString(chart.title(), x0, TOP - 15);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int tick = 0; tick <= 10; tick += 2) {
            int y = y0 - plotHeight * tick / 10;
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(x0, y, x0 + plotWidth, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.1f", tick / 10.0), x0 - 30, y + 4);
        }
        for (int tick = 0; tick <= 5; tick++) {
            int x = x0 + plotWidth * tick / 5;
            g.drawString(number(maxX * tick / 5), x - 12, y0 + 18);
        }
        g.setColor(Color.BLACK);
        g.drawRect(x0, TOP, plotWidth, plotHeight);
        g.drawString(chart.xLabel(), x0 + plotWidth / 2 - 40, y0 + 38);
        g.drawString("F1", offset + 10, TOP + plotHeight / 2);
        int legendY = TOP + 15;
        for (int i = 0; i < chart.series().size(); i++) {
            LineChart.Series s = chart.series().get(i);
            Color color = PALETTE[i % PALETTE.length];
            g.setColor(color);
            g.setStroke(s.dashed() ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0)
                    : new BasicStroke(2f));
            Path2D line = new Path2D.Double();
            for (int p = 0; p < s.x().length; p++) {
                double px = x0 + plotWidth * s.x()[p] / maxX;
                double py = y0 - plotHeight * Math.max(0, Math.min(1, s.y()[p]));
                if (p == 0) {
                    line.moveTo(px, py);
                } else {
                    line.lineTo(px, py);
                }
                g.fillOval((int) px - 2, (int) py - 2, 5, 5);
            }
            g.draw(line);
            g.drawLine(x0 + plotWidth - 170, legendY - 4, x0 + plotWidth - 150, legendY - 4);
            g.setStroke(new BasicStroke(1f));
            g.drawString(s.name(), x0 + plotWidth - 145, legendY);
            legendY += 15;
        }
    }

    private static String number(double v) {
        return v >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
