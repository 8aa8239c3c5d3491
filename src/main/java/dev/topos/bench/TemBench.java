package dev.topos.bench;

import dev.topos.config.Configs;
import dev.topos.config.Precision;
import dev.topos.experiment.tem.TemConfig;
import dev.topos.experiment.tem.TemStudy;
import dev.topos.experiment.tem.TemTask;
import dev.topos.model.WalkPredictor;
import dev.topos.train.TrainLoop;
import dev.topos.util.Rng;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code topos bench tem-t}: training throughput of TEM-t and of the LSTM baseline with the
 * bundled {@code experiments/tem-t.yaml} settings: updates/s, walk steps/s, and achieved GFLOP/s
 * (matmul FLOPs of forward + backward, taken as 3 x forward) beside the machine's matmul peak.
 */
public final class TemBench implements Benchmark {
    private static final int WARMUP = 10;
    private static final double SECONDS = 20;

    @Override
    public String name() {
        return "tem-t";
    }

    @Override
    public void run(PrintStream out, BenchOptions options) throws Exception {
        options.requireNoLimits(name());
        double peak = UpdateTimer.printPeak(out, options.precision());
        for (String kind : new String[] {"tem-t", "lstm"}) {
            measure(kind, options.precision(), peak, out);
        }
        out.printf(Locale.ROOT, "peak RSS         %.2f GiB%n", Memory.peakRssGiB());
    }

    private static void measure(String kind, Precision precision, double peak, PrintStream out) throws IOException {
        TemStudy study = new TemStudy();
        var user = Configs.override(Configs.parse(bundled(), "experiments/tem-t.yaml"),
                java.util.List.of("model.kind=" + kind, "train.precision=" + precision));
        TemConfig cfg = Configs.bind(study.resolve(user, "experiments/tem-t.yaml"), TemConfig.class, "bench");
        Path dir = Files.createTempDirectory("topos-bench");
        try {
            WalkPredictor model = TemStudy.model(cfg);
            TrainLoop loop = new TrainLoop(new TemTask(cfg, model), cfg.train(), dir, new Rng(cfg.seed()));
            UpdateTimer.Rate rate = UpdateTimer.measure(loop::update, WARMUP, SECONDS);
            int batch = cfg.world().batch();
            int chunk = cfg.walk().chunk();
            out.printf(Locale.ROOT, "%-6s params %,d; batch %d x %d steps%n", kind,
                    model.parameterCount(), batch, chunk);
            rate.print(out, "walk steps", batch * chunk, 3 * model.forwardFlops(batch, chunk) / 1e9, peak);
        } finally {
            Bench.deleteTree(dir);
        }
    }

    private static String bundled() throws IOException {
        try (InputStream in = TemBench.class.getResourceAsStream("/experiments/tem-t.yaml")) {
            if (in == null) {
                throw new IOException("experiments/tem-t.yaml is not bundled in this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
