package dev.topos.nn;

import org.bytedeco.pytorch.Tensor;

/**
 * Column attention where every column may read every column (Columnformer spec section 2; see
 * {@link ColumnAttention}): scores q_i . k_j / sqrt(d) + B_ij for all N x N pairs, with B one
 * learned (N, N) bias shared by the heads, {@link LocalBias} at birth. O(N^2) time and memory per
 * image.
 */
public final class DenseColumnAttention extends UntiedProjections {
    private final int columns;
    private final Tensor distanceTable;
    private final Tensor bias;

    /**
     * @param distances N x N distances D of the sheet (for the bias at birth and {@link #sourceDistances});
     *                  copied into a constant tensor, not kept
     * @see UntiedProjections#UntiedProjections for the other arguments
     */
    public DenseColumnAttention(double[][] distances, int channels, int qkDim, int heads, LocalBias init,
                                boolean untiedValue, boolean untiedOutput) {
        super(distances.length, channels, qkDim, heads, untiedValue, untiedOutput);
        this.columns = distances.length;
        double[] flat = new double[columns * columns];
        for (int i = 0; i < columns; i++) {
            System.arraycopy(distances[i], 0, flat, i * columns, columns);
        }
        distanceTable = constant(Tensors.doubles(flat, columns, columns).toType(Engine.floatType()));
        bias = parameter("local_bias", init.at(distanceTable));
    }

    @Override
    protected Result mix(Tensor q, Tensor k, Tensor v) {
        Tensor qh = q.permute(1, 2, 0, 3); // (B, h, N, d)
        Tensor kh = k.permute(1, 2, 3, 0); // (B, h, d, N)
        Tensor a = qh.matmul(kh).add(bias).softmax(-1); // (B, h, N, N)
        Tensor mixed = a.matmul(v.permute(1, 2, 0, 3)); // (B, h, N, C / h)
        return new Result(mixed.permute(2, 0, 1, 3), a);
    }

    @Override
    public Tensor sourceDistances() {
        return distanceTable;
    }

    @Override
    protected double sources() {
        return (double) columns * columns;
    }
}
