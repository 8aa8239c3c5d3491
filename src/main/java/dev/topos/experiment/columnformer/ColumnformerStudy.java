package dev.topos.experiment.columnformer;

import dev.topos.experiment.TrainedStudy;
import dev.topos.model.Columnformer;
import dev.topos.nn.Engine;
import dev.topos.util.Rng;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.List;

/**
 * The Columnformer study (spec columnformer.md): train a Columnformer on Fashion-MNIST or MNIST by
 * masked image modelling or classification, evaluate it, analyse its connectivity and write the
 * report.
 */
public final class ColumnformerStudy
        extends TrainedStudy<ColumnformerStudyConfig, ImageInputs, Columnformer, ImageTask> {
    /** Test accuracy (classification) or masked-patch loss and its baseline (MIM), wiring length. */
    static final List<String> KEY_FIGURES = List.of("test_acc", "mim_loss", "mim_baseline_loss", "wiring_length");

    public ColumnformerStudy() {
        super("columnformer", ColumnformerStudyConfig.class, ColumnformerStudyConfig::defaults);
    }

    @Override
    public List<String> keyFigures() {
        return KEY_FIGURES;
    }

    /**
     * The model a config names, with seeded initial weights. A csv geometry's file is read relative
     * to the working directory.
     */
    static Columnformer model(ColumnformerStudyConfig cfg, int classes) {
        Engine.seed(cfg.seed());
        int outputs = cfg.mim() ? cfg.model().patch() * cfg.model().patch() : classes;
        return new Columnformer(cfg.model(), cfg.model().geometry().sheet(Path.of("")), outputs,
                Rng.derive(cfg.seed(), 1));
    }

    @Override
    protected ImageInputs prepare(ColumnformerStudyConfig cfg, Path runDir) throws IOException {
        return ImageInputs.prepare(cfg, System.out::println);
    }

    @Override
    protected Columnformer model(ColumnformerStudyConfig cfg, ImageInputs inputs) {
        return model(cfg, inputs.train().classes());
    }

    @Override
    protected ImageTask task(ColumnformerStudyConfig cfg, ImageInputs inputs, Columnformer model) {
        return new ImageTask(model, inputs, cfg);
    }

    @Override
    protected Optional<String> description(ColumnformerStudyConfig cfg, ImageInputs inputs, Columnformer model,
                                           ImageTask task) {
        return Optional.of(String.format("%s on %d columns (%s): %d updates of %d images = %.2f epochs of %,d",
                cfg.task(), model.sheet().size(), model.sheet().kind(), cfg.train().steps(), cfg.batch(),
                (double) cfg.train().steps() / task.updatesPerEpoch(), inputs.train().size()));
    }

    @Override
    protected void analyze(Path runDir, ColumnformerStudyConfig cfg, ImageInputs inputs) throws IOException {
        ColumnformerAnalysis.run(runDir, cfg, inputs);
    }
}
