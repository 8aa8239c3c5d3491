package dev.topos.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.topos.geometry.Neighbours;

/**
 * Column attention over a fixed table of K sources per column (Columnformer spec section 6; see
 * {@link ColumnAttention}): column i reads only its sources s(i, 1..K), typically its k nearest
 * columns plus a few long-range ones ({@link Neighbours#nearest}),
 *
 * <pre>
 *   A_ik = softmax_k( q_i . k_{s(i,k)} / sqrt(d) + B_ik ),    out_i = sum_k A_ik v_{s(i,k)}
 * </pre>
 *
 * with the keys and values gathered by index, so time and memory are O(N K) rather than O(N^2).
 * B is a learned (N, K) bias, {@link LocalBias} of the source's distance at birth.
 *
 * <p>The table can change during training ({@link #rewire}, prune-and-grow): a replaced source's
 * bias is reset to its value at birth for the new distance.
 */
public final class SparseColumnAttention extends UntiedProjections {
    private final LocalBias init;
    private final Parameter bias;
    private Neighbours table;
    private NDArray sourceIndex;
    private NDArray sourceDistance;

    /**
     * @param table the K sources of each column and their distances
     * @see UntiedProjections#UntiedProjections for the other arguments
     */
    public SparseColumnAttention(Neighbours table, int channels, int qkDim, int heads, LocalBias init,
                                 boolean untiedValue, boolean untiedOutput) {
        super(table.size(), channels, qkDim, heads, untiedValue, untiedOutput);
        this.init = init;
        this.table = table;
        float[] birth = init.at(table.distance());
        bias = addParameter(Parameter.builder().setName("local_bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(table.size(), table.perRow()))
                .optInitializer((m, shape, type) -> m.create(birth, shape).toType(type, true)).build());
    }

    /** Also makes the constant source table, owned by {@code manager}. */
    @Override
    public void initialize(NDManager manager, DataType dataType, Shape... inputShapes) {
        super.initialize(manager, dataType, inputShapes);
        upload(manager, dataType);
    }

    @Override
    protected Result mix(NDArray q, NDArray k, NDArray v) {
        NDArray kg = ofSources(k); // (N, K, B, h, d)
        NDArray scores = q.expandDims(1).mul(kg).sum(new int[] {-1}); // (N, K, B, h)
        Shape b = bias.getArray().getShape();
        NDArray a = scores.add(bias.getArray().reshape(b.get(0), b.get(1), 1, 1)).softmax(1);
        NDArray mixed = a.expandDims(-1).mul(ofSources(v)).sum(new int[] {1}); // (N, B, h, C / h)
        return new Result(mixed, a.transpose(2, 3, 0, 1));
    }

    /**
     * Row s(i, k) of x for every column i and slot k: (N, ...) -&gt; (N, K, ...). A gather along the
     * column axis rather than advanced indexing: both give the same values, but the backward of
     * indexing accumulates repeated rows in an order that varies from call to call (about 1e-6 here),
     * which Adam amplifies for near-zero gradients, so a resumed run would drift from an
     * uninterrupted one; the gather's backward (scatter-add) is deterministic on the CPU.
     */
    private NDArray ofSources(NDArray x) {
        Shape s = x.getShape();
        long n = s.get(0);
        long rest = s.size() / n;
        NDArray rows = sourceIndex.reshape(-1, 1).broadcast(new Shape(sourceIndex.size(), rest));
        Shape k = sourceIndex.getShape();
        return x.reshape(n, rest).gather(rows, 0).reshape(new Shape(k.get(0), k.get(1)).addAll(s.slice(1)));
    }

    @Override
    public NDArray sourceDistances() {
        return sourceDistance;
    }

    /** The current source table. */
    public Neighbours table() {
        return table;
    }

    /**
     * Replaces the source table (prune-and-grow, or a checkpoint's table): sources that changed get
     * the bias they would have had at birth, {@link LocalBias} of their distance; the others keep
     * their learned bias.
     */
    public void rewire(Neighbours next) {
        checkShape(next);
        NDArray b = bias.getArray();
        float[] values = b.toFloatArray();
        int k = table.perRow();
        for (int i = 0; i < table.size(); i++) {
            for (int s = 0; s < k; s++) {
                if (next.index()[i][s] != table.index()[i][s]) {
                    values[i * k + s] = init.at(next.distance()[i][s]);
                }
            }
        }
        try (NDArray fresh = b.getManager().create(values, b.getShape())) {
            Tensors.copy(fresh, b);
        }
        use(next);
    }

    /** Reads from {@code next} from now on, biases untouched (restoring a checkpoint's table and biases). */
    public void use(Neighbours next) {
        checkShape(next);
        NDArray b = bias.getArray();
        table = next;
        sourceIndex.close();
        sourceDistance.close();
        upload(b.getManager(), b.getDataType());
    }

    private void checkShape(Neighbours next) {
        if (next.size() != table.size() || next.perRow() != table.perRow()) {
            throw new IllegalArgumentException("a source table must be " + table.size() + " x " + table.perRow()
                    + ", got " + next.size() + " x " + next.perRow());
        }
    }

    @Override
    protected double sources() {
        return (double) table.size() * table.perRow();
    }

    private void upload(NDManager manager, DataType dataType) {
        int n = table.size();
        int k = table.perRow();
        long[] index = new long[n * k];
        double[] distance = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < k; s++) {
                index[i * k + s] = table.index()[i][s];
                distance[i * k + s] = table.distance()[i][s];
            }
        }
        sourceIndex = manager.create(index, new Shape(n, k));
        try (NDArray d = manager.create(distance, new Shape(n, k))) {
            sourceDistance = d.toType(dataType, true);
        }
        // Rewiring runs inside a training update's scope; the table must outlive it.
        NDScope.unregister(sourceIndex, sourceDistance);
    }
}
