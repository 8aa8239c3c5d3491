package dev.topos.nn;

import java.util.Arrays;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;

/**
 * One step of an LSTM (Hochreiter &amp; Schmidhuber 1997, with the forget gate of Gers et al. 2000):
 *
 * <pre>
 *   [i, f, g, o] = x W_x + h W_h + b
 *   c' = sigmoid(f) * c + sigmoid(i) * tanh(g),   h' = sigmoid(o) * tanh(c')
 * </pre>
 *
 * A cell rather than a fused sequence LSTM because the walks reset the state mid-sequence,
 * at each slot's own world switch. {@link #inputProjection} lets a caller compute x W_x + b for a
 * whole chunk in one matmul. The forget-gate bias starts at 1.
 */
public final class LstmCell extends Module {
    private final int hidden;
    private final Tensor wX;
    private final Tensor wH;
    private final Tensor bias;

    public LstmCell(int inputs, int hidden) {
        this.hidden = hidden;
        wX = parameter("w_x", Init.xavierUniform(Math.sqrt(2), inputs, 4L * hidden));
        wH = parameter("w_h", Init.xavierUniform(Math.sqrt(2), hidden, 4L * hidden));
        float[] b = new float[4 * hidden];
        Arrays.fill(b, hidden, 2 * hidden, 1f);
        bias = parameter("bias", Tensors.floats(b, 4L * hidden));
    }

    public int hidden() {
        return hidden;
    }

    /** x W_x + b for any leading shape (..., inputs) → (..., 4H). */
    public Tensor inputProjection(Tensor x) {
        return x.matmul(wX).add(bias);
    }

    /** One step from a precomputed input projection: returns (h', c'). */
    public State step(Tensor projected, Tensor h, Tensor c) {
        TensorVector gates = projected.add(h.matmul(wH)).chunk(4, -1);
        Tensor cNext = gates.get(1).sigmoid().mul(c).add(gates.get(0).sigmoid().mul(gates.get(2).tanh()));
        Tensor hNext = gates.get(3).sigmoid().mul(cNext.tanh());
        return new State(hNext, cNext);
    }

    /** The cell's output h and memory c, each (B, H). */
    public record State(Tensor h, Tensor c) {}
}
