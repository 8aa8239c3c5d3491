package dev.topos.model;

import java.util.Map;
import java.util.Optional;
import org.bytedeco.pytorch.Tensor;

/**
 * A model that walks grid worlds: at each step it predicts the observation it will see from what
 * it has seen and the actions it took. TEM-t and the LSTM baseline both are one.
 */
public interface WalkPredictor {
    /** Trainable parameters under their module-tree names. */
    Map<String, Tensor> parameters();

    /** Total number of scalar parameters. */
    long parameterCount();

    /** The carry before any step (every slot starts a world at its first step). */
    Carry initialCarry(int batch);

    /**
     * {@link #initialCarry(int)} for a model with an attention memory that keeps the last
     * {@code memoryCapacity} steps (e.g. a whole evaluation walk); a model without one ignores it.
     */
    default Carry initialCarry(int batch, int memoryCapacity) {
        return initialCarry(batch);
    }

    /** Predicts every step of the chunk and advances {@code carry} past it. */
    Prediction forward(Carry carry, WalkBatch batch);

    /** Number of observation symbols. */
    int symbols();

    /**
     * The angle each action turns each plane of the position code by, (actions, planes) with rows stay,
     * N, E, S, W, for a model whose moves are commuting rotations; empty for any other model.
     */
    default Optional<double[][]> moveAngles() {
        return Optional.empty();
    }

    /**
     * Multiply-add FLOPs (2 per multiply-add) of the matrix products in one forward pass over a
     * chunk of {@code batch} x {@code steps}, with the memory full; elementwise work is not counted.
     */
    double forwardFlops(int batch, int steps);

    /**
     * @param logits    (B, T, S) prediction of each step's observation
     * @param codes     (B, T, U) the model's state at each step (TEM-t: position code e; LSTM: h)
     * @param attention (B, T, K) attention over [carried memories, this chunk], or null
     * @param pathCodes (B, T, U) TEM-t's path-integrated code g_PI before landmark correction (= codes without
     *                  it), or null for a model without a position code
     * @param corrected (B, T, S) TEM-t's prediction from the corrected code, or null without landmark correction
     * @param gridUnits (B, T, G) the non-negative units through which TEM-t's memory reads each step's
     *                  path-integrated code g_PI ({@link dev.topos.nn.GridReadout}), or null for a model
     *                  without them
     */
    record Prediction(Tensor logits, Tensor codes, Tensor attention, Tensor pathCodes, Tensor corrected,
                      Tensor gridUnits) {
        /** The units whose rate maps the analyses score for grids: the grid units, else the codes. */
        public Tensor positionUnits() {
            return gridUnits != null ? gridUnits : codes;
        }
    }
}
