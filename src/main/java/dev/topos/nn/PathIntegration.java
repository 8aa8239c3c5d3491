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
 * W_h (actions x hidden, no bias) and W_o (hidden x E*E, zero at birth, so every action starts as
 * the identity); sigma is linear or ReLU. A learned {@code e0} starts every world.
 */
public final class PathIntegration extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int units;
    private final int actions;
    private final boolean relu;
    private final Parameter wHidden;
    private final Parameter wOut;
    private final Parameter e0;

    /**
     * @param units      E, size of the position code
     * @param actions    number of actions (5: stay, N, E, S, W)
     * @param hidden     tanh hidden units of the transition MLP
     * @param activation "linear" or "relu"
     */
    public PathIntegration(int units, int actions, int hidden, String activation) {
        super(VERSION);
        this.units = units;
        this.actions = actions;
        this.relu = switch (activation) {
            case "relu" -> true;
            case "linear" -> false;
            default -> throw new IllegalArgumentException("activation '" + activation + "': allowed linear, relu");
        };
        wHidden = addParameter(Parameter.builder().setName("w_hidden").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(actions, hidden)).optInitializer(new NormalInitializer(1.0f)).build());
        wOut = addParameter(Parameter.builder().setName("w_out").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(hidden, (long) units * units)).optInitializer(new ConstantInitializer(0f)).build());
        e0 = addParameter(Parameter.builder().setName("e0").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(units)).optInitializer(new NormalInitializer(1.0f)).build());
    }

    public int units() {
        return units;
    }

    public int actions() {
        return actions;
    }

    /** W_a for every action: (actions, E, E). onehot(a) W_h is row a of W_h, so all actions are one matmul. */
    public NDArray transitions() {
        NDArray w = wHidden.getArray();
        NDArray eye = w.getManager().eye(units).toType(w.getDataType(), false).expandDims(0);
        return w.tanh().matMul(wOut.getArray()).reshape(actions, units, units).add(eye);
    }

    /** The learned start code repeated for a batch: (B, E). */
    public NDArray initial(int batch) {
        return e0.getArray().expandDims(0).repeat(0, batch);
    }

    /**
     * One step for a batch: e (B, E), the batch's transition matrices (B, E, E) → sigma(e W).
     */
    public NDArray step(NDArray e, NDArray w) {
        NDArray next = e.expandDims(1).batchMatMul(w).squeeze(1);
        return relu ? next.maximum(0f) : next;
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
