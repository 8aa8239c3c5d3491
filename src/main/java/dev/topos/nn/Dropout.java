package dev.topos.nn;

import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.mkl.global.mkl_rt;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Dropout (Srivastava et al. 2014, "Dropout: a simple way to prevent neural networks from
 * overfitting", JMLR 15) in its inverted form, as PyTorch's {@code nn.Dropout}: kept units are
 * scaled by 1 / (1 - p) while training instead of the weights by 1 - p at test time,
 *
 * <pre>
 *   y = x (.) m / (1 - p),     m_i ~ Bernoulli(1 - p) independently;     y = x in evaluation
 * </pre>
 *
 * so E[y] = x. On the CPU the mask m is drawn by Intel MKL's vector statistics ({@code
 * viRngBernoulli} on a Philox4x32-10 stream): libtorch's CPU {@code bernoulli_} in the
 * {@code org.bytedeco:pytorch} build (compiled without MKL) draws one element at a time on one
 * thread, 200 ms for a 128 x 256 x 400 tensor against 37 ms here (mask and product). On CUDA the
 * engine's own dropout runs. The stream's 64-bit key is one draw from libtorch's generator, so
 * {@link Engine#seed} fixes every mask, as it fixes {@code torch.dropout}'s.
 */
public final class Dropout {
    /** viRngBernoulli fills at most 2^31 - 1 elements a call. */
    private static final long CHUNK = Integer.MAX_VALUE;

    private Dropout() {}

    /**
     * @param x        any shape
     * @param p        the probability of dropping a unit, in [0, 1)
     * @param training false: the identity
     */
    public static Tensor apply(Tensor x, double p, boolean training) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout rate " + p + " is not in [0, 1)");
        }
        if (!training || p == 0) {
            return x;
        }
        if (!x.is_cpu()) {
            return torch.dropout(x, p, true);
        }
        return x.mul(keepMask(x.shape(), 1 - p).to(x.scalar_type()).mul_(new Scalar(1 / (1 - p))));
    }

    /**
     * An int32 host tensor of {@code shape} whose elements are 1 with probability {@code keep},
     * else 0 (on the CPU whatever the engine's device: MKL writes it in host memory).
     */
    static Tensor keepMask(long[] shape, double keep) {
        Tensor mask = torch.empty(shape, new TensorOptions(ScalarType.Int), null);
        long seed = Tensors.toLongs(torch.randint(Long.MAX_VALUE, new long[] {1}, Tensors.options(ScalarType.Long)))[0];
        mkl_rt.VSLStreamStatePtr stream = new mkl_rt.VSLStreamStatePtr();
        check(mkl_rt.vslNewStreamEx(stream, mkl_rt.VSL_BRNG_PHILOX4X32X10, 2, new int[] {(int) seed, (int) (seed >>> 32)}),
                "vslNewStreamEx");
        try {
            IntPointer data = new IntPointer(mask.data_ptr_int());
            long n = mask.numel();
            for (long from = 0; from < n; from += CHUNK) {
                int count = (int) Math.min(CHUNK, n - from);
                check(mkl_rt.viRngBernoulli(mkl_rt.VSL_RNG_METHOD_BERNOULLI_ICDF, stream, count,
                        data.getPointer(from), keep), "viRngBernoulli");
            }
        } finally {
            mkl_rt.vslDeleteStream(stream);
        }
        return mask;
    }

    private static void check(int status, String call) {
        if (status != mkl_rt.VSL_STATUS_OK) {
            throw new IllegalStateException("MKL " + call + " failed with status " + status);
        }
    }
}
