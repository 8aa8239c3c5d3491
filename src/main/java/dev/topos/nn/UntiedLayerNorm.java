package dev.topos.nn;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

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
public final class UntiedLayerNorm extends Module {
    private static final double EPS = 1e-5;
    private final long channels;
    private final Tensor gamma;
    private final Tensor beta;

    public UntiedLayerNorm(int columns, int channels) {
        this.channels = channels;
        gamma = parameter("gamma", Init.constant(1, columns, 1, channels));
        beta = parameter("beta", Init.constant(0, columns, 1, channels));
    }

    /** The normalised x (N, B, C). */
    public Tensor apply(Tensor x) {
        Tensor normalised = torch.layer_norm(x, new long[] {channels}, new TensorOptional(), new TensorOptional(),
                EPS, false);
        return normalised.mul(gamma).add(beta);
    }
}
