package dev.topos.analysis.space;

import dev.topos.util.Rng;

/** Synthetic rate maps for the tests. */
final class Patterns {
    private Patterns() {
    }

    /**
     * sum_k cos(2π/λ · (e_k · (p - offset))) on a size x size map, with e_k the unit vector at
     * {@code angleDegrees[k]}: three waves 60° apart make a hexagonal grid, two at 90° a square.
     */
    static double[][] planeWaves(int size, double wavelength, double[] angleDegrees, double offsetX, double offsetY) {
        double k = 2 * Math.PI / wavelength;
        double[][] m = new double[size][size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                for (double a : angleDegrees) {
                    double t = Math.toRadians(a);
                    m[y][x] += Math.cos(k * ((x - offsetX) * Math.cos(t) + (y - offsetY) * Math.sin(t)));
                }
            }
        }
        return m;
    }

    /** White gaussian noise blurred by a gaussian of {@code sigma} bins (truncated at 3 sigma, clipped at the edges). */
    static double[][] smoothNoise(int size, double sigma, Rng rng) {
        double[][] white = new double[size][size];
        for (double[] row : white) {
            for (int x = 0; x < size; x++) {
                row[x] = rng.nextGaussian();
            }
        }
        int r = (int) Math.ceil(3 * sigma);
        double[][] out = new double[size][size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                for (int dy = -r; dy <= r; dy++) {
                    for (int dx = -r; dx <= r; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        if (yy >= 0 && yy < size && xx >= 0 && xx < size) {
                            out[y][x] += white[yy][xx] * Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
                        }
                    }
                }
            }
        }
        return out;
    }
}
