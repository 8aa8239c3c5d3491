package dev.topos.bench;

import dev.topos.nn.Engine;
import dev.topos.nn.MixedPrecision;
import dev.topos.nn.Tensors;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * The measured matrix-multiply throughput of the engine on its device, in fp32 or bf16: the
 * practical peak that benchmarks compare their achieved throughput against.
 *
 * <p>Each repeat times as many {@code n x n} products as fit in about {@link #REPEAT_SECONDS} after
 * a warm-up; the result is the best repeat, counting {@code 2 n^3} flops per product.
 */
public final class MatmulPeak {
    /** Target duration of one timed repeat. */
    public static final double REPEAT_SECONDS = 0.25;
    private static final int REPEATS = 5;

    private MatmulPeak() {}

    /** One measurement: matrix size and best GFLOP/s. */
    public record Result(int n, double gflops) {}

    /** Matrix sizes {@link #measure} tries. */
    public static final List<Integer> SIZES = List.of(1024, 2048);

    /**
     * The size bf16 is measured at where the device has no native bfloat16: libtorch's reference
     * kernels take minutes for a few 2,048² products there (7 minutes for {@code topos info} on an
     * AVX2-only CPU), and their rate is the same at a small size.
     */
    public static final int EMULATED_SIZE = 256;

    /** The best GFLOP/s over {@link #sizes} of {@code type} (Float or BFloat16) products on {@link Engine#device()}. */
    public static double measure(ScalarType type) {
        return measureSizes(type).stream().mapToDouble(Result::gflops).max().orElseThrow();
    }

    /** One measurement per size in {@link #sizes}. */
    public static List<Result> measureSizes(ScalarType type) {
        return sizes(type).stream().map(n -> measure(type, n)).toList();
    }

    /** {@link #SIZES}, or {@link #EMULATED_SIZE} alone where {@code type} is {@link #emulated}. */
    public static List<Integer> sizes(ScalarType type) {
        return emulated(type) ? List.of(EMULATED_SIZE) : SIZES;
    }

    /** Whether {@code type} products run in libtorch's emulation: bf16 without native bfloat16. */
    public static boolean emulated(ScalarType type) {
        return type == ScalarType.BFloat16 && !MixedPrecision.nativeBf16();
    }

    /** Best GFLOP/s of {@code n x n} products of {@code type}. */
    public static Result measure(ScalarType type, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("matrix size must be positive, got " + n);
        }
        try (PointerScope ignored = new PointerScope()) {
            Tensor a = Tensors.zeros(n, n).uniform_(-1, 1, new org.bytedeco.pytorch.GeneratorOptional()).toType(type);
            Tensor b = Tensors.zeros(n, n).uniform_(-1, 1, new org.bytedeco.pytorch.GeneratorOptional()).toType(type);
            double once = time(a, b, 1); // warm-up, and a first estimate of one product's time
            time(a, b, 1);
            int count = (int) Math.max(1, Math.min(1000, Math.round(REPEAT_SECONDS / Math.max(once, 1e-6))));
            double best = Double.MAX_VALUE;
            for (int r = 0; r < REPEATS; r++) {
                best = Math.min(best, time(a, b, count) / count);
            }
            return new Result(n, 2.0 * n * n * n / best / 1e9);
        }
    }

    /** Seconds for {@code count} products; reading one element waits for asynchronous devices. */
    private static double time(Tensor a, Tensor b, int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            try (PointerScope ignored = new PointerScope()) {
                Tensor c = a.matmul(b);
                if (i == count - 1) {
                    c.select(0, 0).select(0, 0).item_double();
                }
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
