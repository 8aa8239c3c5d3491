package dev.topos.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;

/** A learned map of the last axis, Y = f(X): a {@link Dense} layer or a {@link SpatialReweighting}. */
public interface Projection extends Block {
    /** Applies the map to X of shape (..., in); returns (..., out). */
    NDArray apply(NDArray x);
}
