package dev.topos.nn;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * One step of the Columnformer's sheet (spec section 2; reference {@code columnformers/models/columnformer.py},
 * {@code Block}), every map untied across columns, x column-first (N, B, C):
 *
 * <pre>
 *   x = attn(LN1(x))          [+ x with the attention skip option]
 *   x = x + fc2(GELU(fc1(LN2(x))))                 fc1: C -&gt; hidden, fc2: hidden -&gt; C
 * </pre>
 *
 * GELU is the exact one, x Phi(x) (PyTorch's default). The recurrent Columnformer applies the same
 * ColumnSheet at every step.
 */
public final class ColumnSheet extends Module {
    private final boolean attentionSkip;
    private final UntiedLayerNorm norm1;
    private final ColumnAttention attention;
    private final UntiedLayerNorm norm2;
    private final UntiedLinear fc1;
    private final UntiedLinear fc2;

    /**
     * @param attention     the attention between columns (its N and C must match)
     * @param hidden        the MLP's hidden width per column
     * @param attentionSkip whether to add x back after the attention
     */
    public ColumnSheet(int columns, int channels, ColumnAttention attention, int hidden, boolean attentionSkip) {
        this.attentionSkip = attentionSkip;
        norm1 = child("norm1", new UntiedLayerNorm(columns, channels));
        this.attention = attention;
        child("attention", attention.module());
        norm2 = child("norm2", new UntiedLayerNorm(columns, channels));
        fc1 = child("fc1", new UntiedLinear(columns, channels, hidden, true));
        fc2 = child("fc2", new UntiedLinear(columns, hidden, channels, true));
    }

    /** The sheet's attention. */
    public ColumnAttention attention() {
        return attention;
    }

    /**
     * @param x column-first state (N, B, C)
     * @return the next state (N, B, C) and this step's attention weights (B, h, N, K)
     */
    public Step step(Tensor x) {
        ColumnAttention.Result a = attention.attend(norm1.apply(x));
        Tensor y = attentionSkip ? a.output().add(x) : a.output();
        Tensor next = y.add(fc2.apply(torch.gelu(fc1.apply(norm2.apply(y)))));
        return new Step(next, a.weights());
    }

    /** Multiply-add FLOPs of one step for a batch of B: the attention's and the MLP's. */
    public double flops(long batch) {
        return attention.flops(batch) + fc1.flops(batch) + fc2.flops(batch);
    }

    /**
     * @param state   (N, B, C)
     * @param weights (B, h, N, K)
     */
    public record Step(Tensor state, Tensor weights) {}
}
