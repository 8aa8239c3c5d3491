package dev.topos.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;
import dev.topos.geometry.Mask;

/**
 * Spatial reweighting (Topoformer §2; spec topoformer.md §3): a locally connected, non-negative
 * linear map from the sheet to itself,
 *
 * <pre>
 *   W~ = | W (.) M^T |,      Y = X W~^T + b          (W: out x in, W~[o, i] = |W[o, i]| M[i, o])
 * </pre>
 *
 * so output unit o reads only the inputs i whose field contains o, with positive weights. It is the
 * attention output projection of the Topoformer, and the Q, K, V projections under local querying
 * (the reference's {@code LocallyConnected}).
 *
 * <p>W~ is computed in the forward graph; the reference instead overwrites the stored weight with
 * |W (.) M^T| before every forward. The values are the same; here gradients reach W through |.|
 * and the mask, and masked-out weights simply receive zero gradient.
 *
 * <p>Initialisation as the reference: PyTorch's default linear init U(-1/sqrt(in), 1/sqrt(in)) for
 * W and b, then W &lt;- 10 |W|.
 */
public final class SpatialReweighting extends AbstractBlock implements Projection {
    private static final byte VERSION = 1;
    private static final float INIT_GAIN = 10f;
    private final Mask mask;
    private final Parameter weight;
    private final Parameter bias;
    private NDArray maskT;

    /** @param mask the field M (N x N); the map is N -&gt; N */
    public SpatialReweighting(Mask mask) {
        super(VERSION);
        this.mask = mask;
        int n = mask.size();
        float bound = (float) (1 / Math.sqrt(n));
        Initializer uniform = new UniformInitializer(bound);
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(n, n))
                .optInitializer((m, shape, type) -> Tensors.mul(uniform.initialize(m, shape, type).abs(), INIT_GAIN)).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(n)).optInitializer(uniform).build());
    }

    /** Also makes the constant M^T, of {@code dataType}, owned by {@code manager}. */
    @Override
    public void initialize(NDManager manager, DataType dataType, Shape... inputShapes) {
        super.initialize(manager, dataType, inputShapes);
        int n = mask.size();
        try (NDArray m = manager.create(mask.toFloatArray(), new Shape(n, n)).toType(dataType, false)) {
            maskT = m.transpose().duplicate();
        }
    }

    /** The effective weights W~ = |W (.) M^T| (out x in). */
    public NDArray effectiveWeight() {
        return weight.getArray().mul(maskT).abs();
    }

    /** Y = X W~^T + b for X of shape (..., N). */
    @Override
    public NDArray apply(NDArray x) {
        return x.matMul(effectiveWeight().transpose()).add(bias.getArray());
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
