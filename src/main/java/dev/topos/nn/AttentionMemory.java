package dev.topos.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

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
 * Each memory tau is a "memory neuron": its attention weight over queries is its rate map.
 *
 * <p>W_e starts at N(0, 1/(E d_k)), so that beta q.k / sqrt(d_k) is O(1) at birth. Xavier's
 * scale (q.k / sqrt(d_k) ~ 21 for equal codes, times beta ~ 8 with a thousand memories) makes the
 * softmax one-hot from the first step: a memory that is not already attended then gets
 * ~exp(-20) of the gradient, and the model only ever learns to repeat the last observation.
 */
public final class AttentionMemory extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int keyDim;
    private final Parameter wE;
    private final Parameter wX;

    public AttentionMemory(int codeUnits, int symbols, int keyDim, int valueDim) {
        super(VERSION);
        this.keyDim = keyDim;
        wE = addParameter(Parameter.builder().setName("w_e").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(codeUnits, keyDim))
                .optInitializer(new NormalInitializer((float) (1 / Math.sqrt((double) codeUnits * keyDim)))).build());
        wX = addParameter(Parameter.builder().setName("w_x").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(symbols, valueDim)).optInitializer(new XavierInitializer()).build());
    }

    /** zscore over the last axis: (e - mean) / sqrt(var + 1e-5). */
    public static NDArray zscore(NDArray e) {
        NDArray centred = e.sub(e.mean(new int[] {-1}, true));
        return centred.div(Tensors.add(centred.square().mean(new int[] {-1}, true), 1e-5).sqrt());
    }

    /**
     * @param queryCodes zscored codes of the queries (B, T, E)
     * @param keyCodes   zscored codes of the memories (B, K, E)
     * @param symbols    one-hot observations of the memories (B, K, S)
     * @param mask       1 where query t may read memory tau (B, T, K)
     * @return retrieved values (B, T, d_v) and attention weights (B, T, K)
     */
    public NDList retrieve(NDArray queryCodes, NDArray keyCodes, NDArray symbols, NDArray mask) {
        NDArray w = wE.getArray();
        NDArray q = queryCodes.matMul(w);
        NDArray k = keyCodes.matMul(w);
        NDArray v = symbols.matMul(wX.getArray());
        NDArray n = mask.sum(new int[] {-1}, true);
        NDArray beta = Tensors.add(Tensors.maximum(Tensors.sub(n, 1), 1).log(), 1);
        NDArray logits = Tensors.div(q.batchMatMul(k.transpose(0, 2, 1)).mul(beta), Math.sqrt(keyDim));
        NDArray attention = logits.add(Tensors.mul(Tensors.sub(mask, 1), 1e9)).softmax(-1).mul(mask);
        return new NDList(attention.batchMatMul(v), attention);
    }

    /** DJL entry point: (queryCodes, keyCodes, symbols, mask) → (retrieved, attention). */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        return retrieve(in.get(0), in.get(1), in.get(2), in.get(3));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape q = inputShapes[0];
        Shape k = inputShapes[1];
        return new Shape[] {new Shape(q.get(0), q.get(1), wX.getShape().get(1)), new Shape(q.get(0), q.get(1), k.get(1))};
    }

}
