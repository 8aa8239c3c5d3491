package dev.topos.nn;

import org.bytedeco.pytorch.Tensor;

/**
 * Attention BETWEEN the columns of a sheet: the "sequence" is the set of columns, and row i of the
 * attention is column i's incoming connectivity (Columnformer spec section 2). With u = LN1(x)
 * column-first (N, B, C), and h heads of size d = qk_dim / h:
 *
 * <pre>
 *   q_i = Wq_i u_i + bq_i,   k_j = Wk_j u_j                            untied, {@link UntiedLinear}
 *   A_ij = softmax_j( q_i . k_j / sqrt(d) + B_ij )                     B learned, {@link LocalBias} at birth
 *   out_i = [Wo_i] sum_j A_ij [Wv_j] u_j                               value = u unless untied Wv; Wo optional
 * </pre>
 *
 * {@link DenseColumnAttention} lets every column read every column (O(N^2));
 * {@link SparseColumnAttention} only a fixed table of K sources per column (O(N K)).
 */
public interface ColumnAttention {
    /**
     * @param u column-first normalised input (N, B, C)
     * @return the output (N, B, C) and the weights A, (B, heads, N, K) with K = N for dense attention
     */
    Result attend(Tensor u);

    /**
     * The distance D_ij for every weight of {@link Result#weights()}: (N, K), entry [i, k] the
     * distance from column i to its k-th source. What the wiring cost and wiring length weigh A by.
     */
    Tensor sourceDistances();

    /** Multiply-add FLOPs of one application to a batch of B (2 per multiply-add). */
    double flops(long batch);

    /** The attention as a module of the model tree. */
    Module module();

    /**
     * @param output  (N, B, C)
     * @param weights (B, heads, N, K), rows summing to 1
     */
    record Result(Tensor output, Tensor weights) {}
}
