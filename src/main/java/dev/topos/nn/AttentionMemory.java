package dev.topos.nn;

import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * The TEM-transformer's memory: softmax attention whose queries and keys come from the position
 * code and whose values come from observations (Whittington et al., ICLR 2022, §4):
 *
 * <pre>
 *   q = zscore(e_t) W_e,  k_tau = zscore(e_tau) W_e,  v_tau = x_tau W_x          (W_e shared by q and k)
 *   a_t = softmax_tau( beta * q . k_tau / sqrt(d_k) ) over valid tau,  beta = 1 + ln(n - 1)
 *   retrieved_t = sum_tau a_tau v_tau
 * </pre>
 *
 * n is the number of memories a query may see (for n &lt; 3, beta is held at 1 + ln 1 = 1). Validity
 * (causality, current world only) is the caller's mask; a query with no valid memory retrieves 0.
 * Each memory tau is a "memory neuron": its attention weight over queries is its rate map. A model
 * may read positions through other units than zscore(e) (e.g. {@link GridReadout}'s p): the memory
 * projects whatever codes it is given.
 *
 * <p>W_e starts at N(0, 1/(E d_k)), so that beta q.k / sqrt(d_k) is O(1) at birth. Xavier's
 * scale (q.k / sqrt(d_k) ~ 21 for equal codes, times beta ~ 8 with a thousand memories) makes the
 * softmax one-hot from the first step: a memory that is not already attended then gets
 * ~exp(-20) of the gradient, and the model only ever learns to repeat the last observation.
 */
public final class AttentionMemory extends Module {
    private final int keyDim;
    private final Tensor wE;
    private final Tensor wX;

    /** @param codeUnits the width of the codes queries and keys are projected from (E, or G grid units) */
    public AttentionMemory(int codeUnits, int symbols, int keyDim, int valueDim) {
        this.keyDim = keyDim;
        wE = parameter("w_e", Init.normal(1 / Math.sqrt((double) codeUnits * keyDim), codeUnits, keyDim));
        wX = parameter("w_x", Init.xavierUniform(Math.sqrt(2), symbols, valueDim));
    }

    /** zscore over the last axis: (e - mean) / sqrt(var + 1e-5), a LayerNorm without weights (one libtorch call). */
    public static Tensor zscore(Tensor e) {
        return torch.layer_norm(e, e.size(-1));
    }

    /**
     * The memory's keys come in parts (e.g. the memories carried from earlier chunks, then the chunk's
     * own steps), each projected by W_e on its own, so that a part whose codes need no gradient (the
     * detached carried memory) costs no input gradient in the backward pass. The retrieved values are
     * computed as (a X) W_x, the same as a (X W_x) by associativity, but with S (one-hot symbols)
     * columns instead of d_v per memory.
     *
     * @param queryCodes the queries' codes (B, T, E), z-scored (or grid units)
     * @param keyCodes   the memories' codes, likewise, in parts along the memory axis (B, K_i, E)
     * @param symbols    one-hot observations of the memories (B, K, S), K the parts' total
     * @param mask       1 where query t may read memory tau (B, T, K)
     * @return retrieved values (B, T, d_v) and attention weights (B, T, K)
     */
    public Retrieval retrieve(Tensor queryCodes, List<Tensor> keyCodes, Tensor symbols, Tensor mask) {
        Tensor q = queryCodes.matmul(wE);
        Tensor k = Tensors.cat(keyCodes.stream().map(part -> part.matmul(wE)).toList(), 1);
        Tensor attention = attend(Tensors.div(q.bmm(k.transpose(1, 2)), Math.sqrt(keyDim)), mask);
        return new Retrieval(attention.bmm(symbols).matmul(wX), attention);
    }

    /**
     * softmax_tau(beta s_tau) over the memories {@code mask} allows, beta = 1 + ln(max(n - 1, 1)) with n
     * the number allowed; 0 where none is. The softmax temperature of both of TEM-t's attentions.
     *
     * @param scores (..., K) scaled dot products s
     * @param mask   (..., K) 1 where a memory may be read
     */
    public static Tensor attend(Tensor scores, Tensor mask) {
        Tensor n = Tensors.sumKeep(mask, -1);
        Tensor beta = Tensors.add(Tensors.maximum(Tensors.sub(n, 1), 1).log(), 1);
        return scores.mul(beta).add(Tensors.mul(Tensors.sub(mask, 1), 1e9)).softmax(-1).mul(mask);
    }

    /** What a query retrieved, (B, T, d_v), and the attention it paid each memory, (B, T, K). */
    public record Retrieval(Tensor values, Tensor attention) {}
}
