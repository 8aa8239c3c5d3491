package dev.topos.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * What dense and sparse column attention share (see {@link ColumnAttention}): the untied query and
 * key maps, the optional untied value and output maps, and the split into heads. Subclasses only
 * decide which sources each column reads ({@link #mix}).
 */
abstract class UntiedProjections extends AbstractBlock implements ColumnAttention {
    private static final byte VERSION = 1;
    private final int heads;
    private final int qkDim;
    private final int channels;
    private final UntiedLinear query;
    private final UntiedLinear key;
    private final UntiedLinear value;
    private final UntiedLinear output;

    /**
     * @param columns      N
     * @param channels     C, the width of u and of the output
     * @param qkDim        total query/key width, split evenly over the heads
     * @param heads        h; qkDim and C must be multiples of h
     * @param untiedValue  whether values are Wv_j u_j (else u_j itself)
     * @param untiedOutput whether the mixed values pass through Wo_i
     */
    UntiedProjections(int columns, int channels, int qkDim, int heads, boolean untiedValue, boolean untiedOutput) {
        super(VERSION);
        if (heads < 1 || qkDim % heads != 0 || channels % heads != 0) {
            throw new IllegalArgumentException("heads = " + heads + " must be >= 1 and divide both qk_dim = " + qkDim
                    + " and the column width " + channels);
        }
        this.heads = heads;
        this.qkDim = qkDim;
        this.channels = channels;
        query = addChildBlock("query", new UntiedLinear(columns, channels, qkDim, true));
        key = addChildBlock("key", new UntiedLinear(columns, channels, qkDim, false));
        value = untiedValue ? addChildBlock("value", new UntiedLinear(columns, channels, channels, true)) : null;
        output = untiedOutput ? addChildBlock("output", new UntiedLinear(columns, channels, channels, true)) : null;
    }

    @Override
    public final Result attend(NDArray u) {
        float scale = (float) (1 / Math.sqrt(qkDim / (double) heads));
        NDArray q = Tensors.mul(split(query.apply(u)), scale);
        NDArray k = split(key.apply(u));
        NDArray v = split(value == null ? u : value.apply(u));
        Result mixed = mix(q, k, v);
        Shape s = u.getShape();
        NDArray out = mixed.output().reshape(s.get(0), s.get(1), -1);
        return new Result(output == null ? out : output.apply(out), mixed.weights());
    }

    /**
     * Scores, softmax and mixing.
     *
     * @param q scaled queries (N, B, h, d), already divided by sqrt(d)
     * @param k keys (N, B, h, d)
     * @param v values (N, B, h, C / h)
     * @return mixed values (N, B, h, C / h) and the weights (B, h, N, K)
     */
    protected abstract Result mix(NDArray q, NDArray k, NDArray v);

    /**
     * Multiply-add FLOPs of one application to a batch of B: the projections, plus the scores and
     * the mixing, 2 B N K (qk_dim + C) for K sources per column.
     */
    @Override
    public double flops(long batch) {
        double f = query.flops(batch) + key.flops(batch);
        f += value == null ? 0 : value.flops(batch);
        f += output == null ? 0 : output.flops(batch);
        return f + 2.0 * batch * sources() * (qkDim + channels);
    }

    /** N K, the number of (column, source) pairs. */
    protected abstract double sources();

    /** (N, B, h * d) -&gt; (N, B, h, d). */
    private NDArray split(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), heads, s.get(2) / heads);
    }

    /** Every projection reads u (N, B, C); a constant table is made by the subclass's {@link #initialize}. */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (var child : getChildren().values()) {
            child.initialize(manager, dataType, inputShapes[0]);
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        return new NDList(attend(in.singletonOrThrow()).output());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
