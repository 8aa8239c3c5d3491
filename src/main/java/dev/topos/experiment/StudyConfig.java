package dev.topos.experiment;

import dev.topos.config.Validated;
import dev.topos.train.TrainConfig;

/** What the config of every {@link TrainedStudy} has: a run name, a seed and the training loop's settings. */
public interface StudyConfig extends Validated {
    /** The run's name, which labels its training progress. */
    String name();

    /** Seeds the model's initial weights and the training loop's generator. */
    long seed();

    /** The training loop's settings. */
    TrainConfig train();
}
