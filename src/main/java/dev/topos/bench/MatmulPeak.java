package dev.topos.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.topos.config.ComputeDevice;
import java.util.List;

/**
 * The measured fp32 matrix-multiply throughput of the engine on a device: the practical peak that
 * benchmarks compare their achieved throughput against.
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

    /** Matrix sizes {@link #measure()} tries. */
    public static final List<Integer> SIZES = List.of(1024, 2048);

    /** The best GFLOP/s over {@link #SIZES} on the selected {@link ComputeDevice}. */
    public static double measure() {
        return measureSizes(ComputeDevice.current().djl()).stream().mapToDouble(Result::gflops).max().orElseThrow();
    }

    /** One measurement per size in {@link #SIZES} on {@code device}. */
    public static List<Result> measureSizes(Device device) {
        return SIZES.stream().map(n -> measure(device, n)).toList();
    }

    /** Best GFLOP/s of {@code n x n} fp32 matmuls on {@code device}. */
    public static Result measure(Device device, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("matrix size must be positive, got " + n);
        }
        try (NDManager m = NDManager.newBaseManager(device)) {
            NDArray a = m.randomUniform(-1, 1, new Shape(n, n), DataType.FLOAT32);
            NDArray b = m.randomUniform(-1, 1, new Shape(n, n), DataType.FLOAT32);
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
    private static double time(NDArray a, NDArray b, int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            try (NDArray c = a.matMul(b)) {
                if (i == count - 1) {
                    c.get(0, 0).getFloat();
                }
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
