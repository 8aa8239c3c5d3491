package dev.topos.nn;

import org.bytedeco.pytorch.Tensor;

/** A learned map of the last axis, Y = f(X): a {@link Dense} layer or a {@link SpatialReweighting}. */
public interface Projection {
    /** Applies the map to X of shape (..., in); returns (..., out). */
    Tensor apply(Tensor x);

    /**
     * f(X) R for an (out x k) matrix R, as one map where the projection can absorb R into its
     * weights (a {@link Dense} does: X (R^T W)^T + R^T b); otherwise f(X) then the product.
     */
    default Tensor applyThen(Tensor x, Tensor r) {
        return apply(x).matmul(r);
    }

    /** The map as a module of the model tree. */
    Module module();
}
