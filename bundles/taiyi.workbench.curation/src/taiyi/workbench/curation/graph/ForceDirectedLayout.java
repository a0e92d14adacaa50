package taiyi.workbench.curation.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Places a graph's nodes: related nodes pulled together, all pushed apart (Fruchterman and
 * Reingold's force model, cooling linearly). Repulsion is counted only between nodes of
 * neighbouring grid cells (Fruchterman and Reingold's own grid variant, the grid rebuilt each step
 * by a counting sort), so one step costs about linear time and a corpus graph of 2,500 concepts places in tens of milliseconds. Nodes the curator
 * has placed stay where they are and still pull and push the others. The start is seeded, so the
 * same graph always gets the same picture.
 */
public final class ForceDirectedLayout {

    private final double spacing;
    private final int iterations;

    /**
     * @param spacing the distance related nodes settle at, in the drawing's units
     * @param iterations how many steps
     */
    public ForceDirectedLayout(double spacing, int iterations) {
        if (spacing <= 0 || iterations < 0) {
            throw new IllegalArgumentException("spacing must be positive and iterations not negative: " + spacing + ", " + iterations);
        }
        this.spacing = spacing;
        this.iterations = iterations;
    }

    /**
     * The centre of each node of the graph, by key.
     *
     * @param pinned centres the curator chose, kept as they are (keys not in the graph are ignored)
     */
    public Map<String, double[]> place(RelationGraph graph, Map<String, double[]> pinned) {
        int n = graph.nodes().size();
        if (n == 0) {
            return new LinkedHashMap<>();
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(graph.nodes().get(i).key(), i);
        }
        List<int[]> edges = new ArrayList<>();
        for (GraphEdge e : graph.edges()) {
            Integer a = index.get(e.head());
            Integer b = index.get(e.tail());
            if (a != null && b != null && !a.equals(b)) {
                edges.add(new int[] {a, b});
            }
        }
        double[] x = new double[n];
        double[] y = new double[n];
        boolean[] fixed = new boolean[n];
        double side = spacing * Math.ceil(Math.sqrt(n + 1.0)) * 1.5;
        Random random = new Random(22);
        for (int i = 0; i < n; i++) {
            double[] p = pinned.get(graph.nodes().get(i).key());
            if (p != null) {
                x[i] = p[0];
                y[i] = p[1];
                fixed[i] = true;
            } else {
                x[i] = random.nextDouble() * side;
                y[i] = random.nextDouble() * side;
            }
        }
        double k = spacing;
        double[] dx = new double[n];
        double[] dy = new double[n];
        // the grid, rebuilt each step by counting sort: cellStart[c] .. cellStart[c + 1] index byCell
        int[] cellOf = new int[n];
        int[] byCell = new int[n];
        for (int step = 0; step < iterations; step++) {
            double temperature = side / 10 * (1 - (double) step / iterations) + 1;
            java.util.Arrays.fill(dx, 0);
            java.util.Arrays.fill(dy, 0);
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                minX = Math.min(minX, x[i]);
                minY = Math.min(minY, y[i]);
                maxX = Math.max(maxX, x[i]);
                maxY = Math.max(maxY, y[i]);
            }
            // cells of twice the spacing (repulsion reaches no further), fewer where a far node stretches the grid
            double cell = Math.max(2 * k, Math.max(maxX - minX, maxY - minY) / 256);
            int columns = (int) ((maxX - minX) / cell) + 1;
            int rows = (int) ((maxY - minY) / cell) + 1;
            int[] cellStart = new int[columns * rows + 1];
            for (int i = 0; i < n; i++) {
                cellOf[i] = (int) ((y[i] - minY) / cell) * columns + (int) ((x[i] - minX) / cell);
                cellStart[cellOf[i] + 1]++;
            }
            for (int c = 0; c < columns * rows; c++) {
                cellStart[c + 1] += cellStart[c];
            }
            int[] fill = java.util.Arrays.copyOf(cellStart, cellStart.length);
            for (int i = 0; i < n; i++) {
                byCell[fill[cellOf[i]]++] = i;
            }
            double reach = cell * cell;
            for (int i = 0; i < n; i++) {
                int cx = cellOf[i] % columns;
                int cy = cellOf[i] / columns;
                for (int gy = Math.max(0, cy - 1); gy <= Math.min(rows - 1, cy + 1); gy++) {
                    for (int gx = Math.max(0, cx - 1); gx <= Math.min(columns - 1, cx + 1); gx++) {
                        int c = gy * columns + gx;
                        for (int at = cellStart[c]; at < cellStart[c + 1]; at++) {
                            int j = byCell[at];
                            if (j == i) {
                                continue;
                            }
                            double ddx = x[i] - x[j];
                            double ddy = y[i] - y[j];
                            double d2 = ddx * ddx + ddy * ddy;
                            if (d2 < 1e-4) {
                                // two nodes on one spot: part them in a direction set by their indices
                                ddx = (i < j ? 1 : -1) * 0.01;
                                ddy = ((i + j) % 2 == 0 ? 1 : -1) * 0.01;
                                d2 = ddx * ddx + ddy * ddy;
                            }
                            if (d2 < reach) {
                                double f = k * k / d2;
                                dx[i] += ddx * f;
                                dy[i] += ddy * f;
                            }
                        }
                    }
                }
            }
            for (int[] e : edges) {
                double ddx = x[e[0]] - x[e[1]];
                double ddy = y[e[0]] - y[e[1]];
                double d = Math.sqrt(ddx * ddx + ddy * ddy);
                if (d < 1e-9) {
                    continue;
                }
                double f = d / k;
                dx[e[0]] -= ddx * f;
                dy[e[0]] -= ddy * f;
                dx[e[1]] += ddx * f;
                dy[e[1]] += ddy * f;
            }
            for (int i = 0; i < n; i++) {
                if (fixed[i]) {
                    continue;
                }
                double d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
                if (d > 0) {
                    double move = Math.min(d, temperature);
                    x[i] += dx[i] / d * move;
                    y[i] += dy[i] / d * move;
                }
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            out.put(graph.nodes().get(i).key(), new double[] {x[i], y[i]});
        }
        return out;
    }
}
