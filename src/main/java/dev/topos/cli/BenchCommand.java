package dev.topos.cli;

import dev.topos.bench.Benchmarks;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code topos bench NAME}: runs a registered {@link dev.topos.bench.Benchmark}, printing to stdout. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark by name (see 'topos info' for the list).")
final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "Benchmark name.")
    private String name;

    @Override
    public Integer call() throws Exception {
        Benchmarks.byName(name).run(System.out);
        System.out.flush();
        return 0;
    }
}
