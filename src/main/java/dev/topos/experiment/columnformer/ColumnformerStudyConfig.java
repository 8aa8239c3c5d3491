package dev.topos.experiment.columnformer;

import static dev.topos.config.Configs.at;

import dev.topos.config.Check;
import dev.topos.config.Validated;
import dev.topos.data.image.ImageData;
import dev.topos.experiment.StudyConfig;
import dev.topos.model.ColumnformerConfig;
import dev.topos.train.TrainConfig;
import java.util.List;

/**
 * The config of a Columnformer study (spec columnformer.md section 7): an image data set, the task
 * (masked image modelling or classification), the model, optimisation (the reference's AdamW lr
 * 6e-4, betas (0.9, 0.95), wd 0.05, warm-up 10% then cosine to 5%, clip 1.0), prune-and-grow for
 * sparse models, and the analyses.
 */
public record ColumnformerStudyConfig(String study, String name, long seed, Data data, String task, double maskRatio,
                                      ColumnformerConfig model, int batch, TrainConfig train, Rewire rewire,
                                      Analysis analysis) implements StudyConfig {
    public static final List<String> TASKS = List.of("mim", "classify");

    /**
     * @param dataset            fashion-mnist or mnist
     * @param validation         fraction of the training images held out for validation
     * @param mnistTestFraction  mnist only (its 10k digits have no test split): fraction held out for test
     */
    public record Data(String dataset, double validation, double mnistTestFraction) implements Validated {
        @Override
        public void validate(String p) {
            Check.oneOf(at(p, "dataset"), dataset, ImageData.NAMES);
            Check.range(at(p, "validation"), validation, 0.001, 0.5);
            Check.range(at(p, "mnist_test_fraction"), mnistTestFraction, 0.01, 0.5);
        }
    }

    /**
     * Prune-and-grow of sparse attention (spec section 6).
     *
     * @param every    updates between rewirings; 0 = never
     * @param fraction share of each column's non-self sources replaced
     */
    public record Rewire(int every, double fraction) implements Validated {
        @Override
        public void validate(String p) {
            Check.range(at(p, "every"), every, 0, 1e9);
            Check.range(at(p, "fraction"), fraction, 0.001, 0.999);
        }
    }

    /**
     * @param evalBatch     images per forward pass in evaluation and analysis
     * @param probeImages   training images whose features fit the linear probe
     * @param probeSteps    full-batch updates of the probe's logistic regression
     * @param mapImages     test images whose mean attention and features the connectivity analyses use
     * @param topEdges      fraction of strongest connections kept for modularity and small-worldness
     * @param nulls         random graphs per small-worldness null
     */
    public record Analysis(int evalBatch, int probeImages, int probeSteps, int mapImages, double topEdges, int nulls)
            implements Validated {
        @Override
        public void validate(String p) {
            Check.range(at(p, "eval_batch"), evalBatch, 1, 1 << 14);
            Check.range(at(p, "probe_images"), probeImages, 10, 1e7);
            Check.range(at(p, "probe_steps"), probeSteps, 1, 1e6);
            Check.range(at(p, "map_images"), mapImages, 1, 1e6);
            Check.range(at(p, "top_edges"), topEdges, 1e-4, 1);
            Check.range(at(p, "nulls"), nulls, 1, 1000);
        }
    }

    public static ColumnformerStudyConfig defaults() {
        return new ColumnformerStudyConfig("columnformer", "columnformer", 42, new Data("fashion-mnist", 0.1, 0.2),
                "classify", 0.75, ColumnformerConfig.defaults(), 64,
                new TrainConfig(1000, 6e-4, 1, 1_000_000, 0.9, 0.95, 0.05, 1.0, 10, 100, 2, "cosine", 0.1, 0.05)
                        .withValidateEvery(500),
                new Rewire(0, 0.1), new Analysis(250, 10_000, 300, 500, 0.1, 20));
    }

    @Override
    public void validate(String p) {
        Check.oneOf(at(p, "study"), study, List.of("columnformer"));
        Check.name(at(p, "name"), name);
        data.validate(at(p, "data"));
        Check.oneOf(at(p, "task"), task, TASKS);
        Check.range(at(p, "mask_ratio"), maskRatio, 0.01, 0.99);
        model.validate(at(p, "model"));
        Check.range(at(p, "batch"), batch, 1, 1 << 14);
        train.validate(at(p, "train"));
        rewire.validate(at(p, "rewire"));
        Check.require(rewire.every() == 0 || model.sparse(), at(p, "rewire.every") + " = " + rewire.every()
                + " needs " + at(p, "model.attention") + " = sparse (dense attention has nothing to rewire)");
        analysis.validate(at(p, "analysis"));
    }

    public boolean mim() {
        return "mim".equals(task);
    }
}
