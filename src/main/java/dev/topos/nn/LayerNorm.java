package dev.topos.nn;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * Layer normalisation over the last axis (Ba, Kiros &amp; Hinton 2016), as PyTorch's
 * {@code nn.LayerNorm(N, eps)}:
 *
 * <pre>
 *   LN(x) = (x - mean(x)) / sqrt(var(x) + eps) * weight + bias       weight = 1, bias = 0 at the start
 * </pre>
 *
 * Parameters {@code weight} and {@code bias} (N each).
 */
public final class LayerNorm extends Module {
    /** PyTorch's default epsilon. */
    public static final double DEFAULT_EPS = 1e-5;
    private final long width;
    private final double eps;
    private final Tensor weight;
    private final Tensor bias;

    /** LN over {@code width} units with eps = {@value #DEFAULT_EPS}. */
    public LayerNorm(int width) {
        this(width, DEFAULT_EPS);
    }

    public LayerNorm(int width, double eps) {
        this.width = width;
        this.eps = eps;
        weight = parameter("weight", Init.constant(1, width));
        bias = parameter("bias", Init.constant(0, width));
    }

    /** LN(x) for x of shape (..., N). */
    public Tensor apply(Tensor x) {
        return torch.layer_norm(x, new long[] {width}, new TensorOptional(weight), new TensorOptional(bias), eps,
                false);
    }
}
