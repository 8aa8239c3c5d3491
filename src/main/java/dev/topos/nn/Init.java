package dev.topos.nn;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;

/**
 * Initial values of parameters, drawn from the engine's generator (seeded by {@link Engine#seed}).
 * Each returns a new float32 tensor of {@code shape} for {@link Module#parameter}.
 */
public final class Init {
    private Init() {}

    /** U(-bound, bound); PyTorch's {@code nn.Linear} uses bound = 1 / sqrt(fan_in) for weight and bias. */
    public static Tensor uniform(double bound, long... shape) {
        try (NoGradGuard ignored = new NoGradGuard()) {
            return Tensors.zeros(shape).uniform_(-bound, bound, new org.bytedeco.pytorch.GeneratorOptional());
        }
    }

    /** N(0, std^2). */
    public static Tensor normal(double std, long... shape) {
        try (NoGradGuard ignored = new NoGradGuard()) {
            return Tensors.zeros(shape).normal_(0, std, new org.bytedeco.pytorch.GeneratorOptional());
        }
    }

    /**
     * N(0, std^2) truncated to [-2 std, 2 std], by the inverse CDF, as PyTorch's
     * {@code nn.init.trunc_normal_}: u ~ U(Phi(-2), Phi(2)), x = std * sqrt(2) * erfinv(2u - 1).
     */
    public static Tensor truncatedNormal(double std, long... shape) {
        double lo = phi(-2);
        double hi = phi(2);
        try (NoGradGuard ignored = new NoGradGuard()) {
            Tensor u = Tensors.zeros(shape).uniform_(2 * lo - 1, 2 * hi - 1, new org.bytedeco.pytorch.GeneratorOptional());
            return Tensors.mul(u.erfinv_(), std * Math.sqrt(2)).clamp_(
                    new org.bytedeco.pytorch.ScalarOptional(new org.bytedeco.pytorch.Scalar(-2 * std)),
                    new org.bytedeco.pytorch.ScalarOptional(new org.bytedeco.pytorch.Scalar(2 * std)));
        }
    }

    /**
     * Glorot &amp; Bengio's (2010) uniform initialisation scaled by {@code gain}: U(-a, a) with
     * a = gain sqrt(6 / (fan_in + fan_out)), for a weight of shape (fan_out, fan_in), as PyTorch's
     * {@code nn.init.xavier_uniform_}. Gain sqrt(2) is DJL's default {@code XavierInitializer}
     * (magnitude 6 over the mean fan), which earlier Topos models were tuned with.
     */
    public static Tensor xavierUniform(double gain, long fanOut, long fanIn) {
        return uniform(gain * Math.sqrt(6.0 / (fanIn + fanOut)), fanOut, fanIn);
    }

    /** Every element {@code value}. */
    public static Tensor constant(double value, long... shape) {
        return Tensors.full(value, shape);
    }

    /** The standard normal CDF. */
    private static double phi(double x) {
        return 0.5 * (1 + org.apache.commons.math3.special.Erf.erf(x / Math.sqrt(2)));
    }
}
