package dev.topos.experiment.tem;

import dev.topos.data.grid.BoxWorld;
import dev.topos.experiment.TrainedStudy;
import dev.topos.model.LstmBaseline;
import dev.topos.model.TemTransformer;
import dev.topos.model.WalkPredictor;
import dev.topos.nn.Engine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The TEM study: train a walk model (TEM-t or the LSTM baseline) on grid-world walks, evaluate it
 * on fresh worlds, analyse its spatial representations and write the report. It has no data to
 * prepare: the task walks worlds it generates from the config's seed.
 */
public final class TemStudy extends TrainedStudy<TemConfig, Void, WalkPredictor, TemTask> {
    /** Visited-node, zero-shot and unvisited accuracy, best grid score, final loss. */
    static final List<String> KEY_FIGURES = List.of("acc_visited", "acc_zero_shot", "acc_unvisited", "grid_score_max", "final_loss");

    public TemStudy() {
        super("tem", TemConfig.class, TemConfig::defaults);
    }

    @Override
    public List<String> keyFigures() {
        return KEY_FIGURES;
    }

    /** Builds the model a config names, with seeded initial weights. */
    public static WalkPredictor model(TemConfig cfg) {
        Engine.seed(cfg.seed());
        return switch (cfg.model().kind()) {
            case "tem-t" -> new TemTransformer(cfg.model(), cfg.world().symbols(), BoxWorld.N_ACTIONS);
            case "lstm" -> new LstmBaseline(cfg.model(), cfg.world().symbols(), BoxWorld.N_ACTIONS);
            default -> throw new IllegalArgumentException("model.kind = " + cfg.model().kind());
        };
    }

    @Override
    protected Void prepare(TemConfig cfg, Path runDir) {
        return null;
    }

    @Override
    protected WalkPredictor model(TemConfig cfg, Void none) {
        return model(cfg);
    }

    @Override
    protected TemTask task(TemConfig cfg, Void none, WalkPredictor model) {
        return new TemTask(cfg, model);
    }

    @Override
    protected void analyze(Path runDir, TemConfig cfg, Void none) throws IOException {
        TemAnalysis.run(runDir, cfg);
    }
}
