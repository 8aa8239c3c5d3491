package dev.topos.bench;

import dev.topos.config.Precision;
import java.util.Locale;

/**
 * What {@code topos bench} takes from the command line: the precision every benchmark trains in, and
 * the limits of a scaling benchmark ({@code topos bench columnformer}; the fixed-size benchmarks take none).
 *
 * @param maxColumns largest N to try, or 0 for the benchmark's default
 * @param maxGib     memory limit of one measured process in GiB, or 0 for the benchmark's default
 * @param precision  fp32 or bf16 (resolved: not auto)
 */
public record BenchOptions(int maxColumns, double maxGib, Precision precision) {
    /** No limits given, fp32: every benchmark's defaults. */
    public static final BenchOptions NONE = new BenchOptions(0, 0, Precision.FP32);

    public BenchOptions {
        if (maxColumns < 0) {
            throw new IllegalArgumentException("--max-n must be a positive number of columns, got " + maxColumns);
        }
        if (!(maxGib >= 0) || !Double.isFinite(maxGib)) {
            throw new IllegalArgumentException("--max-gib must be a positive number of GiB, got " + maxGib);
        }
        if (precision == null || precision == Precision.AUTO) {
            throw new IllegalArgumentException("a benchmark's precision is fp32 or bf16, got " + precision);
        }
    }

    /** Whether any limit was given. */
    public boolean given() {
        return maxColumns > 0 || maxGib > 0;
    }

    /**
     * Refuses limits for a fixed-size benchmark: any limit given is an error naming {@code benchmark}.
     */
    public void requireNoLimits(String benchmark) {
        if (given()) {
            throw new IllegalArgumentException("benchmark '" + benchmark + "' has a fixed size and takes no --max-n or "
                    + "--max-gib (they are for scaling benchmarks such as 'columnformer')");
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "--max-n %d --max-gib %.1f --precision %s", maxColumns, maxGib, precision);
    }
}
