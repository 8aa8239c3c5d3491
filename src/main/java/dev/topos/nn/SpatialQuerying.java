package dev.topos.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import dev.topos.geometry.Mask;

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
 * by a learned w_n, initialised N(0, 1). The mask is a constant of the block, not a parameter.
 */
public final class SpatialQuerying extends AbstractBlock {
    private static final byte VERSION = 1;
    private final Mask mask;
    private final Parameter columnWeight;
    private NDArray pool;

    /**
     * @param mask    the query field M (N x N)
     * @param learned whether to learn a weight per column of M^
     */
    public SpatialQuerying(Mask mask, boolean learned) {
        super(VERSION);
        this.mask = mask;
        int n = mask.size();
        columnWeight = learned
                ? addParameter(Parameter.builder().setName("sq_weight").setType(Parameter.Type.WEIGHT)
                        .optShape(new Shape(n)).optInitializer(new NormalInitializer(1f)).build())
                : null;
    }

    /** Also makes the constant M^ = M / ||M||_F, of {@code dataType}, owned by {@code manager}. */
    @Override
    public void initialize(NDManager manager, DataType dataType, Shape... inputShapes) {
        super.initialize(manager, dataType, inputShapes);
        int n = mask.size();
        try (NDArray m = manager.create(mask.toFloatArray(), new Shape(n, n)).toType(dataType, false)) {
            pool = m.div(m.square().sum().sqrt());
        }
    }

    /** Q~ = Q M^ (times diag(w) when learned), for Q of shape (..., N). */
    public NDArray pool(NDArray queries) {
        NDArray p = columnWeight == null ? pool : pool.mul(columnWeight.getArray());
        return queries.matMul(p);
    }

    /** The constant M^ = M / ||M||_F. */
    public NDArray normalisedMask() {
        return pool;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        return new NDList(pool(in.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
