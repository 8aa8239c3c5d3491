package dev.topos.nn;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * The GELU-gated feed-forward layer, "GEGLU" (Shazeer 2020, "GLU variants improve Transformer"),
 * the crammed BERT's FFN (Geiping &amp; Goldstein 2023, "Cramming"):
 *
 * <pre>
 *   [v, g] = x W_in^T + b_in              W_in: 2F x N; v the first F units, g the last F
 *   y      = (v (.) GELU(g)) W_out^T + b_out     W_out: N x F
 * </pre>
 *
 * with GELU(z) = z Phi(z), the exact (erf) form of PyTorch's {@code nn.GELU()}. The first half of
 * the input projection is the value and the second the gate, as cramming's {@code GLU} splits it
 * ({@code x, gate = inputs.chunk(2, dim=-1); x * GELU(gate)}). Cramming's {@code intermed_size} is
 * 2F.
 */
public final class GeluGlu extends Module {
    private final int hidden;
    private final Dense in;
    private final Dense out;

    /**
     * @param width  N, input and output units
     * @param hidden F, units of the gated product (W_in has 2F outputs)
     * @param bias   whether W_in and W_out have biases
     */
    public GeluGlu(int width, int hidden, boolean bias) {
        this.hidden = hidden;
        in = child("in", new Dense(width, 2 * hidden, bias));
        out = child("out", new Dense(hidden, width, bias));
    }

    /** y for x of shape (..., N); returns (..., N). */
    public Tensor apply(Tensor x) {
        Tensor vg = in.apply(x);
        Tensor value = vg.narrow(-1, 0, hidden);
        Tensor gate = vg.narrow(-1, hidden, hidden);
        return out.apply(value.mul(torch.gelu(gate)));
    }

    /** F, the width of the gated product. */
    public int hidden() {
        return hidden;
    }
}
