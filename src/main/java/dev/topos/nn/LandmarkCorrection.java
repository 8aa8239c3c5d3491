package dev.topos.nn;

import java.util.List;
import org.bytedeco.pytorch.Scalar;
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

    /**
     * One step's corrected code, from memories given in parts (e.g. carried from earlier chunks, and
     * this chunk's steps so far), each with its z-scored codes, codes and candidates. The scores are
     * computed as q_t . k_tau = (q_t W_l^T) . zscore(g_tau): one product with the step's query instead
     * of projecting every memory, so the (large, fixed) carried part needs no gradient of its own.
     *
     * @param pathCode g_PI,t (B, E)
     * @param zscored  the parts' zscore(g_tau) (B, K_i, E)
     * @param codes    the parts' codes g_tau (B, K_i, E)
     * @param match    the parts' candidates (B, K_i): 1 where memory tau is readable and saw x_t
     * @return g_t (B, E)
     */
    public Tensor correct(Tensor pathCode, List<Tensor> zscored, List<Tensor> codes, List<Tensor> match) {
        Tensor query = AttentionMemory.zscore(pathCode).matmul(wL).matmul(wL.t()).unsqueeze(2);   // q_t W_l^T
        Tensor scores = Tensors.div(Tensors.cat(zscored.stream().map(z -> z.bmm(query).squeeze(2)).toList(), 1),
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
        Tensor found = Tensors.sumKeep(candidates, -1).clamp_max(new Scalar(1));
        return pathCode.add(gate.mul(found).mul(retrieved.sub(pathCode)));
    }

    /** Per step: the query, 2 B 2 E d_l; per memory the score and the retrieval, 2 B K 2E; the gate, 2 B 2E E. */
    public double flops(int batch, double memories, int codeUnits) {
        return 2.0 * batch * (2.0 * codeUnits * keyDim + memories * 2 * codeUnits + 2.0 * codeUnits * codeUnits);
    }
}
