package dev.topos.nn;

import dev.topos.geometry.Mask;
import org.bytedeco.pytorch.Tensor;

/**
 * Spatial querying (Binhuraib, Tuckute &amp; Blauch, "Topoformer", 2024, §2; spec topoformer.md §2):
 * each query unit is replaced by the pool of the query units around it on the sheet,
 *
 * <pre>
 *   M^ = M / ||M||_F,      Q~ = Q M^     (Q~[., n] = sum_m Q[., m] M^[m, n])
 * </pre>
 *
 * so that in the scores Q~ K^T the key unit n is matched with the local pool of queries around n.
 * With {@code learned} (the reference's {@code learned_spatial_querying}) column n of M^ is scaled
 * by a learned w_n, initialised N(0, 1). The mask is a constant of the module, not a parameter.
 */
public final class SpatialQuerying extends Module {
    private final Tensor pool;
    private final Tensor columnWeight;

    /**
     * @param mask    the query field M (N x N)
     * @param learned whether to learn a weight per column of M^
     */
    public SpatialQuerying(Mask mask, boolean learned) {
        int n = mask.size();
        Tensor m = Tensors.floats(mask.toFloatArray(), n, n);
        pool = constant(m.div(m.square().sum().sqrt()));
        columnWeight = learned ? parameter("weight", Init.normal(1, n)) : null;
    }

    /** Q~ = Q M^ (times diag(w) when learned), for Q of shape (..., N). */
    public Tensor pool(Tensor queries) {
        return queries.matmul(matrix());
    }

    /** The pooling matrix M^ (times diag(w) when learned), N x N: Q~ = Q times it. */
    public Tensor matrix() {
        return columnWeight == null ? pool : pool.mul(columnWeight);
    }

    /** The constant M^ = M / ||M||_F. */
    public Tensor normalisedMask() {
        return pool;
    }
}
