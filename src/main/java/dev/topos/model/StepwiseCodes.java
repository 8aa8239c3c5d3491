package dev.topos.model;

import dev.topos.nn.AttentionMemory;
import dev.topos.nn.LandmarkCorrection;
import dev.topos.nn.PositionCode;
import dev.topos.nn.Tensors;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;

/**
 * TEM-t's codes over a chunk when a step's code or its storage depends on the memory
 * (Whittington, Warren &amp; Behrens, ICLR 2022, appendix A.2), one step after another:
 *
 * <pre>
 *   g_PI,t   = move_{a_t}(g_{t-1})                  (e0 where a world starts)
 *   g_t      = LandmarkCorrection(g_PI,t, x_t)      (g_PI,t without landmark correction)
 *   stored_t = 0 if a readable memory tau holds the conjunction (x_tau = x_t and
 *              corr(g_tau, g_t) = zscore(g_tau) . zscore(g_t) / E &gt; threshold), else 1
 * </pre>
 *
 * A memory is readable at step t if it is a stored step of t's world before t: carried in from
 * earlier chunks (of those, the {@link #CANDIDATES} most recent of the step's symbol), or one of
 * this chunk's. Without a conjunctive memory every step is stored. The storage decision is a
 * choice, not a function to differentiate: it is made outside autograd.
 */
final class StepwiseCodes {
    /**
     * The carried memories a step compares itself with: the most recent readable ones of its symbol,
     * at most this many. With a conjunctive memory a symbol is stored about once per node showing it
     * (45 symbols on at most a few hundred nodes), so none is left out; a memory that stores every
     * step may leave out the oldest. Choosing them once per chunk, not scanning the whole memory
     * at every step, keeps the sequential correction affordable.
     */
    static final int CANDIDATES = 64;

    private StepwiseCodes() {}

    /**
     * @param pathCodes g_PI (B, T, E)
     * @param codes     g (B, T, E), the corrected codes (= g_PI without correction)
     * @param stored    (B, T) 1 where a step became a memory
     */
    record Codes(Tensor pathCodes, Tensor codes, Tensor stored) {}

    /**
     * @param landmark  the correction, or null for none
     * @param threshold the conjunctive memory's similarity threshold, or NaN to store every step
     * @param g         (B, E) the code carried in
     * @param x         (B, T, S) the chunk's one-hot observations
     */
    static Codes run(PositionCode path, LandmarkCorrection landmark, double threshold, Tensor g,
                     MemoryBuffer.Carried carried, WalkBatch in, Tensor x) {
        int steps = in.steps();
        boolean conjunctive = !Double.isNaN(threshold);
        PositionCode.Stepper stepper = path.stepper();
        // The carried memories each step may use: readable and of its symbol, at most CANDIDATES, the most recent.
        Tensor readable = carried.valid().unsqueeze(1).mul(in.carriedAlive().unsqueeze(2))
                .mul(carried.obs().bmm(x.transpose(1, 2)).transpose(1, 2));                       // (B, T, M)
        long m = Math.min(CANDIDATES, readable.size(2));
        Tensor recency = Tensors.add(Tensors.arange(readable.size(2)).to(readable.scalar_type()), 1);
        Tensor chosen = readable.mul(recency).topk(m, 2, true, false).get1();                       // (B, T, m)
        Tensor carriedMatches = readable.gather(2, chosen, false);
        Tensor carriedCodes = rows(carried.codes(), chosen);                                       // (B, T, m, E)
        Tensor carriedZ = rows(AttentionMemory.zscore(carried.codes()), chosen);
        // The chunk's own earlier steps of the same world and symbol (B, T, T); stored or not is decided on the way.
        Tensor ownReadable = in.causal().mul(x.bmm(x.transpose(1, 2)));
        List<Tensor> pathCodes = new ArrayList<>(steps);
        List<Tensor> codes = new ArrayList<>(steps);
        List<Tensor> zs = new ArrayList<>(steps);
        List<Tensor> stored = new ArrayList<>(steps);
        for (int t = 0; t < steps; t++) {
            Tensor pathCode = stepper.next(g, in.actionIn().select(1, t), in.start().narrow(1, t, 1),
                    in.continuing().narrow(1, t, 1));
            // Readable memories of the step's symbol: carried ones still of its world, and earlier stored steps.
            Tensor carriedMatch = carriedMatches.select(1, t);
            Tensor ownMatch = t == 0 ? null : ownReadable.select(1, t).narrow(1, 0, t).mul(Tensors.stack(stored, 1));
            Tensor ownZ = t == 0 ? null : Tensors.cat(zs, 1);
            Tensor ownCodes = t == 0 ? null : Tensors.cat(codes, 1);
            g = landmark == null ? pathCode
                    : landmark.correct(pathCode, parts(carriedZ.select(1, t), ownZ),
                    parts(carriedCodes.select(1, t), ownCodes), parts(carriedMatch, ownMatch));
            Tensor z = AttentionMemory.zscore(g);
            pathCodes.add(pathCode);
            codes.add(g.unsqueeze(1));
            zs.add(z.unsqueeze(1));
            stored.add(conjunctive ? novel(z, carriedZ.select(1, t), ownZ, carriedMatch, ownMatch, threshold)
                    : Tensors.ones(g.size(0)));
        }
        return new Codes(Tensors.stack(pathCodes, 1), Tensors.cat(codes, 1), Tensors.stack(stored, 1));
    }

    /** For each slot b and step t, rows chosen[b][t][:] of x[b]: (B, M, D) by (B, T, m) gives (B, T, m, D). */
    private static Tensor rows(Tensor x, Tensor chosen) {
        long b = chosen.size(0);
        long t = chosen.size(1);
        long m = chosen.size(2);
        long d = x.size(2);
        return x.unsqueeze(1).expand(new long[] {b, t, x.size(1), d}).gather(2,
                chosen.unsqueeze(3).expand(new long[] {b, t, m, d}), false);
    }

    /** The carried part and, after the first step, the chunk's steps so far. */
    private static List<Tensor> parts(Tensor carried, Tensor own) {
        return own == null ? List.of(carried) : List.of(carried, own);
    }

    /** 1 where no readable memory of the same symbol has a code correlated above {@code threshold} with z. */
    private static Tensor novel(Tensor z, Tensor carriedZ, Tensor ownZ, Tensor carriedMatch, Tensor ownMatch,
                                double threshold) {
        Tensor q = z.detach().unsqueeze(1);
        double units = z.size(1);
        Tensor held = above(q.bmm(carriedZ.transpose(1, 2)).squeeze(1), units, threshold, carriedMatch);
        if (ownMatch != null) {
            Tensor own = ownZ.detach();
            held = held.maximum(above(q.bmm(own.transpose(1, 2)).squeeze(1), units, threshold, ownMatch));
        }
        return Tensors.oneMinus(held);
    }

    /** Per slot, 1 if some candidate's correlation (dot / E) exceeds {@code threshold}: (B). */
    private static Tensor above(Tensor dots, double units, double threshold, Tensor candidates) {
        return Tensors.div(dots, units).gt(new Scalar(threshold)).to(candidates.scalar_type()).mul(candidates)
                .amax(new long[] {1}, false);
    }
}
