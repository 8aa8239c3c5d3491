package dev.topos.nn;

import dev.topos.geometry.Mask;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

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
public final class SpatialReweighting extends Module implements Projection {
    private static final double INIT_GAIN = 10;
    private final Tensor weight;
    private final Tensor bias;
    private final Tensor maskT;

    /** @param mask the field M (N x N); the map is N -&gt; N */
    public SpatialReweighting(Mask mask) {
        int n = mask.size();
        double bound = 1 / Math.sqrt(n);
        weight = parameter("weight", Tensors.mul(Init.uniform(bound, n, n).abs(), INIT_GAIN));
        bias = parameter("bias", Init.uniform(bound, n));
        maskT = constant(Tensors.floats(mask.toFloatArray(), n, n).t().contiguous());
    }

    /** The effective weights W~ = |W (.) M^T| (out x in). */
    public Tensor effectiveWeight() {
        return weight.mul(maskT).abs();
    }

    /** Y = X W~^T + b for X of shape (..., N). */
    @Override
    public Tensor apply(Tensor x) {
        return torch.linear(x, effectiveWeight(), new TensorOptional(bias));
    }

    @Override
    public Module module() {
        return this;
    }
}
