package dev.topos.nn;

import dev.topos.geometry.Sheet;
import dev.topos.util.Rng;
import org.bytedeco.pytorch.Tensor;

/**
 * The wiring cost of attention between columns (Columnformer spec section 5; reference
 * {@code columnformers/losses.py}):
 *
 * <pre>
 *   L_w = lambda * mean over (batch, step, head, column i) of  sum_j A_ij W_ij,   W = D^p / mean(D^p)
 * </pre>
 *
 * D the sheet's distances, mean(D^p) over all pairs of columns, so W is unitless and the cost does
 * not depend on the sheet's scale. {@link #length} is the same average with W = D: the mean
 * attention-weighted distance, the "wiring length" every run reports.
 *
 * @param lambda weight of the cost in the loss, &gt;= 0 (the reference tried 0.01 and 0.1)
 * @param power  p &gt; 0 (default 1)
 */
public record WiringCost(double lambda, double power) {
    /** Pairs averaged exactly below this many; above it mean(D^p) is estimated from this many random pairs. */
    public static final long EXACT_PAIRS = 1L << 22;

    public WiringCost {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("wiring cost lambda must be >= 0, got " + lambda);
        }
        if (!(power > 0) || !Double.isFinite(power)) {
            throw new IllegalArgumentException("wiring cost power p must be > 0, got " + power);
        }
    }

    /**
     * The cost of one step's attention.
     *
     * @param weights   A (..., N, K), rows summing to 1
     * @param distances D_ik of every weight, (N, K)
     * @param meanPower mean(D^p) over all pairs of the sheet (a 0-d tensor)
     */
    public Tensor of(Tensor weights, Tensor distances, Tensor meanPower) {
        return length(weights, Tensors.mul(Tensors.pow(distances, power), lambda)).div(meanPower);
    }

    /** mean over every leading axis and column of sum_k A_ik D_ik: (..., N, K) x (N, K) -&gt; scalar. */
    public static Tensor length(Tensor weights, Tensor distances) {
        return Tensors.sum(weights.mul(distances), -1).mean();
    }

    /**
     * mean(D^p) over all N^2 ordered pairs of the sheet (self pairs included, as D is a matrix):
     * exact when N^2 &lt;= {@link #EXACT_PAIRS}, else the mean over that many pairs drawn uniformly
     * with {@code rng}.
     */
    public double meanPower(Sheet sheet, Rng rng) {
        long n = sheet.size();
        double sum = 0;
        if (n * n <= EXACT_PAIRS) {
            for (int i = 0; i < n; i++) {
                for (double d : sheet.distancesFrom(i)) {
                    sum += Math.pow(d, power);
                }
            }
            return sum / (n * n);
        }
        for (long s = 0; s < EXACT_PAIRS; s++) {
            sum += Math.pow(sheet.between(rng.nextInt((int) n), rng.nextInt((int) n)), power);
        }
        return sum / EXACT_PAIRS;
    }
}
