package dev.topos.bench;

import java.io.PrintStream;

/** A named measurement that {@code topos bench NAME} runs, printing its results to {@code out}. */
public interface Benchmark {
    /** The name {@code topos bench} selects it by. */
    String name();

    /** Runs the benchmark and prints what it measured (and, where useful, {@link MatmulPeak} beside it). */
    void run(PrintStream out) throws Exception;
}
