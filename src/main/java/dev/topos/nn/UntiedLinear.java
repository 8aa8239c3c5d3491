package dev.topos.nn;

import org.bytedeco.pytorch.Tensor;

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
 * <p>Init: W ~ normal, std 0.02, truncated at 2 std ({@link Init#truncatedNormal}), beta = 0.
 */
public final class UntiedLinear extends Module {
    /** Standard deviation of the initial weights. */
    public static final float INIT_STD = 0.02f;
    private final Tensor weight;
    private final Tensor bias;

    /** @param bias whether to add the per-column bias beta */
    public UntiedLinear(int columns, int in, int out, boolean bias) {
        weight = parameter("weight", Init.truncatedNormal(INIT_STD, columns, out, in));
        this.bias = bias ? parameter("bias", Init.constant(0, columns, 1, out)) : null;
    }

    /** y = x W^T + beta for column-first x of shape (N, B, in). */
    public Tensor apply(Tensor x) {
        Tensor y = x.matmul(weight.transpose(1, 2));
        return bias == null ? y : y.add(bias);
    }

    /** Multiply-add FLOPs of one application to a batch of B: 2 N B in out. */
    public double flops(long batch) {
        return 2.0 * weight.size(0) * batch * weight.size(1) * weight.size(2);
    }
}
