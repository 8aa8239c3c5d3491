package dev.topos.analysis.topo;

/**
 * The units x units Pearson correlation matrix of an examples x units activation matrix: how
 * alike two units respond across examples (the input of the topography statistic, Topoformer
 * spec section 5; numpy {@code corrcoef(activations.T)}).
 *
 * <p>Each unit's column is centred and scaled to unit Euclidean norm, z_u = (x_u - mean) / ||x_u -
 * mean||, so that r_uv = z_u . z_v: one matrix product over contiguous unit-major rows
 * ({@link Columns#gram}), exactly symmetric, values clamped to [-1, 1]. For 1,000 examples x 784
 * units that is 3 x 10^8 multiply-adds.
 *
 * <p>A unit whose values are all identical has no defined correlation: its row and column are
 * NaN, the diagonal included.
 */
public final class UnitCorrelations {
    private UnitCorrelations() {
    }

    /**
     * The correlation matrix of the columns of {@code examplesByUnits}.
     *
     * @throws IllegalArgumentException on ragged or non-finite input or fewer than 2 examples
     */
    public static double[][] of(double[][] examplesByUnits) {
        int units = Inputs.columns("activations (examples x units)", examplesByUnits, 2);
        double[][] z = Columns.centred(examplesByUnits, new double[units]);
        for (int u = 0; u < units; u++) {
            if (Columns.constant(examplesByUnits, u)) {
                z[u] = null;
                continue;
            }
            double scale = 1.0 / Math.sqrt(Columns.dot(z[u], z[u]));
            for (int e = 0; e < z[u].length; e++) {
                z[u][e] *= scale;
            }
        }
        double[][] r = Columns.gram(z);
        for (double[] row : r) {
            for (int v = 0; v < row.length; v++) {
                row[v] = Math.max(-1.0, Math.min(1.0, row[v])); // NaN stays NaN
            }
        }
        return r;
    }
}
