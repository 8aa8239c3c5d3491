package dev.topos.experiment.topoformer;

import dev.topos.data.suites.MinimalPairs;
import dev.topos.experiment.AnalysisInputs;
import dev.topos.experiment.TrainedStudy;
import dev.topos.model.TopoformerBert;
import dev.topos.nn.Engine;
import dev.topos.util.Rng;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Topoformer-BERT study (Binhuraib, Tuckute &amp; Blauch 2024, their BERT): masked-language
 * pretraining of {@link TopoformerBert} (or one of its controls, {@code model.control}) on real
 * English, then its masked-LM scores and the topography of every layer, trained and at
 * initialisation.
 */
public final class TopoformerBertStudy
        extends TrainedStudy<TopoformerBertStudyConfig, PretrainingData, TopoformerBert, MlmTask> {
    /**
     * Masked-token accuracy and loss, the fine-tuned accuracies, minimal-pair accuracy, and every site's
     * Moran's I (means over layers), the key's and attention output's beside their values at initialisation.
     */
    static final List<String> KEY_FIGURES = List.of("val_acc", "val_loss", "val_ppl", "finetune.imdb.test_acc",
            "finetune.uci.test_acc", "minimal_pairs.acc", "moran.key", "init.moran.key", "moran.attn_out",
            "init.moran.attn_out", "moran.query", "moran.value", "moran.ffn_out", "attention.entropy");

    public TopoformerBertStudy() {
        super("topoformer-bert", TopoformerBertStudyConfig.class, TopoformerBertStudyConfig::defaults);
    }

    @Override
    public List<String> keyFigures() {
        return KEY_FIGURES;
    }

    /** The model a config names, with seeded initial weights (the same at every call). */
    static TopoformerBert model(TopoformerBertStudyConfig cfg) {
        Engine.seed(cfg.seed());
        return new TopoformerBert(cfg.model(), Rng.derive(cfg.seed(), 1));
    }

    @Override
    protected PretrainingData prepare(TopoformerBertStudyConfig cfg, Path runDir) throws IOException {
        return PretrainingData.prepare(cfg, runDir, System.out::println);
    }

    @Override
    protected TopoformerBert model(TopoformerBertStudyConfig cfg, PretrainingData data) {
        return model(cfg);
    }

    @Override
    protected MlmTask task(TopoformerBertStudyConfig cfg, PretrainingData data, TopoformerBert model) {
        return new MlmTask(model, data.corpus().train(), data.validation(), data.masking(), cfg.batch(),
                cfg.analysis().evalBatch(), cfg.seed());
    }

    @Override
    protected Optional<String> description(TopoformerBertStudyConfig cfg, PretrainingData data, TopoformerBert model,
                                           MlmTask task) {
        return Optional.of(String.format("%s: %,d parameters; %d updates of %d sequences = %.2f epochs of %,d "
                        + "training sequences", cfg.model().label(), model.parameterCount(), cfg.train().steps(),
                cfg.batch(), (double) cfg.train().steps() / task.updatesPerEpoch(), data.corpus().train().length));
    }

    @Override
    protected void analyze(Path runDir, TopoformerBertStudyConfig cfg, PretrainingData data) throws IOException {
        analyze(runDir, cfg, data, AnalysisInputs.NONE);
    }

    /**
     * Reads every suite, configured and given, and the minimal pairs, so that a bad file is reported
     * before any data or model work.
     */
    @Override
    protected void checkInputs(TopoformerBertStudyConfig cfg, AnalysisInputs extra) throws IOException {
        extra.require(name(), true, true);
        SuiteProbe.read(cfg.analysis().suites(), extra.suites());
        if (extra.minimalPairs().isPresent()
                && !extra.minimalPairs().get().toString().equals(TopoformerBertStudyConfig.AGREEMENT)) {
            MinimalPairs.read(extra.minimalPairs().get(), cfg.analysis().minimalPairsMax());
        }
    }

    @Override
    protected void analyze(Path runDir, TopoformerBertStudyConfig cfg, PretrainingData data, AnalysisInputs extra)
            throws IOException {
        TopoformerBertAnalysis.run(runDir, cfg, data, extra);
    }
}
