package dev.topos.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One-head self-attention of width N whose head size is N, with optional spatial querying and an
 * output projection that may be spatial reweighting (Topoformer §2; spec topoformer.md §2–§3):
 *
 * <pre>
 *   Q = P_q(X),  K = P_k(X),  V = P_v(X)          dense, or locally connected under local querying
 *   Q~ = Q M^                                     spatial querying (identity when off)
 *   A = softmax(Q~ K^T / sqrt(N) + log m)         m: 1 for real key tokens, 0 for padding
 *   O = dropout(A) V
 *   Y = P_o(O)                                    spatial reweighting |W (.) M^T|, or dense
 * </pre>
 *
 * Padding keys are masked out of the softmax, so no real token reads a pad (the reference attends
 * to padding).
 */
public final class TopographicAttention extends AbstractBlock {
    private static final byte VERSION = 1;
    /** Subtracted from the scores of padding keys: exp(-1e9) is 0 in float32. */
    private static final float PAD_PENALTY = 1e9f;
    private final int width;
    private final Projection query;
    private final Projection key;
    private final Projection value;
    private final SpatialQuerying spatialQuerying;
    private final Projection output;
    private final float dropout;

    /**
     * @param width           N, the width of the sheet and of the head
     * @param spatialQuerying the query pooling, or null for none (sq = -1, or local querying)
     * @param dropout         dropout rate on the attention weights
     */
    public TopographicAttention(int width, Projection query, Projection key, Projection value,
                                SpatialQuerying spatialQuerying, Projection output, float dropout) {
        super(VERSION);
        this.width = width;
        this.query = addChildBlock("query", query);
        this.key = addChildBlock("key", key);
        this.value = addChildBlock("value", value);
        // Output before spatial querying: the output projection's name (04output) is the same with and without SQ.
        this.output = addChildBlock("output", output);
        this.spatialQuerying = spatialQuerying == null ? null : addChildBlock("spatial_querying", spatialQuerying);
        this.dropout = dropout;
    }

    /**
     * @param x        (B, T, N) input
     * @param keyMask  (B, T) 1 for real tokens, 0 for padding
     * @param training whether to apply dropout
     */
    public Result attend(NDArray x, NDArray keyMask, boolean training) {
        NDArray q = query.apply(x);
        NDArray k = key.apply(x);
        NDArray v = value.apply(x);
        NDArray pooled = spatialQuerying == null ? q : spatialQuerying.pool(q);
        NDArray scores = Tensors.div(pooled.batchMatMul(k.transpose(0, 2, 1)), Math.sqrt(width))
                .add(Tensors.mul(Tensors.sub(keyMask.expandDims(1), 1), PAD_PENALTY));
        NDArray a = scores.softmax(-1);
        NDArray o = Dropout.dropout(a, dropout, training).singletonOrThrow().batchMatMul(v);
        return new Result(q, k, v, a, output.apply(o));
    }

    /**
     * @param query   Q, the query projection before pooling (B, T, N)
     * @param key     K (B, T, N)
     * @param value   V (B, T, N)
     * @param weights A (B, T, T), before dropout
     * @param output  Y, the output projection (B, T, N)
     */
    public record Result(NDArray query, NDArray key, NDArray value, NDArray weights, NDArray output) {}

    /** Every child maps (..., N) to (..., N): each is initialised with the input's shape. */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block child : getChildren().values()) {
            child.initialize(manager, dataType, inputShapes[0]);
        }
    }

    /** DJL entry point: (x, keyMask) → Y. */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        return new NDList(attend(in.get(0), in.get(1), training).output());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
