package dev.topos.experiment.topoformer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.topos.config.Configs;
import dev.topos.experiment.Study;
import dev.topos.experiment.StudyConfigs;
import dev.topos.model.Topoformer;
import dev.topos.nn.Engine;
import dev.topos.train.TrainLoop;
import dev.topos.util.Rng;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The Topoformer study (spec topoformer.md): train the 1-layer classifier (or its dense control)
 * on IMDB reviews, measure validation and test accuracy, probe its layers with the linguistic test
 * suites, and write the report.
 */
public final class TopoformerStudy implements Study {
    @Override
    public String name() {
        return "topoformer";
    }

    @Override
    public ObjectNode resolve(ObjectNode userConfig, String source) {
        return StudyConfigs.resolve(TopoformerStudyConfig.defaults(), userConfig, TopoformerStudyConfig.class, source);
    }

    /** Reads a run folder's resolved config. */
    static TopoformerStudyConfig config(Path runDir) throws IOException {
        return StudyConfigs.read(runDir, TopoformerStudyConfig.class);
    }

    /** The model a config names, with seeded initial weights. */
    static Topoformer model(TopoformerStudyConfig cfg, int vocabulary) {
        Engine.seed(cfg.seed());
        return new Topoformer(cfg.model(), vocabulary, Rng.derive(cfg.seed(), 1));
    }

    @Override
    public void run(Path runDir, ObjectNode resolvedConfig, boolean resume) throws IOException {
        TopoformerStudyConfig cfg = Configs.bind(resolvedConfig, TopoformerStudyConfig.class,
                runDir.resolve(StudyConfigs.FILE).toString());
        ImdbData data = ImdbData.prepare(cfg, runDir, System.out::println);
        Topoformer model = model(cfg, data.vocabulary().size());
        ClassifierTask task = new ClassifierTask(model, data.train(), cfg.batch(), cfg.seed());
        System.out.printf("%d updates of %d reviews = %.2f epochs of %,d training reviews%n", cfg.train().steps(),
                cfg.batch(), (double) cfg.train().steps() / task.updatesPerEpoch(), data.train().size());
        TrainLoop loop = new TrainLoop(task, cfg.train(), runDir, new Rng(cfg.seed()));
        if (resume) {
            loop.resume();
        }
        loop.run(cfg.name());
        TopoformerAnalysis.run(runDir, cfg, data, List.of());
    }

    @Override
    public void analyze(Path runDir) throws IOException {
        analyze(runDir, List.of());
    }

    @Override
    public void analyze(Path runDir, List<Path> extraSuites) throws IOException {
        TopoformerStudyConfig cfg = config(runDir);
        TopoformerAnalysis.run(runDir, cfg, ImdbData.prepare(cfg, runDir, System.out::println), extraSuites);
    }
}
