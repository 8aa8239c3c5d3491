package dev.topos.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

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
public final class LearnedPositions extends AbstractBlock {
    private static final byte VERSION = 1;
    /** Keeps sqrt differentiable where D = 0 (a column and itself, unlifted). */
    private static final double EPS = 1e-12;
    private final float[] start;
    private final Parameter positions;
    private final double lift;

    /**
     * @param start initial coordinates, N x dim (e.g. a fixed sheet's)
     * @param lift  h, the height the distances are seen from
     */
    public LearnedPositions(double[][] start, double lift) {
        super(VERSION);
        int n = start.length;
        int dim = start[0].length;
        this.start = new float[n * dim];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                this.start[i * dim + d] = (float) start[i][d];
            }
        }
        this.lift = lift;
        positions = addParameter(Parameter.builder().setName("positions").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(n, dim))
                .optInitializer((m, shape, type) -> m.create(this.start, shape).toType(type, true)).build());
    }

    /** |p_i - p_j|^2, (N, N). */
    private NDArray squared() {
        NDArray p = positions.getArray();
        return p.expandDims(1).sub(p.expandDims(0)).square().sum(new int[] {-1});
    }

    /** D (N, N), differentiable in the positions. */
    public NDArray distances() {
        return Tensors.add(squared(), lift * lift + EPS).sqrt();
    }

    /** R, the mean soft-core overlap of distinct columns (a scalar). */
    public NDArray repulsion() {
        NDArray overlap = Tensors.div(squared(), -2.0).exp();
        long n = overlap.getShape().get(0);
        NDArray self = overlap.getManager().eye((int) n).toType(overlap.getDataType(), false);
        return Tensors.div(overlap.mul(Tensors.oneMinus(self)).sum(), (double) n * (n - 1));
    }

    /** The current positions (N, dim). */
    public NDArray positions() {
        return positions.getArray();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        return new NDList(distances());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long n = positions.getShape().get(0);
        return new Shape[] {new Shape(n, n)};
    }
}
