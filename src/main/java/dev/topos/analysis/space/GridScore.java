package dev.topos.analysis.space;

/**
 * The rotational-symmetry grid score of a spatial autocorrelogram.
 *
 * <p>For a ring mask {@code inner * n < d <= outer * n} around the autocorrelogram's centre
 * (d = Euclidean distance in bins), c_θ is the Pearson correlation, over the ring bins where both
 * are non-NaN, of the autocorrelogram with itself rotated by θ degrees ({@link Rotation}). Then
 * <pre>  score_ring = min(c60, c120) - max(c30, c90, c150)</pre>
 * and the grid score is the maximum over rings with inner 0.2 and outer in
 * linspace(0.4, 1.0, 10) (Sargolini et al., Science 2006; Langston et al., Science 2010; the
 * min/max form and the ring family as in DeepMind's {@code scores.py}, Banino et al., Nature
 * 2018, used by TEM — Whittington et al., Cell 2020 — and the TEM-t spec §3).
 *
 * <p>The radii are fractions of n, the side of the rate map: for a (2h-1) x (2w-1)
 * autocorrelogram n = min(h, w), i.e. half its shorter side rounded up — the {@code nbins} that
 * DeepMind's {@code _get_ring_mask} multiplies the fractions by. Outer 1.0 thus reaches the
 * autocorrelogram's edge along the axes.
 *
 * <p>The score is NaN if no ring yields all five correlations (e.g. a constant map).
 *
 * <p>{@link #square} is the four-fold score of the same rings, c90 - max(c45, c135), which
 * DeepMind's {@code scores.py} computes beside the six-fold one ({@code grid_score_90}): high for a
 * square lattice, whose autocorrelogram repeats every 90 degrees but not every 60, and low for a
 * hexagonal one. On worlds whose moves are the four of a square lattice, it tells a code of square
 * lattices from one of hexagons.
 */
public final class GridScore {
    /** Inner ring radius, as a fraction of the map side. */
    public static final double INNER = 0.2;
    private static final int RINGS = 10;
    private static final double OUTER_MIN = 0.4;
    private static final double OUTER_MAX = 1.0;
    /** The symmetry a score measures: the angles it rotates by, and how it combines their correlations. */
    private enum Symmetry {
        /** min(c60, c120) - max(c30, c90, c150). */
        SIX_FOLD(30, 60, 90, 120, 150) {
            @Override
            double score(double[] c) {
                return Math.min(c[1], c[3]) - Math.max(c[0], Math.max(c[2], c[4]));
            }
        },
        /** c90 - max(c45, c135). */
        FOUR_FOLD(45, 90, 135) {
            @Override
            double score(double[] c) {
                return c[1] - Math.max(c[0], c[2]);
            }
        };

        private final double[] angles;

        Symmetry(double... angles) {
            this.angles = angles;
        }

        /** The score from the correlations at {@link #angles}, in order; NaN propagates through min/max. */
        abstract double score(double[] c);
    }

    private GridScore() {
    }

    /** Outer ring radii linspace(0.4, 1.0, 10), as fractions of the map side (a fresh array). */
    public static double[] outerRadii() {
        double[] r = new double[RINGS];
        for (int i = 0; i < RINGS; i++) {
            r[i] = OUTER_MIN + (OUTER_MAX - OUTER_MIN) * i / (RINGS - 1);
        }
        return r;
    }

    /** The grid score with the standard rings (inner {@link #INNER}, outer {@link #outerRadii()}). */
    public static double of(double[][] autocorrelogram) {
        return of(autocorrelogram, INNER, outerRadii());
    }

    /** The grid score maximised over rings (inner, outer[k]), radii as fractions of the map side. */
    public static double of(double[][] autocorrelogram, double inner, double[] outer) {
        return best(autocorrelogram, inner, outer, Symmetry.SIX_FOLD);
    }

    /** The four-fold (square-lattice) score with the standard rings: max over rings of c90 - max(c45, c135). */
    public static double square(double[][] autocorrelogram) {
        return best(autocorrelogram, INNER, outerRadii(), Symmetry.FOUR_FOLD);
    }

    private static double best(double[][] autocorrelogram, double inner, double[] outer, Symmetry symmetry) {
        double[][][] rotated = new double[symmetry.angles.length][][];
        for (int a = 0; a < rotated.length; a++) {
            rotated[a] = Rotation.rotate(autocorrelogram, symmetry.angles[a]);
        }
        double best = Double.NaN;
        for (double o : outer) {
            double s = symmetry.score(ringCorrelations(autocorrelogram, rotated, inner, o));
            if (!Double.isNaN(s) && (Double.isNaN(best) || s > best)) {
                best = s;
            }
        }
        return best;
    }

    /** Per rotated copy, its Pearson correlation with the autocorrelogram over the ring (inner, outer]. */
    private static double[] ringCorrelations(double[][] ac, double[][][] rotated, double inner, double outer) {
        int cy = ac.length / 2;
        int cx = ac[0].length / 2;
        double n = Math.min(cy, cx) + 1; // the map side
        double rIn = inner * n;
        double rOut = outer * n;
        double[] c = new double[rotated.length];
        for (int a = 0; a < rotated.length; a++) {
            Pearson p = new Pearson();
            for (int y = 0; y < ac.length; y++) {
                for (int x = 0; x < ac[0].length; x++) {
                    double d = Math.hypot(y - cy, x - cx);
                    if (d > rIn && d <= rOut) {
                        p.add(ac[y][x], rotated[a][y][x]);
                    }
                }
            }
            c[a] = p.value();
        }
        return c;
    }
}
