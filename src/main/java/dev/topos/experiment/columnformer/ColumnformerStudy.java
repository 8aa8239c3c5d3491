package dev.topos.experiment.columnformer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.topos.config.Configs;
import dev.topos.experiment.Study;
import dev.topos.experiment.StudyConfigs;
import dev.topos.model.Columnformer;
import dev.topos.nn.Engine;
import dev.topos.train.TrainLoop;
import dev.topos.util.Rng;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The Columnformer study (spec columnformer.md): train a Columnformer on Fashion-MNIST or MNIST by
 * masked image modelling or classification, evaluate it, analyse its connectivity and write the
 * report.
 */
public final class ColumnformerStudy implements Study {
    @Override
    public String name() {
        return "columnformer";
    }

    @Override
    public ObjectNode resolve(ObjectNode userConfig, String source) {
        return StudyConfigs.resolve(ColumnformerStudyConfig.defaults(), userConfig, ColumnformerStudyConfig.class,
                source);
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
    public void run(Path runDir, ObjectNode resolvedConfig, boolean resume) throws IOException {
        ColumnformerStudyConfig cfg = Configs.bind(resolvedConfig, ColumnformerStudyConfig.class,
                runDir.resolve(StudyConfigs.FILE).toString());
        ImageInputs inputs = ImageInputs.prepare(cfg, System.out::println);
        Columnformer model = model(cfg, inputs.train().classes());
        ImageTask task = new ImageTask(model, inputs, cfg);
        System.out.printf("%s on %d columns (%s): %d updates of %d images = %.2f epochs of %,d%n", cfg.task(),
                model.sheet().size(), model.sheet().kind(), cfg.train().steps(), cfg.batch(),
                (double) cfg.train().steps() / task.updatesPerEpoch(), inputs.train().size());
        TrainLoop loop = new TrainLoop(task, cfg.train(), runDir, new Rng(cfg.seed()));
        if (resume) {
            loop.resume();
        }
        loop.run(cfg.name());
        ColumnformerAnalysis.run(runDir, cfg, inputs);
    }

    @Override
    public void analyze(Path runDir) throws IOException {
        ColumnformerStudyConfig cfg = StudyConfigs.read(runDir, ColumnformerStudyConfig.class);
        ColumnformerAnalysis.run(runDir, cfg, ImageInputs.prepare(cfg, System.out::println));
    }
}
