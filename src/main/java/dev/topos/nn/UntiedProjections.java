package dev.topos.nn;

import org.bytedeco.pytorch.Tensor;

/**
 * What dense and sparse column attention share (see {@link ColumnAttention}): the untied query and
 * key maps, the optional untied value and output maps, and the split into heads. Subclasses only
 * decide which sources each column reads ({@link #mix}).
 */
abstract class UntiedProjections extends Module implements ColumnAttention {
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
        if (heads < 1 || qkDim % heads != 0 || channels % heads != 0) {
            throw new IllegalArgumentException("heads = " + heads + " must be >= 1 and divide both qk_dim = " + qkDim
                    + " and the column width " + channels);
        }
        this.heads = heads;
        this.qkDim = qkDim;
        this.channels = channels;
        query = child("query", new UntiedLinear(columns, channels, qkDim, true));
        key = child("key", new UntiedLinear(columns, channels, qkDim, false));
        value = untiedValue ? child("value", new UntiedLinear(columns, channels, channels, true)) : null;
        output = untiedOutput ? child("output", new UntiedLinear(columns, channels, channels, true)) : null;
    }

    @Override
    public final Result attend(Tensor u) {
        double scale = 1 / Math.sqrt(qkDim / (double) heads);
        Tensor q = Tensors.mul(split(query.apply(u)), scale);
        Tensor k = split(key.apply(u));
        Tensor v = split(value == null ? u : value.apply(u));
        Result mixed = mix(q, k, v);
        Tensor out = mixed.output().reshape(u.size(0), u.size(1), -1);
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
    protected abstract Result mix(Tensor q, Tensor k, Tensor v);

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

    @Override
    public final Module module() {
        return this;
    }

    /** N K, the number of (column, source) pairs. */
    protected abstract double sources();

    /** (N, B, h * d) -&gt; (N, B, h, d). */
    private Tensor split(Tensor x) {
        return x.reshape(x.size(0), x.size(1), heads, x.size(2) / heads);
    }
}
