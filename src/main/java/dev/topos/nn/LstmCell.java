package dev.topos.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.Arrays;

/**
 * One step of an LSTM (Hochreiter &amp; Schmidhuber 1997, with the forget gate of Gers et al. 2000):
 *
 * <pre>
 *   [i, f, g, o] = x W_x + h W_h + b
 *   c' = sigmoid(f) * c + sigmoid(i) * tanh(g),   h' = sigmoid(o) * tanh(c')
 * </pre>
 *
 * A cell rather than DJL's fused sequence LSTM because the walks reset the state mid-sequence,
 * at each slot's own world switch. {@link #inputProjection} lets a caller compute x W_x + b for a
 * whole chunk in one matmul. The forget-gate bias starts at 1.
 */
public final class LstmCell extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int hidden;
    private final Parameter wX;
    private final Parameter wH;
    private final Parameter bias;

    public LstmCell(int inputs, int hidden) {
        super(VERSION);
        this.hidden = hidden;
        wX = addParameter(Parameter.builder().setName("w_x").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(inputs, 4L * hidden)).optInitializer(new XavierInitializer()).build());
        wH = addParameter(Parameter.builder().setName("w_h").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(hidden, 4L * hidden)).optInitializer(new XavierInitializer()).build());
        float[] b = new float[4 * hidden];
        Arrays.fill(b, hidden, 2 * hidden, 1f);
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(4L * hidden)).optInitializer((m, shape, type) -> m.create(b, shape).toType(type, false)).build());
    }

    public int hidden() {
        return hidden;
    }

    /** x W_x + b for any leading shape (..., inputs) → (..., 4H). */
    public NDArray inputProjection(NDArray x) {
        return x.matMul(wX.getArray()).add(bias.getArray());
    }

    /** One step from a precomputed input projection: returns (h', c'). */
    public NDList step(NDArray projected, NDArray h, NDArray c) {
        NDArray gates = projected.add(h.matMul(wH.getArray()));
        NDList parts = gates.split(4, gates.getShape().dimension() - 1);
        NDArray cNext = Activation.sigmoid(parts.get(1)).mul(c)
                .add(Activation.sigmoid(parts.get(0)).mul(parts.get(2).tanh()));
        NDArray hNext = Activation.sigmoid(parts.get(3)).mul(cNext.tanh());
        return new NDList(hNext, cNext);
    }

    /** DJL entry point: (x, h, c) → (h', c'). */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        return step(inputProjection(in.get(0)), in.get(1), in.get(2));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape h = new Shape(inputShapes[0].get(0), hidden);
        return new Shape[] {h, h};
    }
}
