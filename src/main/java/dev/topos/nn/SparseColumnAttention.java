package dev.topos.nn;

import dev.topos.geometry.Neighbours;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Column attention over a fixed table of K sources per column (Columnformer spec section 6; see
 * {@link ColumnAttention}): column i reads only its sources s(i, 1..K), typically its k nearest
 * columns plus a few long-range ones ({@link Neighbours#nearest}),
 *
 * <pre>
 *   A_ik = softmax_k( q_i . k_{s(i,k)} / sqrt(d) + B_ik ),    out_i = sum_k A_ik v_{s(i,k)}
 * </pre>
 *
 * with the keys and values selected by index along the column axis (the table is an edge list,
 * column i's k-th edge coming from s(i, k)), so time and memory are O(N K) rather than O(N^2).
 * B is a learned (N, K) bias, {@link LocalBias} of the source's distance at birth.
 *
 * <p>The table can change during training ({@link #rewire}, prune-and-grow): a replaced source's
 * bias is reset to its value at birth for the new distance.
 */
public final class SparseColumnAttention extends UntiedProjections {
    private final LocalBias init;
    private final Tensor bias;
    private Neighbours table;
    /** s(i, k), int64 (N, K); a constant, replaced (and the old one released) on rewiring. */
    private Tensor sourceIndex;
    /** D_{i, s(i, k)}, (N, K); likewise. */
    private Tensor sourceDistance;

    /**
     * @param table the K sources of each column and their distances
     * @see UntiedProjections#UntiedProjections for the other arguments
     */
    public SparseColumnAttention(Neighbours table, int channels, int qkDim, int heads, LocalBias init,
                                 boolean untiedValue, boolean untiedOutput) {
        super(table.size(), channels, qkDim, heads, untiedValue, untiedOutput);
        this.init = init;
        this.table = table;
        upload(Engine.floatType());
        bias = parameter("local_bias", init.at(sourceDistance));
    }

    @Override
    protected Result mix(Tensor q, Tensor k, Tensor v) {
        Tensor kg = ofSources(k); // (N, K, B, h, d)
        Tensor scores = Tensors.sum(q.unsqueeze(1).mul(kg), -1); // (N, K, B, h)
        Tensor a = scores.add(bias.reshape(bias.size(0), bias.size(1), 1, 1)).softmax(1);
        Tensor mixed = Tensors.sum(a.unsqueeze(-1).mul(ofSources(v)), 1); // (N, B, h, C / h)
        return new Result(mixed, a.permute(2, 3, 0, 1));
    }

    /**
     * Row s(i, k) of x for every column i and slot k: (N, ...) -&gt; (N, K, ...), by
     * {@code index_select} over the flattened table. Its backward adds each slot's gradient into
     * its source's row ({@code index_add}) in table order, which on the CPU is deterministic, so a
     * resumed run's gradients, and so its weights, match an uninterrupted run's exactly.
     */
    private Tensor ofSources(Tensor x) {
        long[] s = x.shape();
        long[] shape = new long[s.length + 1];
        shape[0] = sourceIndex.size(0);
        shape[1] = sourceIndex.size(1);
        System.arraycopy(s, 1, shape, 2, s.length - 1);
        return x.index_select(0, sourceIndex.flatten()).reshape(shape);
    }

    @Override
    public Tensor sourceDistances() {
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
        double[] values = Tensors.toDoubles(bias);
        int k = table.perRow();
        for (int i = 0; i < table.size(); i++) {
            for (int s = 0; s < k; s++) {
                if (next.index()[i][s] != table.index()[i][s]) {
                    values[i * k + s] = init.at(next.distance()[i][s]);
                }
            }
        }
        Tensors.copy(Tensors.doubles(values, bias.shape()), bias);
        use(next);
    }

    /** Reads from {@code next} from now on, biases untouched (restoring a checkpoint's table and biases). */
    public void use(Neighbours next) {
        checkShape(next);
        ScalarType type = sourceDistance.scalar_type().intern();
        sourceIndex.releaseReference();
        sourceDistance.releaseReference();
        table = next;
        upload(type);
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

    /** Makes the table's constants (kept past the scope of the training update that may rewire). */
    private void upload(ScalarType type) {
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
        sourceIndex = constant(Tensors.longs(index, n, k));
        sourceDistance = constant(Tensors.doubles(distance, n, k).toType(type));
    }
}
