package dev.topos.bench;

import java.io.PrintStream;

/** A named measurement that {@code topos bench NAME} runs, printing its results to {@code out}. */
public interface Benchmark {
    /** The name {@code topos bench} selects it by. */
    String name();

    /**
     * Runs the benchmark in {@code options}' precision and prints what it measured beside that
     * precision's {@link MatmulPeak}. Fixed-size benchmarks refuse limits
     * ({@link BenchOptions#requireNoLimits}).
     */
    void run(PrintStream out, BenchOptions options) throws Exception;
}
