package dev.topos.train;

import java.util.Map;
import org.bytedeco.pytorch.Tensor;

/**
 * What the {@link TrainLoop} trains: a model's parameters (its module tree's), a loss per update,
 * and whatever state the task carries between updates (data-stream position, recurrent state),
 * so that a checkpoint holds everything needed to continue exactly.
 */
public interface TrainingTask {
    /** Trainable parameters under their module-tree names. */
    Map<String, Tensor> parameters();

    /**
     * The forward pass of update {@code step} on its batch. Called inside a scope that frees every
     * tensor created here after the update; state carried to the next update must be kept out of it.
     */
    Loss forward(long step);

    /** Carried state as named tensors (copied into the checkpoint). */
    Map<String, Tensor> state();

    /** Restores {@link #state()} from a checkpoint; {@code source} names the file in errors. */
    void loadState(Map<String, Tensor> saved, String source);

    /**
     * Metrics of the model on the study's held-out validation split (e.g. {@code val_acc}), measured
     * in evaluation mode without autograd and without drawing from any generator training uses, so
     * that measuring does not change what is trained; none where the study has no validation split.
     */
    default Map<String, Double> validate() {
        return Map.of();
    }

    /** The scalar to differentiate and named scalar metrics to average over a log window. */
    record Loss(Tensor value, Map<String, Tensor> metrics) {}
}
