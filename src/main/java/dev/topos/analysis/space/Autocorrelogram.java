package dev.topos.analysis.space;

/**
 * Spatial autocorrelogram of a rate map, NaN-aware.
 *
 * <p>For a map m of h rows and w columns and every lag (dy, dx) with |dy| &lt; h, |dx| &lt; w:
 * {@code ac[dy + h - 1][dx + w - 1] = pearson({m[y][x]}, {m[y + dy][x + dx]})} over the bins
 * where both positions lie in the map and both values are non-NaN (Sargolini et al., Science
 * 2006; the same estimator as {@code calculate_sac} of DeepMind's grid-cells {@code scores.py},
 * Banino et al., Nature 2018, which TEM's analyses follow). The result is (2h - 1) x (2w - 1)
 * with zero lag at the centre [h - 1][w - 1]; it is NaN where fewer than {@code minOverlap}
 * pairs overlap or a side has zero variance.
 *
 * <p>Lag (-dy, -dx) pairs the same bins with the roles swapped, so the correlogram is point
 * symmetric; it is computed for half the lags and mirrored, which makes the symmetry exact.
 */
public final class Autocorrelogram {
    /** Default minimum number of overlapping bins for a lag to get a value. */
    public static final int DEFAULT_MIN_OVERLAP = 20;

    private Autocorrelogram() {
    }

    /** {@link #of(double[][], int)} with {@link #DEFAULT_MIN_OVERLAP}. */
    public static double[][] of(double[][] map) {
        return of(map, DEFAULT_MIN_OVERLAP);
    }

    /** The autocorrelogram of {@code map} [y][x]; see the class comment. */
    public static double[][] of(double[][] map, int minOverlap) {
        int h = map.length;
        int w = map[0].length;
        double[][] ac = new double[2 * h - 1][2 * w - 1];
        for (int dy = 0; dy < h; dy++) {
            for (int dx = -(w - 1); dx < w; dx++) {
                if (dy == 0 && dx < 0) {
                    continue; // the mirror of (0, -dx)
                }
                double r = lagCorrelation(map, dy, dx, minOverlap);
                ac[h - 1 + dy][w - 1 + dx] = r;
                ac[h - 1 - dy][w - 1 - dx] = r;
            }
        }
        return ac;
    }

    private static double lagCorrelation(double[][] map, int dy, int dx, int minOverlap) {
        int h = map.length;
        int w = map[0].length;
        Pearson p = new Pearson();
        for (int y = Math.max(0, -dy); y < Math.min(h, h - dy); y++) {
            for (int x = Math.max(0, -dx); x < Math.min(w, w - dx); x++) {
                p.add(map[y][x], map[y + dy][x + dx]);
            }
        }
        return p.count() < minOverlap ? Double.NaN : p.value();
    }
}
