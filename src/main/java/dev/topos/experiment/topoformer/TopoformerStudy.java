package dev.topos.experiment.topoformer;

import dev.topos.experiment.AnalysisInputs;
import dev.topos.experiment.TrainedStudy;
import dev.topos.model.Topoformer;
import dev.topos.nn.Engine;
import dev.topos.util.Rng;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Topoformer study (spec topoformer.md): train the 1-layer classifier (or its dense control)
 * on IMDB reviews, measure validation and test accuracy, probe its layers with the linguistic test
 * suites, and write the report.
 */
public final class TopoformerStudy extends TrainedStudy<TopoformerStudyConfig, ImdbData, Topoformer, ClassifierTask> {
    /** Test and validation accuracy, Moran's I of the key, value and attention-output maps. */
    static final List<String> KEY_FIGURES = List.of("test_acc", "val_acc", "moran.key", "moran.value", "moran.attn_out");

    public TopoformerStudy() {
        super("topoformer", TopoformerStudyConfig.class, TopoformerStudyConfig::defaults);
    }

    @Override
    public List<String> keyFigures() {
        return KEY_FIGURES;
    }

    /** The model a config names, with seeded initial weights. */
    static Topoformer model(TopoformerStudyConfig cfg, int vocabulary) {
        Engine.seed(cfg.seed());
        return new Topoformer(cfg.model(), vocabulary, Rng.derive(cfg.seed(), 1));
    }

    @Override
    protected ImdbData prepare(TopoformerStudyConfig cfg, Path runDir) throws IOException {
        return ImdbData.prepare(cfg, runDir, System.out::println);
    }

    @Override
    protected Topoformer model(TopoformerStudyConfig cfg, ImdbData data) {
        return model(cfg, data.vocabulary().size());
    }

    @Override
    protected ClassifierTask task(TopoformerStudyConfig cfg, ImdbData data, Topoformer model) {
        return new ClassifierTask(model, data.train(), cfg.analysis().reviews(data.validation()), cfg.batch(), cfg.analysis().evalBatch(),
                cfg.seed());
    }

    @Override
    protected Optional<String> description(TopoformerStudyConfig cfg, ImdbData data, Topoformer model,
                                           ClassifierTask task) {
        return Optional.of(String.format("%d updates of %d reviews = %.2f epochs of %,d training reviews",
                cfg.train().steps(), cfg.batch(), (double) cfg.train().steps() / task.updatesPerEpoch(),
                data.train().size()));
    }

    @Override
    protected void analyze(Path runDir, TopoformerStudyConfig cfg, ImdbData data) throws IOException {
        analyze(runDir, cfg, data, AnalysisInputs.NONE);
    }

    /** Reads every suite, configured and given, so that a bad one is reported before the model is loaded. */
    @Override
    protected void checkInputs(TopoformerStudyConfig cfg, AnalysisInputs extra) throws IOException {
        extra.require(name(), true, false);
        SuiteProbe.read(cfg.analysis().suites(), extra.suites());
    }

    @Override
    protected void analyze(Path runDir, TopoformerStudyConfig cfg, ImdbData data, AnalysisInputs extra)
            throws IOException {
        TopoformerAnalysis.run(runDir, cfg, data, extra.suites());
    }
}
