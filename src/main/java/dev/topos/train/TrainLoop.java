package dev.topos.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import dev.topos.util.Rng;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs updates of a {@link TrainingTask} with {@link AdamW}, logs window-averaged metrics to
 * {@code metrics.jsonl}, and writes checkpoints; {@link #resume} continues from the latest
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
                task::noDecay);
        this.checkpoints = new Checkpoints(runDir);
    }

    public long step() {
        return step;
    }

    /**
     * Loads the latest checkpoint if there is one.
     *
     * @return the checkpoint used, if any
     */
    public Optional<Path> resume(NDManager manager) throws IOException {
        Optional<Path> latest = checkpoints.latest();
        if (latest.isEmpty()) {
            return latest;
        }
        Path file = latest.get();
        String source = file.toString();
        try (NDManager tmp = manager.newSubManager()) {
            Map<String, NDArray> saved = Checkpoints.load(file, tmp);
            Checkpoints.loadParameters(saved, task.parameters(), source);
            optimizer.loadState(saved, source);
            long[] meta = require(saved, "meta", source).toLongArray();
            step = meta[0];
            optimizer.setStepCount(meta[1]);
            rng.setState(meta[2]);
            inWindow = meta.length > 3 ? (int) meta[3] : 0;
            window.clear();
            Checkpoints.under(saved, WINDOW_PREFIX).forEach((k, v) -> window.put(k, v.getDouble()));
            task.loadState(Checkpoints.under(saved, TASK_PREFIX), source);
        }
        if (step != Checkpoints.stepOf(file)) {
            throw new Checkpoints.CheckpointException(source + ": file name says step " + Checkpoints.stepOf(file)
                    + " but it holds step " + step);
        }
        return latest;
    }

    private static NDArray require(Map<String, NDArray> saved, String name, String source)
            throws Checkpoints.CheckpointException {
        NDArray a = saved.get(name);
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
    public void run(NDManager manager, String label) throws IOException {
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
     * One update: forward, backward, AdamW step at the scheduled learning rate; advances the step.
     *
     * @return the loss, the task's metrics and the gradient norm of this update
     */
    public Map<String, Double> update() {
        Map<String, Double> values = new LinkedHashMap<>();
        try (NDScope ignored = new NDScope()) {
            TrainingTask.Loss out;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                out = task.forward(step);
                gc.backward(out.value());
            }
            double loss = out.value().getFloat();
            if (!Double.isFinite(loss)) {
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
            for (Map.Entry<String, NDArray> m : out.metrics().entrySet()) {
                values.put(m.getKey(), (double) m.getValue().getFloat());
            }
            values.put("grad_norm", gradNorm);
        }
        step++;
        return values;
    }

    private Path checkpoint() throws IOException {
        try (NDScope ignored = new NDScope()) {
            Map<String, NDArray> all = new LinkedHashMap<>();
            NDManager m = task.parameters().values().iterator().next().getArray().getManager();
            task.parameters().forEach((k, p) -> all.put(Checkpoints.PARAM_PREFIX + k, p.getArray()));
            all.putAll(optimizer.state());
            all.put("meta", m.create(new long[] {step, optimizer.stepCount(), rng.state(), inWindow}));
            window.forEach((k, v) -> all.put(WINDOW_PREFIX + k, m.create(v.doubleValue())));
            task.state().forEach((k, v) -> all.put(TASK_PREFIX + k, v));
            return checkpoints.write(step, all, cfg.keepCheckpoints());
        }
    }
}
