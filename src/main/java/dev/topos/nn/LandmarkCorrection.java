package dev.topos.nn;

import java.util.List;
import org.bytedeco.pytorch.Tensor;

/**
 * Landmark drift correction of the TEM-transformer (Whittington, Warren &amp; Behrens, ICLR 2022,
 * appendix A.2): a second attention whose query and keys are the observation conjoined with the
 * position code and whose values are the stored codes, so that reaching a remembered landmark pulls
 * the path-integrated code back to the code it had there.
 *
 * <pre>
 *   q_t     = zscore(g_PI,t) W_l,    k_tau = zscore(g_tau) W_l                       (W_l shared)
 *   s_tau   = (x_t . x_tau) (q_t . k_tau) / sqrt(d_l)
 *   g_ret,t = sum_tau softmax_tau(beta s_tau) g_tau     over readable memories with x_tau = x_t
 *   f_t     = sigmoid([g_ret,t, g_PI,t] W_f + b_f)                                     (the gate)
 *   g_t     = g_PI,t + f_t * (g_ret,t - g_PI,t)
 * </pre>
 *
 * The conjunction (x_t . x_tau)(q_t . k_tau) is the dot product of the outer products x (x) q and
 * x (x) k. With one-hot observations x_t . x_tau is 1 for the same symbol and 0 otherwise, so the
 * score is read as a mask: a memory of another symbol is not a candidate (its score 0 would
 * otherwise outrank same-symbol memories of negative code similarity). beta is the memory's
 * temperature ({@link AttentionMemory#attend}). Where no readable memory saw x_t (a first sight),
 * nothing is retrieved and g_t = g_PI,t.
 *
 * <p>W_l starts as {@link AttentionMemory}'s W_e (scores O(1) at birth), W_f at Xavier's scale and
 * b_f = 0, so the gate starts near one half.
 */
public final class LandmarkCorrection extends Module {
    private final int keyDim;
    private final Tensor wL;
    private final Tensor wF;
    private final Tensor bF;

    public LandmarkCorrection(int codeUnits, int keyDim) {
        this.keyDim = keyDim;
        wL = parameter("w_l", Init.normal(1 / Math.sqrt((double) codeUnits * keyDim), codeUnits, keyDim));
        wF = parameter("w_f", Init.xavierUniform(1, 2L * codeUnits, codeUnits));
        bF = parameter("b_f", Init.constant(0, codeUnits));
    }

    /** k = zscore(g) W_l for codes (..., E). */
    public Tensor keys(Tensor codes) {
        return AttentionMemory.zscore(codes).matmul(wL);
    }

    /**
     * One step's corrected code, from memories given in two parts (e.g. carried from earlier
     * chunks, and this chunk's steps so far), each with its keys, codes and candidates.
     *
     * @param pathCode g_PI,t (B, E)
     * @param keys     the parts' keys k_tau (B, K_i, d_l)
     * @param codes    the parts' codes g_tau (B, K_i, E)
     * @param match    the parts' candidates (B, K_i): 1 where memory tau is readable and saw x_t
     * @return g_t (B, E)
     */
    public Tensor correct(Tensor pathCode, List<Tensor> keys, List<Tensor> codes, List<Tensor> match) {
        Tensor q = keys(pathCode).unsqueeze(1);
        Tensor scores = Tensors.div(Tensors.cat(keys.stream().map(k -> q.bmm(k.transpose(1, 2)).squeeze(1)).toList(), 1),
                Math.sqrt(keyDim));
        Tensor candidates = Tensors.cat(match, 1);
        Tensor attention = AttentionMemory.attend(scores, candidates).unsqueeze(1);
        Tensor retrieved = null;                                                                       // g_ret,t
        long from = 0;
        for (Tensor part : codes) { // part by part: no copy of the (large) carried memory at every step
            Tensor r = attention.narrow(2, from, part.size(1)).bmm(part).squeeze(1);
            retrieved = retrieved == null ? r : retrieved.add(r);
            from += part.size(1);
        }
        Tensor gate = Tensors.cat(List.of(retrieved, pathCode), 1).matmul(wF).add(bF).sigmoid();       // f_t
        Tensor found = Tensors.sumKeep(candidates, -1).clamp_max(new org.bytedeco.pytorch.Scalar(1));
        return pathCode.add(gate.mul(found).mul(retrieved.sub(pathCode)));
    }

    /** Per step and memory, the key and the score, 2 B K d_l; the gate, 2 B 2E E. */
    public double flops(int batch, double memories, int codeUnits) {
        return 2.0 * batch * memories * keyDim * 2 + 2.0 * batch * 2 * codeUnits * codeUnits;
    }
}
