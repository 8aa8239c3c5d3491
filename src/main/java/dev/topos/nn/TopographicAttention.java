package dev.topos.nn;

import org.bytedeco.pytorch.Tensor;

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
 * to padding). In training, where Q itself is not needed, spatial querying is folded into the query
 * projection, Q~ = X (W_q M^) + b_q M^, so M^ multiplies the N x N weights once per update instead
 * of every token's query (2 T N^2 multiply-adds fewer per sequence, and as many in the backward pass).
 */
public final class TopographicAttention extends Module {
    /** Subtracted from the scores of padding keys: exp(-1e9) is 0 in float32. */
    private static final double PAD_PENALTY = 1e9;
    private final int width;
    private final Projection query;
    private final Projection key;
    private final Projection value;
    private final SpatialQuerying spatialQuerying;
    private final Projection output;
    private final double dropout;

    /**
     * @param width           N, the width of the sheet and of the head
     * @param spatialQuerying the query pooling, or null for none (sq = -1, or local querying)
     * @param dropout         dropout rate on the attention weights
     */
    public TopographicAttention(int width, Projection query, Projection key, Projection value,
                                SpatialQuerying spatialQuerying, Projection output, double dropout) {
        this.width = width;
        this.query = query;
        this.key = key;
        this.value = value;
        this.spatialQuerying = spatialQuerying;
        this.output = output;
        this.dropout = dropout;
        child("query", query.module());
        child("key", key.module());
        child("value", value.module());
        if (spatialQuerying != null) {
            child("spatial_querying", spatialQuerying);
        }
        child("output", output.module());
    }

    /**
     * @param x        (B, T, N) input
     * @param keyMask  (B, T) 1 for real tokens, 0 for padding
     * @param training whether to apply dropout
     */
    public Result attend(Tensor x, Tensor keyMask, boolean training) {
        boolean fold = training && spatialQuerying != null;
        Tensor q = fold ? null : query.apply(x);
        Tensor k = key.apply(x);
        Tensor v = value.apply(x);
        Tensor pooled = fold ? query.applyThen(x, spatialQuerying.matrix())
                : spatialQuerying == null ? q : spatialQuerying.pool(q);
        Tensor scores = Tensors.div(pooled.matmul(k.transpose(-2, -1)), Math.sqrt(width))
                .add(Tensors.mul(Tensors.sub(keyMask.unsqueeze(1), 1), PAD_PENALTY));
        Tensor a = scores.softmax(-1);
        Tensor o = Dropout.apply(a, dropout, training).matmul(v);
        return new Result(q, k, v, a, output.apply(o));
    }

    /**
     * @param query   Q, the query projection before pooling (B, T, N); null in training under spatial
     *                querying, which computes Q~ without it
     * @param key     K (B, T, N)
     * @param value   V (B, T, N)
     * @param weights A (B, T, T), before dropout
     * @param output  Y, the output projection (B, T, N)
     */
    public record Result(Tensor query, Tensor key, Tensor value, Tensor weights, Tensor output) {}
}
