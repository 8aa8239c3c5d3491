package dev.topos.analysis.space;

/**
 * Rate maps: the mean activity of each of U units at each node of a width x height box.
 *
 * <p>Node ids follow the grid-world convention {@code node = y * width + x}. After the visits
 * v_1..v_k of node (x, y), {@code maps()[u][y][x] = (1/k) sum_i a_u(v_i)}; a node never visited
 * is NaN (not 0), so later analyses can leave it out.
 *
 * <p>Which steps count is the caller's decision: TEM rate maps (Whittington et al., Cell 2020,
 * and the TEM-t spec §3) use the second half of the visits in a world, so call {@link #add} only
 * for steps {@code t >= T / 2} of a walk of length T. Use one {@code RateMap} per world.
 */
public final class RateMap {
    private final int width;
    private final int height;
    private final int units;
    private final double[][] sums; // [node][unit]
    private final int[] visits; // [node]

    public RateMap(int width, int height, int units) {
        if (width <= 0 || height <= 0 || units <= 0) {
            throw new IllegalArgumentException(
                    "width, height and units must be positive: " + width + ", " + height + ", " + units);
        }
        this.width = width;
        this.height = height;
        this.units = units;
        this.sums = new double[width * height][units];
        this.visits = new int[width * height];
    }

    /** Records one visit of {@code node} with the activity of every unit (length U). */
    public void add(int node, float[] activity) {
        if (node < 0 || node >= visits.length) {
            throw new IndexOutOfBoundsException("node " + node + " outside a " + width + "x" + height + " box");
        }
        if (activity.length != units) {
            throw new IllegalArgumentException("expected " + units + " activities, got " + activity.length);
        }
        double[] s = sums[node];
        for (int u = 0; u < units; u++) {
            s[u] += activity[u];
        }
        visits[node]++;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int units() {
        return units;
    }

    /** Visit counts [y][x] (a fresh array). */
    public int[][] visits() {
        int[][] out = new int[height][width];
        for (int node = 0; node < visits.length; node++) {
            out[node / width][node % width] = visits[node];
        }
        return out;
    }

    /** Mean activity [unit][y][x] (a fresh array); NaN at nodes never visited. */
    public double[][][] maps() {
        double[][][] out = new double[units][height][width];
        for (int node = 0; node < visits.length; node++) {
            int y = node / width;
            int x = node % width;
            for (int u = 0; u < units; u++) {
                out[u][y][x] = visits[node] == 0 ? Double.NaN : sums[node][u] / visits[node];
            }
        }
        return out;
    }
}
