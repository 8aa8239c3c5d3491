package dev.topos.cli;

import dev.topos.bench.BenchOptions;
import dev.topos.bench.Benchmarks;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code topos bench NAME}: runs a registered {@link dev.topos.bench.Benchmark}, printing to stdout. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark by name (see 'topos info' for the list).")
final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "Benchmark name.")
    private String name;

    @Option(names = "--max-n", paramLabel = "N",
            description = "Scaling benchmarks (columnformer): largest number of columns to try (default 131072).")
    private int maxColumns;

    @Option(names = "--max-gib", paramLabel = "GIB",
            description = "Scaling benchmarks (columnformer): memory limit of one measured process in GiB; "
                    + "points predicted above it are skipped, a process that passes it is killed (default 22, "
                    + "capped at the memory available).")
    private double maxGib;

    @Override
    public Integer call() throws Exception {
        Benchmarks.byName(name).run(System.out, new BenchOptions(maxColumns, maxGib));
        System.out.flush();
        return 0;
    }
}
