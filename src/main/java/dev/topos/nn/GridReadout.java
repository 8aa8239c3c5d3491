package dev.topos.nn;

import org.bytedeco.pytorch.Tensor;

/**
 * Non-negative units read from a position code, the layer through which a model with
 * {@code model.grid_units} reads positions (TEM-t's memory takes its queries and keys from it):
 *
 * <pre>
 *   p = relu(zscore(e) W_p + b_p)            e: (..., E) position code;  p: (..., G), p &gt;= 0
 * </pre>
 *
 * trained with an activity cost lambda mean(p^2) (the study's {@code loss.grid_activity}). Dorrell,
 * Latham, Behrens &amp; Whittington (ICLR 2023, "Actionable Neural Representations: grid cells from
 * minimal constraints") show that a code which is path-integrable (here e: a sum of plane waves
 * under the rotation transition), non-negative and of bounded activity, and which separates
 * positions, is optimally made of hexagonal grid cells: non-negativity needs a constant offset, and
 * three plane waves at 60 degrees reach zero with the least offset for their modulation. The rotation
 * code's own units are signed plane waves (bands), so these are the units to score for grids.
 *
 * <p>W_p starts at N(0, 1/E) (unit-variance pre-activations for a z-scored code) and b_p at 0, so
 * half the units fire at birth.
 */
public final class GridReadout extends Module {
    private final Dense linear;
    private final int units;

    public GridReadout(int codeUnits, int units) {
        this.units = units;
        linear = child("linear", new Dense(Init.normal(1 / Math.sqrt(codeUnits), units, codeUnits),
                Init.constant(0, units)));
    }

    /** p for codes e of shape (..., E): (..., G). */
    public Tensor apply(Tensor codes) {
        return linear.apply(AttentionMemory.zscore(codes)).relu();
    }

    /** G, the number of units. */
    public int units() {
        return units;
    }
}
