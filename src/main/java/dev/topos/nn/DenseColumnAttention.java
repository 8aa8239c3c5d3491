package dev.topos.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

/**
 * Column attention where every column may read every column (Columnformer spec section 2; see
 * {@link ColumnAttention}): scores q_i . k_j / sqrt(d) + B_ij for all N x N pairs, with B one
 * learned (N, N) bias shared by the heads, {@link LocalBias} at birth. O(N^2) time and memory per
 * image.
 */
public final class DenseColumnAttention extends UntiedProjections {
    private final int columns;
    private final Parameter bias;
    private double[][] distances;
    private NDArray distanceTable;

    /**
     * @param distances N x N distances D of the sheet (for the bias at birth and {@link #sourceDistances});
     *                  read once, when the block is initialised
     * @see UntiedProjections#UntiedProjections for the other arguments
     */
    public DenseColumnAttention(double[][] distances, int channels, int qkDim, int heads, LocalBias init,
                                boolean untiedValue, boolean untiedOutput) {
        super(distances.length, channels, qkDim, heads, untiedValue, untiedOutput);
        this.columns = distances.length;
        this.distances = distances;
        bias = addParameter(Parameter.builder().setName("local_bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(columns, columns))
                .optInitializer((m, shape, type) -> init.at(distanceTable).toType(type, false)).build());
    }

    /** Makes the constant D (N x N, of {@code dataType}) first: the bias at birth is computed from it. */
    @Override
    public void initialize(NDManager manager, DataType dataType, Shape... inputShapes) {
        if (distanceTable == null) {
            float[] flat = new float[columns * columns];
            for (int i = 0; i < columns; i++) {
                for (int j = 0; j < columns; j++) {
                    flat[i * columns + j] = (float) distances[i][j];
                }
            }
            distances = null; // the sheet keeps its own table; this block needs only the tensor
            distanceTable = manager.create(flat, new Shape(columns, columns)).toType(dataType, false);
        }
        super.initialize(manager, dataType, inputShapes);
    }

    @Override
    protected Result mix(NDArray q, NDArray k, NDArray v) {
        NDArray qh = q.transpose(1, 2, 0, 3); // (B, h, N, d)
        NDArray kh = k.transpose(1, 2, 3, 0); // (B, h, d, N)
        NDArray a = qh.matMul(kh).add(bias.getArray()).softmax(-1); // (B, h, N, N)
        NDArray mixed = a.matMul(v.transpose(1, 2, 0, 3)); // (B, h, N, C / h)
        return new Result(mixed.transpose(2, 0, 1, 3), a);
    }

    @Override
    public NDArray sourceDistances() {
        return distanceTable;
    }

    @Override
    protected double sources() {
        return (double) columns * columns;
    }
}
