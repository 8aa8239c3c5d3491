package dev.topos.bench;

import dev.topos.config.Precision;
import dev.topos.geometry.Metric;
import dev.topos.geometry.Sheet;
import dev.topos.model.ColumnGeometry;
import dev.topos.model.Columnformer;
import dev.topos.model.ColumnformerConfig;
import dev.topos.nn.Blas;
import dev.topos.nn.Engine;
import dev.topos.nn.Init;
import dev.topos.nn.Tensors;
import dev.topos.train.Losses;
import dev.topos.train.TrainConfig;
import dev.topos.train.TrainLoop;
import dev.topos.train.TrainingTask;
import dev.topos.util.Rng;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;

/**
 * One point of {@link ColumnformerBench}: trains the scaling Columnformer of one attention mode
 * on N columns for a few updates in a process of its own, so that the process's peak memory is
 * this point's alone, and prints one {@link Result} line.
 *
 * <pre>
 *   java -cp CLASSPATH dev.topos.bench.ColumnformerPoint dense|sparse N SECONDS SCRATCH_DIR
 * </pre>
 *
 * The model: one flat rows x cols grid of N columns at unit spacing, seen from height 2 (spec
 * section 4, single layer), small untied columns (width 16, qk 16, MLP 16, one head), 2 recurrent
 * steps, 28 x 28 images in 4 x 4 patches (49 input and 49 output columns), 10 classes, batch 4;
 * sparse attention reads the 16 nearest columns and 4 random far ones. The task is synthetic
 * (random patches and labels; cross-entropy plus the wiring cost), so no data set is needed.
 */
public final class ColumnformerPoint {
    /** Marks the result line among whatever else the process prints. */
    static final String TAG = "topos-bench-point";
    static final int BATCH = 4;
    static final int CLASSES = 10;
    static final int DIM = 16;
    static final int DEPTH = 2;
    static final int NEAREST = 16;
    static final int LONG_RANGE = 4;
    static final double LIFT = 2;
    static final double WIRING_LAMBDA = 0.01;
    private static final int BATCHES = 4;
    private static final int WARMUP = 1;

    private ColumnformerPoint() {}

    /** The scaling configuration at {@code n} columns (the geometry's width is the grid's long side). */
    static ColumnformerConfig config(String mode, int n) {
        int[] shape = ScalingPlan.gridShape(n);
        ColumnformerConfig d = ColumnformerConfig.defaults();
        ColumnformerConfig cfg = new ColumnformerConfig(new ColumnGeometry("grid", 1, shape[1], n, "", LIFT, false, 0),
                DIM, DIM, DIM, 1, DEPTH, true, mode, NEAREST, LONG_RANGE, d.sigma(), d.biasFloor(), false, false,
                false, false, false, 28, 4, WIRING_LAMBDA, 1);
        cfg.validate("bench");
        return cfg;
    }

    /** One line describing the configuration, for the report. */
    static String describe() {
        ColumnformerConfig c = config("sparse", 256);
        return String.format(Locale.ROOT, "flat rows x cols grid of N columns (unit spacing, lift %.0f); column "
                + "width %d, qk %d, MLP %d, %d head, %d recurrent steps; %dx%d images, patch %d (%d input + %d output "
                + "columns), %d classes, batch %d; sparse: %d nearest + %d long-range; wiring lambda %.2f; "
                + "AdamW; synthetic data", LIFT, c.dim(), c.qkDim(), c.mlpHidden(), c.heads(), c.depth(), c.image(),
                c.image(), c.patch(), c.patches(), c.patches(), CLASSES, BATCH, c.k(), c.longRange(),
                c.wiringLambda());
    }

    /** The flat grid of {@code n} columns, unit spacing, centred, distances sqrt(D^2 + lift^2). */
    static Sheet sheet(int n) {
        int[] shape = ScalingPlan.gridShape(n);
        double[][] coords = new double[n][];
        for (int i = 0; i < n; i++) {
            coords[i] = new double[] {i / shape[1] - (shape[0] - 1) / 2.0, i % shape[1] - (shape[1] - 1) / 2.0};
        }
        return Sheet.of("grid", coords, Metric.euclidean().lifted(LIFT));
    }

    public static void main(String[] args) throws Exception {
        Blas.useMkl(); // before libtorch loads, as the parent's
        if (args.length != 5) {
            System.err.println("usage: ColumnformerPoint dense|sparse N fp32|bf16 SECONDS SCRATCH_DIR");
            System.exit(2);
        }
        Result r = measure(args[0], Integer.parseInt(args[1]), Precision.parse(args[2], "precision"),
                Double.parseDouble(args[3]), Path.of(args[4]));
        System.out.println(r.line());
        System.out.flush();
    }

    /**
     * Builds the model and trains it: one warm-up update, then as many as fit {@code seconds} (at
     * least one). {@code dir} is the training loop's run folder (nothing is written there); the
     * caller owns it, so that it is removed even when this process is killed.
     */
    static Result measure(String mode, int n, Precision precision, double seconds, Path dir) throws Exception {
        long start = System.nanoTime();
        ColumnformerConfig cfg = config(mode, n);
        TrainConfig train = new TrainConfig(1_000_000, 6e-4, 1, 1_000_000, 0.9, 0.95, 0.05, 1.0, 1, 1_000_000, 1)
                .withPrecision(precision);
        Engine.seed(1);
        Columnformer model = new Columnformer(cfg, sheet(n), CLASSES, new Rng(1));
        TrainLoop loop = new TrainLoop(new SyntheticImages(model, cfg), train, dir, new Rng(1));
        double setup = (System.nanoTime() - start) / 1e9;
        UpdateTimer.Rate rate = UpdateTimer.measure(loop::update, WARMUP, seconds);
        return new Result(mode, n, model.parameterCount(), rate.updates(), rate.seconds(),
                3 * model.forwardFlops(BATCH) / 1e9, Memory.peakRssGiB(), setup);
    }

    /**
     * What one point measured.
     *
     * @param updates timed updates (after one warm-up)
     * @param seconds their wall time
     * @param gflop   matmul GFLOP of one update, 3 x forward
     * @param peakGib the process's peak resident memory (VmHWM)
     * @param setupS  seconds to build the sheet, its source table and the model
     */
    record Result(String mode, int columns, long params, int updates, double seconds, double gflop, double peakGib,
                  double setupS) {
        double secondsPerUpdate() {
            return seconds / updates;
        }

        /** {@code topos-bench-point mode=sparse n=4096 params=... updates=... ...}. */
        String line() {
            return String.format(Locale.ROOT, "%s mode=%s n=%d params=%d updates=%d seconds=%.6f gflop=%.6f "
                    + "peak_gib=%.4f setup_s=%.3f", TAG, mode, columns, params, updates, seconds, gflop, peakGib,
                    setupS);
        }

        /** The result on a {@link #line()}, or null when the line is not one. */
        static Result parse(String line) {
            String t = line.strip();
            if (!t.startsWith(TAG + " ")) {
                return null;
            }
            Map<String, String> kv = new LinkedHashMap<>();
            for (String part : t.substring(TAG.length()).trim().split("\\s+")) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("malformed field '" + part + "' in result line: " + line);
                }
                kv.put(part.substring(0, eq), part.substring(eq + 1));
            }
            for (String key : List.of("mode", "n", "params", "updates", "seconds", "gflop", "peak_gib", "setup_s")) {
                if (!kv.containsKey(key)) {
                    throw new IllegalArgumentException("result line has no '" + key + "': " + line);
                }
            }
            try {
                return new Result(kv.get("mode"), Integer.parseInt(kv.get("n")), Long.parseLong(kv.get("params")),
                        Integer.parseInt(kv.get("updates")), Double.parseDouble(kv.get("seconds")),
                        Double.parseDouble(kv.get("gflop")), Double.parseDouble(kv.get("peak_gib")),
                        Double.parseDouble(kv.get("setup_s")));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("result line has a malformed number (" + e.getMessage() + "): "
                        + line, e);
            }
        }
    }

    /**
     * Random patches and labels, a few fixed batches in turn; loss = cross-entropy + wiring cost.
     * The batches are made once, before any update's scope, and live as long as the task.
     */
    private static final class SyntheticImages implements TrainingTask {
        private final Columnformer model;
        private final Tensor patches;
        private final Tensor labels;
        private final Tensor ones;

        SyntheticImages(Columnformer model, ColumnformerConfig cfg) {
            this.model = model;
            int pixels = cfg.patch() * cfg.patch();
            patches = Init.normal(1, BATCHES, BATCH, cfg.patches(), pixels);
            Rng rng = new Rng(7);
            long[] y = new long[BATCHES * BATCH];
            for (int i = 0; i < y.length; i++) {
                y[i] = rng.nextInt(CLASSES);
            }
            labels = Tensors.longs(y, BATCHES, BATCH);
            ones = Tensors.ones(BATCH);
        }

        @Override
        public Map<String, Tensor> parameters() {
            return model.parameters();
        }

        @Override
        public Loss forward(long step) {
            int b = (int) (step % BATCHES);
            Columnformer.Output out = model.forward(patches.select(0, b), null);
            Tensor ce = Losses.maskedCrossEntropy(model.classify(out), labels.select(0, b), ones);
            Columnformer.Wiring w = model.wiring(out);
            Map<String, Tensor> metrics = new LinkedHashMap<>();
            metrics.put("ce_loss", ce);
            metrics.put("wiring_cost", w.cost());
            return new Loss(ce.add(w.cost()), metrics);
        }

        @Override
        public Map<String, Tensor> state() {
            return Map.of();
        }

        @Override
        public void loadState(Map<String, Tensor> saved, String source) {}
    }
}
