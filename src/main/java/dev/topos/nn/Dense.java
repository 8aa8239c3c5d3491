package dev.topos.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;

/**
 * A dense affine map Y = X W^T + b (W: out x in) with PyTorch's default initialisation,
 * W, b ~ U(-1/sqrt(in), 1/sqrt(in)) (the reference models are PyTorch {@code nn.Linear}s; DJL's own
 * {@code Linear} starts W with Xavier and b at zero).
 */
public final class Dense extends AbstractBlock implements Projection {
    private static final byte VERSION = 1;
    private final Parameter weight;
    private final Parameter bias;

    /** @param bias whether to add a bias */
    public Dense(int in, int out, boolean bias) {
        super(VERSION);
        UniformInitializer init = new UniformInitializer((float) (1 / Math.sqrt(in)));
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(out, in)).optInitializer(init).build());
        this.bias = bias
                ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                        .optShape(new Shape(out)).optInitializer(init).build())
                : null;
    }

    @Override
    public NDArray apply(NDArray x) {
        NDArray y = x.matMul(weight.getArray().transpose());
        return bias == null ? y : y.add(bias.getArray());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        return new NDList(apply(in.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {s.slice(0, s.dimension() - 1).add(weight.getShape().get(0))};
    }
}
