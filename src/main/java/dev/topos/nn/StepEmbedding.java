package dev.topos.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import ai.djl.util.PairList;

/**
 * A learned vector per recurrent step, added to every column's state before the step, so a sheet
 * shared across steps can tell them apart (Columnformer spec section 3, "per-step time embedding"):
 * x &lt;- x + tau[t], tau (steps, C), truncated normal std 0.02 at birth.
 */
public final class StepEmbedding extends AbstractBlock {
    private static final byte VERSION = 1;
    private final Parameter steps;

    public StepEmbedding(int count, int channels) {
        super(VERSION);
        steps = addParameter(Parameter.builder().setName("step_embed").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(count, channels))
                .optInitializer(new TruncatedNormalInitializer(UntiedLinear.INIT_STD)).build());
    }

    /** x + tau[t] for x of shape (..., C). */
    public NDArray add(NDArray x, int t) {
        return x.add(steps.getArray().get(t));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        return new NDList(add(in.get(0), in.get(1).getInt()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
