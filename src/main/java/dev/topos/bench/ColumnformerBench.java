package dev.topos.bench;

import dev.topos.nn.Engine;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code topos bench columnformer}: how the Columnformer scales, dense against sparse attention
 * (spec columnformer.md section 6, "report the largest N that trains one step within memory").
 *
 * <p>For N = 256, 512, 1024, ... up to {@code --max-n} (default {@value #DEFAULT_MAX_N}) and each
 * attention mode it trains the small-column model of {@link ColumnformerPoint} for a few updates,
 * each (mode, N) in a child JVM of its own so that the child's peak resident memory (VmHWM) is that
 * point's alone. It prints step time, updates/s, GFLOP per update (3 x forward), achieved GFLOP/s
 * beside the matmul peak, and peak memory; then the largest N of each mode that trained.
 *
 * <p>Memory safety (the machine has no swap): before a point is launched its peak memory is
 * predicted from the points of the same mode already measured (dense ~ N^2, sparse ~ N; see
 * {@link ScalingPlan#predictGiB}) and the point is skipped when the prediction passes the limit
 * ({@code --max-gib}, default {@value #DEFAULT_MAX_GIB} GiB, never more than the memory available
 * less {@value #MARGIN_GIB} GiB); a child whose resident memory passes the limit anyway is killed
 * and counts as "does not fit", as does one that fails (out of memory, or killed by the kernel).
 * After a mode fails at some N its larger sizes are not tried.
 */
public final class ColumnformerBench implements Benchmark {
    static final int FIRST = 256;
    static final int DEFAULT_MAX_N = 131_072;
    static final double DEFAULT_MAX_GIB = 22;
    static final double MARGIN_GIB = 1;
    static final double SECONDS = 3;
    static final List<String> MODES = List.of("dense", "sparse");

    @Override
    public String name() {
        return "columnformer";
    }

    @Override
    public void run(PrintStream out, BenchOptions options) throws Exception {
        int maxN = options.maxColumns() > 0 ? options.maxColumns() : DEFAULT_MAX_N;
        if (maxN < FIRST) {
            throw new IllegalArgumentException("--max-n must be at least " + FIRST + " (the smallest sheet), got "
                    + maxN);
        }
        double requested = options.maxGib() > 0 ? options.maxGib() : DEFAULT_MAX_GIB;
        double available = Memory.availableGiB();
        double limit = ScalingPlan.effectiveLimitGiB(requested, available, MARGIN_GIB);

        double peak = UpdateTimer.printPeak(out, options.precision());
        String omp = System.getenv("OMP_NUM_THREADS");
        out.printf(Locale.ROOT, "threads          PyTorch intra-op %d here; the children inherit the environment "
                + "(OMP_NUM_THREADS %s)%n", Engine.threads(), omp == null ? "unset" : "= " + omp);
        out.println("config           " + ColumnformerPoint.describe());
        out.printf(Locale.ROOT, "memory limit     %.1f GiB per point (asked %.1f; available now %.1f, less %.0f "
                + "for the rest of the machine)%n", limit, requested, available, MARGIN_GIB);
        out.printf(Locale.ROOT, "sizes            N = %s, one child JVM per point; %d warm-up update, then %.0f s "
                + "of updates (at least one)%n", ScalingPlan.doublings(FIRST, maxN), 1, SECONDS);
        out.println(header());
        out.flush();

        Map<String, Series> series = new LinkedHashMap<>();
        for (String mode : MODES) {
            series.put(mode, new Series(mode));
        }
        for (int n : ScalingPlan.doublings(FIRST, maxN)) {
            for (Series s : series.values()) {
                String skip = skipReason(s.measured, s.failedAt, n, s.exponent(), limit);
                if (skip != null) {
                    out.println(row(s.mode, n, skip));
                } else {
                    PointProcess.Outcome o = PointProcess.run(s.mode, n, options.precision(), SECONDS, limit);
                    if (o.trained()) {
                        s.measured.add(new ScalingPlan.Measured(n, o.result().peakGib()));
                        out.println(row(o, peak));
                    } else {
                        s.failedAt = n;
                        out.println(row(s.mode, n, String.format(Locale.ROOT, "does not fit: %s (%.0f s)",
                                o.failure(), o.wallS())));
                    }
                }
                out.flush();
            }
        }
        out.println(summary(series, limit, maxN));
        out.flush();
    }

    /** One mode's measured points and the size at which it failed (0: none). */
    private static final class Series {
        final String mode;
        final List<ScalingPlan.Measured> measured = new ArrayList<>();
        int failedAt;

        Series(String mode) {
            this.mode = mode;
        }

        double exponent() {
            return "dense".equals(mode) ? ScalingPlan.DENSE_EXPONENT : ScalingPlan.SPARSE_EXPONENT;
        }
    }

    /**
     * Why the point at {@code n} is not launched, or null to launch it: a smaller size of the mode
     * already failed, or its predicted peak memory passes the limit.
     */
    static String skipReason(List<ScalingPlan.Measured> measured, int failedAt, int n, double exponent,
                             double limitGib) {
        if (failedAt > 0) {
            return "not tried: N = " + failedAt + " did not fit";
        }
        double predicted = ScalingPlan.predictGiB(measured, n, exponent);
        if (predicted > limitGib) {
            return String.format(Locale.ROOT, "skipped: predicted %.1f GiB > limit %.1f GiB", predicted, limitGib);
        }
        return null;
    }

    static String header() {
        return String.format(Locale.ROOT, "%-7s %8s %11s %10s %9s %10s %8s %6s %8s %8s %7s", "mode", "N", "params",
                "s/update", "updates/s", "GFLOP/upd", "GFLOP/s", "%peak", "peak GiB", "setup s", "wall s");
    }

    private static String row(PointProcess.Outcome o, double peak) {
        ColumnformerPoint.Result r = o.result();
        double ups = r.updates() / r.seconds();
        return String.format(Locale.ROOT, "%-7s %8d %,11d %10.3f %9.3f %10.3f %8.2f %5.1f%% %8.2f %8.1f %7.1f",
                r.mode(), r.columns(), r.params(), r.secondsPerUpdate(), ups, r.gflop(), r.gflop() * ups,
                100 * r.gflop() * ups / peak, r.peakGib(), r.setupS(), o.wallS());
    }

    private static String row(String mode, int n, String note) {
        return String.format(Locale.ROOT, "%-7s %8d   %s", mode, n, note);
    }

    /** "largest N that trains one step: dense X, sparse Y (limit Z GiB)", noting when --max-n ended a series. */
    private static String summary(Map<String, Series> series, double limit, int maxN) {
        List<String> parts = new ArrayList<>();
        boolean capped = false;
        for (Series s : series.values()) {
            if (s.measured.isEmpty()) {
                parts.add(s.mode + " none");
                continue;
            }
            int largest = s.measured.get(s.measured.size() - 1).columns();
            boolean atCap = s.failedAt == 0 && 2L * largest > maxN;
            capped |= atCap;
            parts.add(s.mode + " " + largest + (atCap ? "+" : ""));
        }
        return String.format(Locale.ROOT, "largest N that trains one step: %s (limit %.1f GiB)%s",
                String.join(", ", parts), limit,
                capped ? "; + = the --max-n " + maxN + " cap ended the series, not memory" : "");
    }
}
