package dev.topos.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.Map;

/**
 * What the {@link TrainLoop} trains: a set of parameters, a loss per update, and whatever state
 * the task carries between updates (data-stream position, recurrent state), so that a checkpoint
 * holds everything needed to continue exactly.
 */
public interface TrainingTask {
    /** Trainable parameters under stable names. */
    Map<String, Parameter> parameters();

    /** Names of parameters that get no weight decay. */
    default boolean noDecay(String name) {
        return name.endsWith("bias") || name.contains("norm") || name.contains("embed");
    }

    /**
     * The forward pass of update {@code step} on its batch. Called inside a gradient collector and a
     * scope that closes every tensor created here after the update.
     */
    Loss forward(long step);

    /** Carried state as named tensors (copied into the checkpoint). */
    Map<String, NDArray> state();

    /** Restores {@link #state()} from a checkpoint; {@code source} names the file in errors. */
    void loadState(Map<String, NDArray> saved, String source);

    /** The scalar to differentiate and named scalar metrics to average over a log window. */
    record Loss(NDArray value, Map<String, NDArray> metrics) {}
}
