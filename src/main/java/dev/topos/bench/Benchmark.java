package dev.topos.bench;

import java.io.PrintStream;

/** A named measurement that {@code topos bench NAME} runs, printing its results to {@code out}. */
public interface Benchmark {
    /** The name {@code topos bench} selects it by. */
    String name();

    /** Runs the benchmark and prints what it measured (and, where useful, {@link MatmulPeak} beside it). */
    void run(PrintStream out) throws Exception;

    /**
     * Runs the benchmark within the command line's limits. Fixed-size benchmarks take none, so by
     * default any limit given is an error naming the benchmark; scaling benchmarks override this.
     */
    default void run(PrintStream out, BenchOptions options) throws Exception {
        if (options.given()) {
            throw new IllegalArgumentException("benchmark '" + name() + "' has a fixed size and takes no --max-n or "
                    + "--max-gib (they are for scaling benchmarks such as 'columnformer')");
        }
        run(out);
    }
}
