package dev.topos.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * Action-dependent path integration of the TEM-transformer (Whittington, Warren &amp; Behrens,
 * ICLR 2022, eq. 4):
 *
 * <pre>
 *   e_{t+1} = sigma( e_t W_{a_t} ),   W_a = I + reshape( tanh(onehot(a) W_h) W_o )
 * </pre>
 *
 * W_h (moves x hidden, no bias) and W_o (hidden x E*E); sigma is linear or ReLU. As in TEM, "stay"
 * is the zero action vector, so through the bias-free MLP W_stay = I always. A learned {@code e0}
 * starts every world.
 *
 * <p>W_o is drawn from N(0, initStd^2). The spec's zero init (every move the identity at birth)
 * is a fixed point: all codes, hence all keys, are equal, so the gradient reaching W_o is exactly
 * zero and training never leaves it; a small random start breaks the symmetry.
 *
 * <p>With {@code orthogonal} (Topos's option, not the paper's), the MLP output is read as a
 * generator instead of an increment: A_a = reshape(tanh(onehot(a) W_h) W_o), S = A - A^T, and
 * W_a = (I - S)(I + S)^{-1} (the Cayley map). W_a is then orthogonal, so path integration neither
 * explodes nor vanishes however long the walk, zero output is still the identity, and the inverse
 * of a move is the negated generator (Cayley(-S) = Cayley(S)^{-1}).
 *
 * <p>With {@code normalise}, each new code is rescaled to unit root-mean-square,
 * e &lt;- e / sqrt(mean(e^2) + 1e-6). This is Topos's addition, not the paper's: the code is
 * carried over thousands of steps, and one Adam step moves every entry of W_a by about the
 * learning rate, which can change its spectral norm by O(1) and blow the code up. The memory
 * z-scores the code anyway, so only its direction reaches attention. {@code normalise = false}
 * is the paper's literal form.
 */
public final class PathIntegration extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int units;
    private final int actions;
    private final boolean relu;
    private final boolean normalise;
    private final boolean orthogonal;
    private final Parameter wHidden;
    private final Parameter wOut;
    private final Parameter e0;

    /**
     * @param units      E, size of the position code
     * @param actions    number of actions (5: stay, N, E, S, W)
     * @param hidden     tanh hidden units of the transition MLP
     * @param initStd    standard deviation of W_o at birth
     * @param activation "linear" or "relu"
     * @param normalise  rescale each new code to unit RMS
     * @param orthogonal W_a = Cayley(A - A^T) instead of I + A
     */
    public PathIntegration(int units, int actions, int hidden, float initStd, String activation, boolean normalise,
                           boolean orthogonal) {
        super(VERSION);
        this.units = units;
        this.actions = actions;
        this.normalise = normalise;
        this.orthogonal = orthogonal;
        this.relu = switch (activation) {
            case "relu" -> true;
            case "linear" -> false;
            default -> throw new IllegalArgumentException("activation '" + activation + "': allowed linear, relu");
        };
        wHidden = addParameter(Parameter.builder().setName("w_hidden").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(actions - 1, hidden)).optInitializer(new NormalInitializer(1.0f)).build());
        wOut = addParameter(Parameter.builder().setName("w_out").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(hidden, (long) units * units))
                .optInitializer(initStd > 0 ? new NormalInitializer(initStd) : new ConstantInitializer(0f)).build());
        e0 = addParameter(Parameter.builder().setName("e0").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(units)).optInitializer(new NormalInitializer(1.0f)).build());
    }

    public int units() {
        return units;
    }

    public int actions() {
        return actions;
    }

    /**
     * W_a for every action: (actions, E, E), stay (action 0) first. onehot(a) W_h is row a of W_h,
     * so all moves are one matmul.
     */
    public NDArray transitions() {
        NDArray w = wHidden.getArray();
        NDArray eye = w.getManager().eye(units).toType(w.getDataType(), false).expandDims(0);
        NDArray a = w.tanh().matMul(wOut.getArray()).reshape(actions - 1, units, units);
        NDArray moves;
        if (orthogonal) {
            NDArray skew = a.sub(a.transpose(0, 2, 1));
            moves = eye.sub(skew).batchMatMul(eye.add(skew).inverse());
        } else {
            moves = a.add(eye);
        }
        return eye.concat(moves, 0);
    }

    /** The learned start code repeated for a batch: (B, E). */
    public NDArray initial(int batch) {
        return e0.getArray().expandDims(0).repeat(0, batch);
    }

    /**
     * One step for a batch: e (B, E), the batch's transition matrices (B, E, E) → sigma(e W), normalised if set.
     */
    public NDArray step(NDArray e, NDArray w) {
        NDArray next = e.expandDims(1).batchMatMul(w).squeeze(1);
        if (relu) {
            next = Tensors.maximum(next, 0);
        }
        return normalise ? next.div(Tensors.add(next.square().mean(new int[] {-1}, true), 1e-6).sqrt()) : next;
    }

    /** Transition matrices of a batch of actions: onehot(actions) (B, A) times W_all (A, E*E). */
    public NDArray select(NDArray all, NDArray actionsOneHot) {
        long batch = actionsOneHot.getShape().get(0);
        return actionsOneHot.matMul(all.reshape(actions, (long) units * units)).reshape(batch, units, units);
    }

    /** DJL entry point: inputs (e (B, E), actions (B) int) → e_{t+1}. */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray e = inputs.get(0);
        NDArray onehot = inputs.get(1).oneHot(actions);
        return new NDList(step(e, select(transitions(), onehot)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

}
