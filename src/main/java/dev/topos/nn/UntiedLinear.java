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
 * N independent affine maps, one per column (Columnformer spec section 1; reference
 * {@code columnformers/models/layers.py}, {@code UntiedLinear}):
 *
 * <pre>
 *   y[n, b] = W[n] x[n, b] + beta[n]          W: (N, out, in), beta: (N, out)
 * </pre>
 *
 * computed as ONE batched matrix product with the column as the batch axis: x is column-first,
 * (N, B, in) -&gt; (N, B, out). No weight is shared between columns, so column n's output depends
 * only on W[n] and beta[n].
 *
 * <p>Init: W ~ truncated normal, std 0.02 (DJL's {@link TruncatedNormalInitializer}, which
 * redraws beyond 2 std), beta = 0.
 */
public final class UntiedLinear extends AbstractBlock {
    private static final byte VERSION = 1;
    /** Standard deviation of the initial weights. */
    public static final float INIT_STD = 0.02f;
    private final Parameter weight;
    private final Parameter bias;

    /** @param bias whether to add the per-column bias beta */
    public UntiedLinear(int columns, int in, int out, boolean bias) {
        super(VERSION);
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(columns, out, in)).optInitializer(new TruncatedNormalInitializer(INIT_STD))
                .build());
        this.bias = bias
                ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                        .optShape(new Shape(columns, 1, out)).build())
                : null;
    }

    /** y = x W^T + beta for column-first x of shape (N, B, in). */
    public NDArray apply(NDArray x) {
        NDArray y = x.matMul(weight.getArray().transpose(0, 2, 1));
        return bias == null ? y : y.add(bias.getArray());
    }

    /** Multiply-add FLOPs of one application to a batch of B: 2 N B in out. */
    public double flops(long batch) {
        Shape w = weight.getShape();
        return 2.0 * w.get(0) * batch * w.get(1) * w.get(2);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        return new NDList(apply(in.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), s.get(1), weight.getShape().get(1))};
    }
}
