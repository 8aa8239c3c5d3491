package dev.topos.experiment.tem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.topos.config.Configs;
import dev.topos.data.grid.BoxWorld;
import dev.topos.experiment.Study;
import dev.topos.experiment.StudyConfigs;
import dev.topos.model.LstmBaseline;
import dev.topos.model.TemTransformer;
import dev.topos.model.WalkPredictor;
import dev.topos.nn.Engine;
import dev.topos.train.TrainLoop;
import dev.topos.util.Rng;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The TEM study: train a walk model (TEM-t or the LSTM baseline) on grid-world walks, evaluate it
 * on fresh worlds, analyse its spatial representations and write the report.
 */
public final class TemStudy implements Study {
    @Override
    public String name() {
        return "tem";
    }

    @Override
    public ObjectNode resolve(ObjectNode userConfig, String source) {
        return StudyConfigs.resolve(TemConfig.defaults(), userConfig, TemConfig.class, source);
    }

    /** Reads a run folder's resolved config. */
    public static TemConfig config(Path runDir) throws IOException {
        return StudyConfigs.read(runDir, TemConfig.class);
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
    public void run(Path runDir, ObjectNode resolvedConfig, boolean resume) throws IOException {
        TemConfig cfg = Configs.bind(resolvedConfig, TemConfig.class, runDir.resolve(StudyConfigs.FILE).toString());
        WalkPredictor model = model(cfg);
        TemTask task = new TemTask(cfg, model);
        TrainLoop loop = new TrainLoop(task, cfg.train(), runDir, new Rng(cfg.seed()));
        if (resume) {
            loop.resume();
        }
        loop.run(cfg.name());
        analyze(runDir);
    }

    @Override
    public void analyze(Path runDir) throws IOException {
        TemAnalysis.run(runDir, config(runDir));
    }
}
