package dev.topos.bench;

import dev.topos.config.Precision;
import dev.topos.data.TokenizedSet;
import dev.topos.experiment.topoformer.ClassifierTask;
import dev.topos.model.Topoformer;
import dev.topos.model.TopoformerConfig;
import dev.topos.nn.Engine;
import dev.topos.train.TrainConfig;
import dev.topos.train.TrainLoop;
import dev.topos.util.Rng;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code topos bench topoformer}: training throughput of the 1-layer Topoformer (spec §4: width
 * 400, FFN 1600, SQ 0.1, SR 0.3) and of its dense control at batch 128, length 256: updates/s,
 * tokens/s and achieved GFLOP/s (matmul FLOPs of forward + backward, taken as 3 x forward) beside
 * the machine's matmul peak. Token ids are random over a 30,000-word vocabulary (about IMDB's at
 * frequency &gt;= 5), so no data set is needed.
 */
public final class TopoformerBench implements Benchmark {
    private static final int VOCABULARY = 30_000;
    private static final int BATCH = 128;
    private static final int LENGTH = 256;
    private static final int ITEMS = 4 * BATCH;
    private static final int WARMUP = 2;
    private static final double SECONDS = 30;

    @Override
    public String name() {
        return "topoformer";
    }

    @Override
    public void run(PrintStream out, BenchOptions options) throws Exception {
        options.requireNoLimits(name());
        double peak = UpdateTimer.printPeak(out, options.precision());
        measure("topoformer", 0.1, 0.3, options.precision(), peak, out);
        measure("control", TopoformerConfig.OFF, TopoformerConfig.OFF, options.precision(), peak, out);
        out.printf(Locale.ROOT, "peak RSS         %.2f GiB%n", Memory.peakRssGiB());
    }

    private static void measure(String label, double sq, double sr, Precision precision, double peak,
                                PrintStream out) throws Exception {
        TopoformerConfig cfg = new TopoformerConfig(400, 1600, LENGTH, sq, sr, "circular", false, false, true, 0.1, 0, 2);
        TrainConfig train = new TrainConfig(1_000_000, 1e-3, 1, 1_000_000, 0.9, 0.999, 0.01, 0.1, 1, 1_000_000, 1)
                .withPrecision(precision);
        Path dir = Files.createTempDirectory("topos-bench");
        try {
            Engine.seed(1);
            Topoformer model = new Topoformer(cfg, VOCABULARY, new Rng(1));
            TokenizedSet reviews = syntheticReviews();
            TrainLoop loop = new TrainLoop(new ClassifierTask(model, reviews, reviews, BATCH, BATCH, 1), train, dir,
                    new Rng(1));
            UpdateTimer.Rate rate = UpdateTimer.measure(loop::update, WARMUP, SECONDS);
            out.printf(Locale.ROOT, "%-10s params %,d; batch %d x %d tokens%n", label, model.parameterCount(), BATCH,
                    LENGTH);
            rate.print(out, "tokens", BATCH * LENGTH, 3 * model.forwardFlops(BATCH, LENGTH) / 1e9, peak);
        } finally {
            Bench.deleteTree(dir);
        }
    }

    /** Full-length random reviews with random labels. */
    private static TokenizedSet syntheticReviews() {
        Rng rng = new Rng(7);
        int[][] ids = new int[ITEMS][LENGTH];
        int[] lengths = new int[ITEMS];
        int[] labels = new int[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            for (int t = 0; t < LENGTH; t++) {
                ids[i][t] = rng.nextInt(VOCABULARY);
            }
            lengths[i] = LENGTH;
            labels[i] = rng.nextInt(2);
        }
        return new TokenizedSet(ids, lengths, labels);
    }
}
