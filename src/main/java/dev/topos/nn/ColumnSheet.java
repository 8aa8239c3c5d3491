package dev.topos.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One step of the Columnformer's sheet (spec section 2; reference {@code columnformers/models/columnformer.py},
 * {@code Block}), every map untied across columns, x column-first (N, B, C):
 *
 * <pre>
 *   x = attn(LN1(x))          [+ x with the attention skip option]
 *   x = x + fc2(GELU(fc1(LN2(x))))                 fc1: C -&gt; hidden, fc2: hidden -&gt; C
 * </pre>
 *
 * The recurrent Columnformer applies the same ColumnSheet at every step.
 */
public final class ColumnSheet extends AbstractBlock {
    private static final byte VERSION = 1;
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
        super(VERSION);
        this.attentionSkip = attentionSkip;
        norm1 = addChildBlock("norm1", new UntiedLayerNorm(columns, channels));
        this.attention = addChildBlock("attention", attention);
        norm2 = addChildBlock("norm2", new UntiedLayerNorm(columns, channels));
        fc1 = addChildBlock("fc1", new UntiedLinear(columns, channels, hidden, true));
        fc2 = addChildBlock("fc2", new UntiedLinear(columns, hidden, channels, true));
    }

    /** The sheet's attention. */
    public ColumnAttention attention() {
        return attention;
    }

    /**
     * @param x column-first state (N, B, C)
     * @return the next state (N, B, C) and this step's attention weights (B, h, N, K)
     */
    public Step step(NDArray x) {
        ColumnAttention.Result a = attention.attend(norm1.apply(x));
        NDArray y = attentionSkip ? a.output().add(x) : a.output();
        NDArray next = y.add(fc2.apply(Activation.gelu(fc1.apply(norm2.apply(y)))));
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
    public record Step(NDArray state, NDArray weights) {}

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        norm1.initialize(manager, dataType, x);
        attention.initialize(manager, dataType, x);
        norm2.initialize(manager, dataType, x);
        fc1.initialize(manager, dataType, x);
        fc2.initialize(manager, dataType, fc1.getOutputShapes(new Shape[] {x}));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        return new NDList(step(in.singletonOrThrow()).state());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
