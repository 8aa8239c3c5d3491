package dev.topos.train;

import dev.topos.config.Precision;
import dev.topos.nn.MixedPrecision;
import dev.topos.nn.Tensors;
import dev.topos.util.Rng;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;

/**
 * Runs updates of a {@link TrainingTask} with {@link AdamW}, logs window-averaged metrics to
 * {@code metrics.jsonl} (with the task's validation metrics every {@code train.validate_every}
 * updates), and writes checkpoints; {@link #resume} continues from the latest
 * checkpoint to the same weights and metrics as an uninterrupted run. SIGTERM or Ctrl-C
 * ({@link StopSignal}) ends training after the update under way with a checkpoint that holds the
 * half-filled log window too, so that a stopped and resumed run logs what an uninterrupted one does.
 */
public final class TrainLoop {
    /** Checkpoint names of the task's own state start with this. */
    public static final String TASK_PREFIX = "task.";
    private final TrainingTask task;
    private final TrainConfig cfg;
    private final Path runDir;
    private final Rng rng;
    private final AdamW optimizer;
    private final Checkpoints checkpoints;
    /** The precision every forward pass runs in: train.precision resolved for the device. */
    private final Precision precision;
    private long step;
    /** Updates in a row whose gradient was not finite (each skipped); more than this stops training. */
    private static final int MAX_SKIPPED_IN_A_ROW = 5;
    private int skippedInARow;
    /** Sums of each logged value over the updates since the last log line, and their count (checkpointed). */
    private final Map<String, Double> window = new LinkedHashMap<>();
    private int inWindow;
    /** Checkpoint names of the log window's sums start with this. */
    private static final String WINDOW_PREFIX = "window.";

    /** {@code rng} is the run's own generator for anything the task draws in Java; it is checkpointed. */
    public TrainLoop(TrainingTask task, TrainConfig cfg, Path runDir, Rng rng) {
        this.task = task;
        this.cfg = cfg;
        this.runDir = runDir;
        this.rng = rng;
        this.optimizer = new AdamW(task.parameters(), cfg.beta1(), cfg.beta2(), 1e-8, cfg.weightDecay(), cfg.clip(),
                AdamW.decayRule(cfg::exemptFromDecay));
        this.checkpoints = new Checkpoints(runDir);
        this.precision = MixedPrecision.resolve(cfg.precisionSetting());
    }

    public long step() {
        return step;
    }

    /**
     * Loads the latest checkpoint if there is one.
     *
     * @return the checkpoint used, if any
     */
    public Optional<Path> resume() throws IOException {
        Optional<Path> latest = checkpoints.latest();
        if (latest.isEmpty()) {
            return latest;
        }
        Path file = latest.get();
        String source = file.toString();
        try (PointerScope ignored = new PointerScope()) {
            Map<String, Tensor> saved = Checkpoints.load(file);
            Checkpoints.loadParameters(saved, task.parameters(), source);
            optimizer.loadState(saved, source);
            long[] meta = Tensors.toLongs(require(saved, "meta", source));
            step = meta[0];
            optimizer.setStepCount(meta[1]);
            rng.setState(meta[2]);
            inWindow = meta.length > 3 ? (int) meta[3] : 0;
            window.clear();
            Checkpoints.under(saved, WINDOW_PREFIX).forEach((k, v) -> window.put(k, Tensors.item(v)));
            task.loadState(Checkpoints.under(saved, TASK_PREFIX), source);
        }
        if (step != Checkpoints.stepOf(file)) {
            throw new Checkpoints.CheckpointException(source + ": file name says step " + Checkpoints.stepOf(file)
                    + " but it holds step " + step);
        }
        return latest;
    }

    private static Tensor require(Map<String, Tensor> saved, String name, String source)
            throws Checkpoints.CheckpointException {
        Tensor a = saved.get(name);
        if (a == null) {
            throw new Checkpoints.CheckpointException(source + ": no tensor '" + name + "'");
        }
        return a;
    }

    /**
     * Trains from the current step to {@code cfg.steps()}; metrics go to runDir/metrics.jsonl.
     *
     * @throws StopSignal.Stopped after SIGTERM or SIGINT: the update under way finished and a
     *     checkpoint of the step reached was written, from which {@link #resume} continues exactly
     */
    public void run(String label) throws IOException {
        Compute.current(cfg.precisionSetting()).write(runDir);
        MixedPrecision.emulationWarning(precision).ifPresent(System.err::println);
        StopSignal.install();
        StopSignal.trainingStarts();
        try {
            train(label);
        } finally {
            StopSignal.trainingEnds();
        }
    }

    private void train(String label) throws IOException {
        Progress progress = new Progress(label, step, cfg.steps());
        long windowStart = System.nanoTime();
        int timed = 0; // updates since windowStart (a resumed window's earlier ones were timed before)
        try (MetricsLog log = MetricsLog.open(runDir.resolve("metrics.jsonl"), step)) {
            while (true) {
                var signal = StopSignal.requested(); // also after the last update: no analysis then
                if (signal != null) {
                    Path saved = checkpoint();
                    throw new StopSignal.Stopped(signal, "stopped by SIG" + signal.getName() + " after update " + step
                            + "; wrote " + saved + "; continue with 'topos run ... --resume'");
                }
                if (step >= cfg.steps()) {
                    break;
                }
                double lr = cfg.learningRate(step);
                Map<String, Double> values = update();
                values.forEach((k, v) -> window.merge(k, v, Double::sum));
                inWindow++;
                timed++;
                if (step % cfg.logEvery() == 0 || step == cfg.steps()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (Map.Entry<String, Double> m : window.entrySet()) {
                        row.put(m.getKey(), m.getValue() / inWindow);
                    }
                    row.put("lr", lr);
                    double secs = (System.nanoTime() - windowStart) / 1e9;
                    row.put("updates_per_s", timed / secs);
                    if (cfg.validatesAfter(step)) {
                        row.putAll(validate());
                    }
                    log.log(step, row);
                    window.clear();
                    inWindow = 0;
                    timed = 0;
                    windowStart = System.nanoTime();
                }
                if (step % cfg.checkpointEvery() == 0 || step == cfg.steps()) {
                    checkpoint();
                }
                progress.update(step, values.get("loss"), String.format(Locale.ROOT, "lr %.2e", lr));
            }
        }
    }

    /**
     * One update: forward (in train.precision, resolved for the device), backward, AdamW step at the
     * scheduled learning rate; advances the step.
     *
     * @return the loss, the task's metrics and the gradient norm of this update
     */
    public Map<String, Double> update() {
        Map<String, Double> values = new LinkedHashMap<>();
        try (PointerScope ignored = new PointerScope()) {
            TrainingTask.Loss out;
            try (MixedPrecision.Scope ignored2 = MixedPrecision.enter(precision)) {
                out = task.forward(step);
            }
            out.value().backward();
            double loss = Tensors.item(out.value());
            if (!Double.isFinite(loss)) {
                optimizer.discardGradients();
                throw new IllegalStateException("update " + step + ": the loss is " + loss + " (metrics "
                        + out.metrics().keySet() + "); training stops before the weights are touched, and the "
                        + "checkpoints already written stay intact (lower train.lr or raise train.warmup, then "
                        + "resume)");
            }
            double gradNorm;
            try {
                gradNorm = optimizer.step(cfg.learningRate(step));
                skippedInARow = 0;
            } catch (AdamW.NonFiniteGradientException e) {
                // As mixed-precision training does with an overflowed gradient: skip this update, keep going.
                if (++skippedInARow > MAX_SKIPPED_IN_A_ROW) {
                    throw new IllegalStateException("update " + step + " (loss " + loss + "): " + e.getMessage()
                            + ", for the " + skippedInARow + "th update in a row; training stops, and the "
                            + "checkpoints already written stay intact (lower train.lr, then resume)", e);
                }
                System.out.println("update " + step + ": skipped, " + e.getMessage());
                gradNorm = Double.NaN;
                values.put("skipped", 1.0);
            }
            values.put("loss", loss);
            for (Map.Entry<String, Tensor> m : out.metrics().entrySet()) {
                values.put(m.getKey(), Tensors.item(m.getValue()));
            }
            values.put("grad_norm", gradNorm);
        }
        step++;
        return values;
    }

    /** The task's validation metrics, in the precision training runs in; not timed as training. */
    private Map<String, Double> validate() {
        try (PointerScope ignored = new PointerScope();
             MixedPrecision.Scope ignored2 = MixedPrecision.enter(precision)) {
            return task.validate();
        }
    }

    private Path checkpoint() throws IOException {
        try (PointerScope ignored = new PointerScope()) {
            Map<String, Tensor> all = new LinkedHashMap<>();
            task.parameters().forEach((k, p) -> all.put(Checkpoints.PARAM_PREFIX + k, p));
            all.putAll(optimizer.state());
            all.put("meta", Tensors.longs(new long[] {step, optimizer.stepCount(), rng.state(), inWindow}, 4));
            window.forEach((k, v) -> all.put(WINDOW_PREFIX + k, Tensors.doubles(new double[] {v}, new long[0])));
            task.state().forEach((k, v) -> all.put(TASK_PREFIX + k, v));
            return checkpoints.write(step, all, cfg.keepCheckpoints());
        }
    }
}
