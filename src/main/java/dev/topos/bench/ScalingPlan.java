package dev.topos.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The pure arithmetic of {@link ColumnformerBench}: which sheet sizes to try, the flat grid each
 * size is laid out on, how much memory the next size will take judged from the sizes already
 * measured, and how much Java heap a measured process needs.
 */
final class ScalingPlan {
    /** Memory of a dense point grows as N^2 (the (N, N) bias, its gradient and moments, B x N x N attention). */
    static final double DENSE_EXPONENT = 2;
    /** Memory of a sparse point grows as N K, linear in N at fixed K. */
    static final double SPARSE_EXPONENT = 1;

    private ScalingPlan() {}

    /** from, 2 from, 4 from, ... up to and including max (empty when max &lt; from). */
    static List<Integer> doublings(int from, int max) {
        if (from < 1) {
            throw new IllegalArgumentException("the first size must be >= 1, got " + from);
        }
        List<Integer> out = new ArrayList<>();
        for (long n = from; n <= max; n *= 2) {
            out.add((int) n);
        }
        return out;
    }

    /**
     * rows x cols of the flattest-possible rectangle of n columns: rows the largest divisor of n
     * that is at most sqrt(n), so a power of two 2^m is 2^floor(m/2) x 2^ceil(m/2).
     */
    static int[] gridShape(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a grid needs n >= 1 columns, got " + n);
        }
        int rows = (int) Math.floor(Math.sqrt(n));
        while (n % rows != 0) {
            rows--;
        }
        return new int[] {rows, n / rows};
    }

    /** A size that trained, with the peak resident memory of its process. */
    record Measured(int columns, double gib) {}

    /**
     * Peak memory predicted at {@code n} columns from points of the same mode already measured
     * (ascending N), with memory = base + c N^e:
     * <ul>
     *   <li>no point: NaN (unknown; measure it);</li>
     *   <li>one point (n1, m1): m1 (n / n1)^e, as if all of it grew (an over-estimate);</li>
     *   <li>two or more: base and c through the last two points; if they show no growth (noise at
     *       small N) through the first and last; if neither does, the last point's memory.</li>
     * </ul>
     */
    static double predictGiB(List<Measured> done, int n, double exponent) {
        if (done.isEmpty()) {
            return Double.NaN;
        }
        Measured last = done.get(done.size() - 1);
        if (done.size() == 1) {
            return last.gib() * Math.pow((double) n / last.columns(), exponent);
        }
        for (Measured from : List.of(done.get(done.size() - 2), done.get(0))) {
            double span = Math.pow(last.columns(), exponent) - Math.pow(from.columns(), exponent);
            double c = span > 0 ? (last.gib() - from.gib()) / span : 0;
            if (c > 0) {
                return last.gib() + c * (Math.pow(n, exponent) - Math.pow(last.columns(), exponent));
            }
        }
        return last.gib();
    }

    /** The limit actually used: the one asked for, but never more than the memory available less a margin. */
    static double effectiveLimitGiB(double requested, double availableGiB, double marginGiB) {
        if (Double.isNaN(availableGiB)) {
            return requested;
        }
        return Math.max(0, Math.min(requested, availableGiB - marginGiB));
    }

    /**
     * The Java heap (-Xmx, MiB) a measured process gets: enough for its Java-side tables and no
     * more, so that its peak RSS counts tensors rather than uncollected garbage. Dense: the sheet's
     * cached N x N double table, the copy the attention keeps, the flat copy it uploads and the
     * float bias at birth (28 N^2 bytes at once) with room to spare, 32 N^2 bytes + 512 MiB. Sparse:
     * the N x K source tables and coordinates, 512 MiB + 1 KiB per column.
     */
    static long heapMiB(boolean sparse, int n) {
        double bytes = sparse ? 1024.0 * n : 32.0 * n * n;
        return 512 + (long) Math.ceil(bytes / (1 << 20));
    }
}
