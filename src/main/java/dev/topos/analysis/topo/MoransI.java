package dev.topos.analysis.topo;

/**
 * Moran's I, the spatial autocorrelation of a map on the s x s lattice of the sheet (Moran,
 * "Notes on continuous stochastic phenomena", Biometrika 37, 1950; Topoformer spec section 5):
 *
 * <pre>  I = (N / W) * sum_ij w_ij z_i z_j / sum_i z_i^2,   z = x - mean(x),  W = sum_ij w_ij</pre>
 *
 * with binary contiguity weights w_ij = 1 when cells i and j are neighbours. {@link #TOPOLM} is
 * what TopoLM uses (pysal {@code lat2W(s, s, rook=False)}: queen contiguity, 8 neighbours, no
 * wrap-around, so edge cells have 5 and corner cells 3 neighbours). With {@code wrap} the lattice
 * is a torus, every cell has the full 8 (or 4) neighbours, which needs s &gt;= 3 so they are
 * distinct cells.
 *
 * <p>I is near +1 for smooth maps, near -1 for a checkerboard under rook weights, and has
 * expectation -1/(N - 1) for maps without spatial structure. A constant map has sum z^2 = 0 and
 * no defined I: the result is then NaN (like pysal), so one dead layer does not abort a whole
 * analysis; callers that draw or average values should skip NaN. "Constant" means every value is
 * identical, tested exactly, so rounding in the mean cannot turn it into a value.
 *
 * <p>Maps are row-major: unit n at row n / s, column n % s, as on the sheet.
 */
public final class MoransI {
    /** Queen contiguity without wrap-around, as TopoLM's pysal {@code lat2W(rook=False)}. */
    public static final MoransI TOPOLM = new MoransI(Contiguity.QUEEN, false);

    /** Which lattice cells are neighbours. */
    public enum Contiguity {
        /** The 4 cells sharing an edge. */
        ROOK(new int[][] {{-1, 0}, {1, 0}, {0, -1}, {0, 1}}),
        /** The 8 cells sharing an edge or a corner. */
        QUEEN(new int[][] {{-1, -1}, {-1, 0}, {-1, 1}, {0, -1}, {0, 1}, {1, -1}, {1, 0}, {1, 1}});

        private final int[][] offsets;

        Contiguity(int[][] offsets) {
            this.offsets = offsets;
        }
    }

    private final Contiguity contiguity;
    private final boolean wrap;

    /** Weights from the given contiguity; {@code wrap} joins opposite edges (torus). */
    public MoransI(Contiguity contiguity, boolean wrap) {
        if (contiguity == null) {
            throw new IllegalArgumentException("contiguity must be ROOK or QUEEN, got null");
        }
        this.contiguity = contiguity;
        this.wrap = wrap;
    }

    /**
     * Moran's I of a side x side map, NaN when the map is constant.
     *
     * @throws IllegalArgumentException if map does not hold side^2 finite values, or side is below
     *                                  2 (3 with wrap-around)
     */
    public double of(double[] map, int side) {
        Inputs.squareMap(map, side, wrap ? 3 : 2);
        double mean = 0;
        boolean constant = true;
        for (double x : map) {
            mean += x;
            constant &= x == map[0];
        }
        if (constant) {
            return Double.NaN;
        }
        mean /= map.length;
        double[] z = new double[map.length];
        double sumZ2 = 0;
        for (int n = 0; n < map.length; n++) {
            z[n] = map[n] - mean;
            sumZ2 += z[n] * z[n];
        }
        double cross = 0;
        long weights = 0;
        for (int row = 0; row < side; row++) {
            for (int col = 0; col < side; col++) {
                for (int[] offset : contiguity.offsets) {
                    int r = row + offset[0];
                    int c = col + offset[1];
                    if (wrap) {
                        r = Math.floorMod(r, side);
                        c = Math.floorMod(c, side);
                    } else if (r < 0 || r >= side || c < 0 || c >= side) {
                        continue;
                    }
                    cross += z[row * side + col] * z[r * side + c];
                    weights++;
                }
            }
        }
        return map.length / (double) weights * cross / sumZ2;
    }
}
