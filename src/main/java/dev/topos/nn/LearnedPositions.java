package dev.topos.nn;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Column positions as parameters, for the note's question "is it possible to learn an optimal
 * geometry?" (Columnformer spec section 4). Distances follow the positions p_n in the forward graph,
 *
 * <pre>
 *   D_ij = sqrt(|p_i - p_j|^2 + h^2)                                  h: the sheet's lift (0 for none)
 *   R    = mean over i != j of exp(-|p_i - p_j|^2 / (2 r0^2))        r0 = 1, the grid spacing
 * </pre>
 *
 * so the wiring cost pulls columns that attend to each other together. The wiring cost divides by
 * mean(D^p), so shrinking the whole sheet gains nothing; what it can gain by is collapsing columns
 * onto each other, which the soft-core repulsion R (weighted in the loss) prevents: R is near 0
 * while columns stay about one spacing apart and grows to 1 as they merge.
 */
public final class LearnedPositions extends Module {
    /** Keeps sqrt differentiable where D = 0 (a column and itself, unlifted). */
    private static final double EPS = 1e-12;
    private final Tensor positions;
    private final double lift;

    /**
     * @param start initial coordinates, N x dim (e.g. a fixed sheet's)
     * @param lift  h, the height the distances are seen from
     */
    public LearnedPositions(double[][] start, double lift) {
        int n = start.length;
        int dim = start[0].length;
        double[] flat = new double[n * dim];
        for (int i = 0; i < n; i++) {
            System.arraycopy(start[i], 0, flat, i * dim, dim);
        }
        this.lift = lift;
        positions = parameter("positions", Tensors.doubles(flat, n, dim).toType(Engine.floatType()));
    }

    /** |p_i - p_j|^2, (N, N). */
    private Tensor squared() {
        return Tensors.sum(positions.unsqueeze(1).sub(positions.unsqueeze(0)).square(), -1);
    }

    /** D (N, N), differentiable in the positions. */
    public Tensor distances() {
        return Tensors.add(squared(), lift * lift + EPS).sqrt();
    }

    /** R, the mean soft-core overlap of distinct columns (a scalar). */
    public Tensor repulsion() {
        Tensor overlap = Tensors.div(squared(), -2.0).exp();
        long n = overlap.size(0);
        Tensor self = torch.eye(n, Tensors.options(overlap.scalar_type().intern()));
        return Tensors.div(overlap.mul(Tensors.oneMinus(self)).sum(), (double) n * (n - 1));
    }

    /** The current positions (N, dim). */
    public Tensor positions() {
        return positions;
    }
}
