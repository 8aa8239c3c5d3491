package dev.topos.bench;

import java.util.Locale;

/**
 * Limits a scaling benchmark ({@code topos bench columnformer}) takes from the command line; the
 * fixed-size benchmarks take none.
 *
 * @param maxColumns largest N to try, or 0 for the benchmark's default
 * @param maxGib     memory limit of one measured process in GiB, or 0 for the benchmark's default
 */
public record BenchOptions(int maxColumns, double maxGib) {
    /** No limits given: every benchmark's defaults. */
    public static final BenchOptions NONE = new BenchOptions(0, 0);

    public BenchOptions {
        if (maxColumns < 0) {
            throw new IllegalArgumentException("--max-n must be a positive number of columns, got " + maxColumns);
        }
        if (!(maxGib >= 0) || !Double.isFinite(maxGib)) {
            throw new IllegalArgumentException("--max-gib must be a positive number of GiB, got " + maxGib);
        }
    }

    /** Whether any limit was given. */
    public boolean given() {
        return maxColumns > 0 || maxGib > 0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "--max-n %d --max-gib %.1f", maxColumns, maxGib);
    }
}
