package taiyi.workbench.learning.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * What a learning-curve picture shows, independent of how it is drawn: lines of points against one
 * x axis, F1 (0..1) up.
 *
 * @param title the chart's title
 * @param xLabel what the x axis counts (curated documents, curation hours, tokens)
 * @param series the lines, in legend order
 */
public record LineChart(String title, String xLabel, List<Series> series) {

    public LineChart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        series = List.copyOf(series);
    }

    /**
     * One line.
     *
     * @param name its legend entry
     * @param dashed drawn dashed (per-type lines beside a source's solid micro line)
     * @param x the x values, ascending
     * @param y the y values, in [0, 1]
     */
    public record Series(String name, boolean dashed, double[] x, double[] y) {

        public Series {
            Objects.requireNonNull(name, "name");
            if (x.length != y.length) {
                throw new IllegalArgumentException("series " + name + " has " + x.length + " x and " + y.length + " y values");
            }
            x = x.clone();
            y = y.clone();
        }
    }
}
