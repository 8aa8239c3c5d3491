package dev.topos.analysis.space;

/**
 * Gaussian smoothing of a rate map, NaN-aware: each visited bin becomes the Gaussian-weighted mean
 * of the visited bins around it,
 *
 * <pre>
 *   m~[y][x] = sum_{y',x'} w(y - y', x - x') m[y'][x'] / sum_{y',x'} w(y - y', x - x')
 *   w(dy, dx) = exp(-(dy^2 + dx^2) / (2 sigma^2)),  |dy|, |dx| &lt;= ceil(3 sigma)
 * </pre>
 *
 * over the non-NaN bins only (normalised convolution); unvisited bins stay NaN. Experimental grid
 * analyses smooth rate maps before the autocorrelogram (e.g. Sargolini et al., Science 2006;
 * Langston et al., Science 2010). On a grid world's nodes it matters most against structure at the
 * scale of the lattice itself: a map that alternates between neighbouring nodes (a checkerboard,
 * e.g. a code that follows the parity of the path length, x + y on a bipartite box) has a perfectly
 * four-fold autocorrelogram; smoothing with sigma = 1 node scales it by exp(-pi^2) ~ 5e-5, while a
 * lattice of period 6 nodes keeps exp(-(2 pi / 6)^2 / 2) ~ 0.58 of its amplitude. sigma = 0 returns
 * the map unchanged.
 */
public final class RateMapSmoothing {
    private RateMapSmoothing() {}

    /** The smoothed copy of {@code map} [y][x] (sigma in bins, &gt;= 0). */
    public static double[][] of(double[][] map, double sigma) {
        if (!(sigma >= 0)) {
            throw new IllegalArgumentException("smoothing sigma = " + sigma + " must be >= 0 (bins)");
        }
        int h = map.length;
        int w = map[0].length;
        double[][] out = new double[h][];
        if (sigma == 0) {
            for (int y = 0; y < h; y++) {
                out[y] = map[y].clone();
            }
            return out;
        }
        int r = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[r + 1];
        for (int d = 0; d <= r; d++) {
            kernel[d] = Math.exp(-d * d / (2 * sigma * sigma));
        }
        for (int y = 0; y < h; y++) {
            out[y] = new double[w];
            for (int x = 0; x < w; x++) {
                if (Double.isNaN(map[y][x])) {
                    out[y][x] = Double.NaN;
                    continue;
                }
                double sum = 0;
                double weight = 0;
                for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
                    for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                        double v = map[yy][xx];
                        if (!Double.isNaN(v)) {
                            double k = kernel[Math.abs(yy - y)] * kernel[Math.abs(xx - x)];
                            sum += k * v;
                            weight += k;
                        }
                    }
                }
                out[y][x] = sum / weight;
            }
        }
        return out;
    }
}
