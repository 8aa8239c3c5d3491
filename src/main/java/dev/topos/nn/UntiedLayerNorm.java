package dev.topos.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * Layer normalisation with a per-column affine (Columnformer spec section 1; reference
 * {@code UntiedLayerNorm}):
 *
 * <pre>
 *   y[n, b] = gamma[n] (.) (x[n, b] - mean) / sqrt(var + eps) + beta[n]     gamma, beta: (N, C)
 * </pre>
 *
 * with mean and (biased) variance over the C channels of each x[n, b]; x is column-first (N, B, C).
 * gamma starts at 1 and beta at 0, eps = 1e-5 (PyTorch's default).
 */
public final class UntiedLayerNorm extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final float EPS = 1e-5f;
    private final Parameter gamma;
    private final Parameter beta;

    public UntiedLayerNorm(int columns, int channels) {
        super(VERSION);
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(columns, 1, channels)).optInitializer(Initializer.ONES).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
                .optShape(new Shape(columns, 1, channels)).optInitializer(Initializer.ZEROS).build());
    }

    /** The normalised x (N, B, C). */
    public NDArray apply(NDArray x) {
        NDArray centred = x.sub(x.mean(new int[] {-1}, true));
        NDArray variance = centred.square().mean(new int[] {-1}, true);
        return centred.div(Tensors.add(variance, EPS).sqrt()).mul(gamma.getArray()).add(beta.getArray());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        return new NDList(apply(in.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
