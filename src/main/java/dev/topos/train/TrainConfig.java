package dev.topos.train;

import static dev.topos.config.Configs.at;

import dev.topos.config.Check;
import dev.topos.config.Validated;

/**
 * Optimisation settings shared by every experiment.
 *
 * @param steps           number of updates
 * @param lr              peak learning rate
 * @param lrDecay         step decay factor (TEM: x0.5 every 4000 updates); 1 = constant
 * @param lrDecayEvery    updates between decays
 * @param beta1           Adam beta1
 * @param beta2           Adam beta2
 * @param weightDecay     decoupled weight decay
 * @param clip            global gradient-norm clip; 0 = off
 * @param logEvery        updates per metrics.jsonl line (metrics are averaged over the window)
 * @param checkpointEvery updates between checkpoints (a multiple of logEvery)
 * @param keepCheckpoints how many checkpoints to keep
 */
public record TrainConfig(long steps, double lr, double lrDecay, long lrDecayEvery, double beta1, double beta2,
                          double weightDecay, double clip, int logEvery, int checkpointEvery, int keepCheckpoints)
        implements Validated {

    @Override
    public void validate(String p) {
        Check.range(at(p, "steps"), steps, 1, 1e9);
        Check.range(at(p, "lr"), lr, 1e-8, 1);
        Check.range(at(p, "lr_decay"), lrDecay, 1e-3, 1);
        Check.range(at(p, "lr_decay_every"), lrDecayEvery, 1, 1e9);
        Check.range(at(p, "beta1"), beta1, 0, 0.9999);
        Check.range(at(p, "beta2"), beta2, 0, 0.99999);
        Check.range(at(p, "weight_decay"), weightDecay, 0, 1);
        Check.range(at(p, "clip"), clip, 0, 1e6);
        Check.range(at(p, "log_every"), logEvery, 1, 1e6);
        Check.range(at(p, "checkpoint_every"), checkpointEvery, 1, 1e9);
        Check.range(at(p, "keep_checkpoints"), keepCheckpoints, 1, 1000);
        Check.require(checkpointEvery % logEvery == 0, at(p, "checkpoint_every") + " = " + checkpointEvery
                + " must be a multiple of " + at(p, "log_every") + " = " + logEvery);
    }

    /** Learning rate of update {@code step} (0-based): lr * lrDecay^floor(step / lrDecayEvery). */
    public double learningRate(long step) {
        return lr * Math.pow(lrDecay, step / lrDecayEvery);
    }
}
