package dev.topos.nn;

import org.bytedeco.pytorch.Tensor;

/**
 * A path-integrating position code (the TEM-transformer's e): each step's code follows from the
 * previous one and the action taken, and a learned e0 starts every world. {@link PathIntegration}
 * is the paper's form; {@link RotationPathIntegration} one whose moves commute.
 */
public interface PositionCode {
    /** E, the size of the code. */
    int units();

    /** Number of actions (stay first). */
    int actions();

    /**
     * The codes of a chunk from the code {@code e} (B, E) carried in: e_t = e0 where a world starts
     * at step t, else the move a_t applied to e_{t-1}.
     *
     * @param actions    (B, T) int64, the action taken into each step
     * @param start      (B, T) 1 where a world starts at the step, else 0
     * @param continuing (B, T) 1 - start
     * @return (B, T, E) every step's code; its last step is the code to carry on
     */
    Tensor integrate(Tensor e, Tensor actions, Tensor start, Tensor continuing);

    /**
     * One step at a time, for a caller that changes the code between steps (landmark correction):
     * the moves are built once, and {@link Stepper#next} applies one.
     */
    Stepper stepper();

    /** Path integration one step at a time, with this chunk's moves. */
    interface Stepper {
        /**
         * e_t from e_{t-1}: e0 where a world starts, else the move {@code action} applied.
         *
         * @param e          (B, E) the previous code
         * @param action     (B) int64, the action taken into the step
         * @param start      (B, 1) 1 where a world starts at the step
         * @param continuing (B, 1) 1 - start
         */
        Tensor next(Tensor e, Tensor action, Tensor start, Tensor continuing);
    }

    /** Multiply-add FLOPs (2 per multiply-add) of its matrix products over a chunk of batch x steps. */
    double flops(int batch, int steps);
}
