package dev.topos.cli;

import dev.topos.bench.BenchOptions;
import dev.topos.bench.Benchmarks;
import dev.topos.config.Precision;
import dev.topos.nn.MixedPrecision;
import dev.topos.train.TrainConfig;
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

    @Option(names = "--precision", paramLabel = "P", defaultValue = TrainConfig.PRECISION,
            description = "fp32, bf16 (bfloat16 mixed precision) or auto (bf16 where the device computes it "
                    + "natively); the peak printed is that precision's (default: ${DEFAULT-VALUE}).")
    private String precision;

    @Override
    public Integer call() throws Exception {
        Precision p = MixedPrecision.resolve(Precision.parse(precision, "--precision"));
        Benchmarks.byName(name).run(System.out, new BenchOptions(maxColumns, maxGib, p));
        System.out.flush();
        return 0;
    }
}
