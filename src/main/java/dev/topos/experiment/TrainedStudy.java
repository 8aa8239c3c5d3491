package dev.topos.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.topos.config.Configs;
import dev.topos.config.Precision;
import dev.topos.nn.MixedPrecision;
import dev.topos.train.Checkpoints;
import dev.topos.train.TrainLoop;
import dev.topos.train.TrainingTask;
import dev.topos.util.Rng;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A study that trains one model and then analyses it. {@link #run} binds the resolved config,
 * {@linkplain #prepare prepares the data}, builds the {@linkplain #model model} (seeded after the
 * data are prepared) and its {@linkplain #task training task}, prints the
 * {@linkplain #description description}, trains (continuing from the latest checkpoint if asked)
 * and {@linkplain #analyze(Path, StudyConfig, Object) analyses} the run, in the precision it trained in;
 * a subclass says only what differs.
 *
 * @param <C> the study's config
 * @param <D> the data the model trains and is analysed on
 * @param <M> the model trained
 * @param <T> the training task around the model
 */
public abstract class TrainedStudy<C extends StudyConfig, D, M, T extends TrainingTask> implements Study {
    private final String name;
    private final Class<C> type;
    private final Supplier<C> defaults;

    /**
     * @param name     the value of the {@code study} key that selects this study
     * @param type     the study's config record
     * @param defaults the config the user's values are merged over
     */
    protected TrainedStudy(String name, Class<C> type, Supplier<C> defaults) {
        this.name = name;
        this.type = type;
        this.defaults = defaults;
    }

    /** The data a config names; {@code runDir} keeps what must not change under a trained model (a vocabulary). */
    protected abstract D prepare(C cfg, Path runDir) throws IOException;

    /**
     * The model a config names, with its initial weights seeded from {@code cfg.seed()} just
     * before it is built, so that the analysis rebuilding it from a checkpoint draws the same.
     */
    protected abstract M model(C cfg, D data);

    /** The training task that trains {@code model} on {@code data}. */
    protected abstract T task(C cfg, D data, M model);

    /** The line printed before training, if any, e.g. how many epochs the updates make. */
    protected Optional<String> description(C cfg, D data, M model, T task) {
        return Optional.empty();
    }

    /** Evaluates and analyses the run folder's latest checkpoint and writes the report. */
    protected abstract void analyze(Path runDir, C cfg, D data) throws IOException;

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final ObjectNode resolve(ObjectNode userConfig, String source) {
        return StudyConfigs.resolve(defaults.get(), userConfig, type, source);
    }

    /** Reads a run folder's resolved config. */
    public final C config(Path runDir) throws IOException {
        return StudyConfigs.read(runDir, type, defaults.get());
    }

    @Override
    public final void run(Path runDir, ObjectNode resolvedConfig, boolean resume) throws IOException {
        C cfg = Configs.bind(resolvedConfig, type, runDir.resolve(StudyConfigs.FILE).toString());
        D data = prepare(cfg, runDir);
        M model = model(cfg, data);
        T task = task(cfg, data, model);
        description(cfg, data, model, task).ifPresent(System.out::println);
        TrainLoop loop = new TrainLoop(task, cfg.train(), runDir, new Rng(cfg.seed()));
        if (resume) {
            loop.resume();
        }
        loop.run(cfg.name());
        analyzeIn(runDir, cfg, data, AnalysisInputs.NONE);
    }

    /** A trained run resumes from its latest checkpoint; without one there is nothing to continue. */
    @Override
    public final Optional<String> notResumable(Path runDir) throws IOException {
        Checkpoints checkpoints = new Checkpoints(runDir);
        return checkpoints.latest().isPresent() ? Optional.empty() : Optional.of("it holds no checkpoint to resume "
                + "from (" + checkpoints.dir() + " is empty or missing: the run stopped before its first checkpoint, "
                + "every train.checkpoint_every updates)");
    }

    @Override
    public final void analyze(Path runDir) throws IOException {
        analyze(runDir, AnalysisInputs.NONE);
    }

    /**
     * Checks first what can be checked without data or model (a checkpoint to analyse, the suite
     * files), then prepares the data and analyses.
     */
    @Override
    public final void analyze(Path runDir, AnalysisInputs extra) throws IOException {
        C cfg = config(runDir);
        Checkpoints checkpoints = new Checkpoints(runDir);
        if (checkpoints.latest().isEmpty()) {
            throw new IOException(runDir + ": no checkpoint to analyse (" + checkpoints.dir() + " is empty or "
                    + "missing); train first, or resume the run with 'topos run ... --resume'");
        }
        checkInputs(cfg, extra);
        analyzeIn(runDir, cfg, prepare(cfg, runDir), extra);
    }

    /**
     * Checks what the user adds (test-suite files, minimal pairs) before any data or model work; only
     * language-model studies accept any.
     */
    protected void checkInputs(C cfg, AnalysisInputs extra) throws IOException {
        extra.require(name, false, false);
    }

    /**
     * {@link #analyze(Path, StudyConfig, Object)} with what the user adds (checked by
     * {@link #checkInputs}); only studies that take any override this.
     */
    protected void analyze(Path runDir, C cfg, D data, AnalysisInputs extra) throws IOException {
        analyze(runDir, cfg, data);
    }

    /**
     * The analysis in the precision the model trained in ({@code train.precision}): evaluation
     * rollouts and activations are what the trained model computes.
     */
    private void analyzeIn(Path runDir, C cfg, D data, AnalysisInputs extra) throws IOException {
        Precision trained = MixedPrecision.resolve(cfg.train().precisionSetting());
        try (MixedPrecision.Scope ignored = MixedPrecision.enter(trained)) {
            analyze(runDir, cfg, data, extra);
        }
    }
}
