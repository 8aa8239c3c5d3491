package dev.topos.nn;

import org.bytedeco.pytorch.Tensor;

/** A learned map of the last axis, Y = f(X): a {@link Dense} layer or a {@link SpatialReweighting}. */
public interface Projection {
    /** Applies the map to X of shape (..., in); returns (..., out). */
    Tensor apply(Tensor x);

    /** The map as a module of the model tree. */
    Module module();
}
