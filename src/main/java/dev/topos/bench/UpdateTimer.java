package dev.topos.bench;

import dev.topos.config.Precision;
import dev.topos.nn.HostAllocator;
import java.io.PrintStream;
import java.util.Locale;
import org.bytedeco.pytorch.global.torch.ScalarType;

/** Times training updates: a few warm-up updates, then as many as fit a wall-clock budget. */
final class UpdateTimer {
    private UpdateTimer() {}

    /**
     * Updates per second of {@code update} over at least {@code seconds} and at least one timed
     * update, after {@code warmup} untimed ones.
     */
    static Rate measure(Runnable update, int warmup, double seconds) {
        for (int i = 0; i < warmup; i++) {
            update.run();
        }
        long start = System.nanoTime();
        int n = 0;
        do {
            update.run();
            n++;
        } while ((System.nanoTime() - start) / 1e9 < seconds);
        return new Rate(n, (System.nanoTime() - start) / 1e9, warmup);
    }

    /** {@code updates} timed updates in {@code seconds}, after {@code warmup} untimed ones. */
    record Rate(int updates, double seconds, int warmup) {
        double perSecond() {
            return updates / seconds;
        }

        /**
         * Prints updates/s, {@code items}/s ({@code perUpdate} of them an update) and the achieved
         * GFLOP/s of {@code gflop} per update beside the matmul {@code peak}.
         */
        void print(PrintStream out, String items, double perUpdate, double gflop, double peak) {
            double ups = perSecond();
            out.printf(Locale.ROOT, "  updates/s      %.3f  (%d updates in %.1f s after %d warm-up)%n", ups, updates,
                    seconds, warmup);
            out.printf(Locale.ROOT, "  %-14s %.0f%n", items + "/s", ups * perUpdate);
            out.printf(Locale.ROOT, "  GFLOP/update   %.3f  (matmul, forward + backward = 3 x forward)%n", gflop);
            out.printf(Locale.ROOT, "  achieved       %.1f GFLOP/s = %.1f%% of matmul peak%n", gflop * ups,
                    100 * gflop * ups / peak);
        }
    }

    /** Measures the matmul peak in {@code precision} and prints it as the first line of a benchmark. */
    static double printPeak(PrintStream out, Precision precision) {
        double peak = MatmulPeak.measure(precision == Precision.BF16 ? ScalarType.BFloat16 : ScalarType.Float);
        out.printf(Locale.ROOT, "matmul peak      %.1f GFLOP/s (%s, best of 1024/2048); training in %s%n", peak,
                precision, precision == Precision.BF16 ? "bf16 mixed precision (fp32 master weights)" : "fp32");
        out.println("allocator        " + HostAllocator.describe());
        return peak;
    }
}
