package dev.topos.nn;

import dev.topos.config.Precision;
import dev.topos.geometry.Sheet;
import dev.topos.util.Rng;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.bytedeco.pytorch.Tensor;

/**
 * TopoLM's spatial-correlation loss (Rathi et al. 2024, "TopoLM: brain-like spatio-functional
 * organization in a topographic language model", §2.2; after TDANN, Margalit et al. 2024): units
 * near each other on the sheet should respond alike. For one square neighbourhood of K units,
 * <pre>
 *   C   = corr(X[:, units])                      K x K response correlations over the samples
 *                                                 (batch x tokens) of the layer's output X
 *   r   = lower triangle of C                    K (K - 1) / 2 pairs
 *   d   = 1 / (1 + dist), same pairs             dist: sheet distance in grid steps
 *   SL  = (1 - Pearson(r, d)) / 2                0 when correlation falls with distance exactly as d
 * </pre>
 * and the loss of a layer's output is the mean of SL over {@code neighbourhoods} squares whose
 * centres are drawn uniformly (TopoLM: 5 per layer and step, radius 5). A square is the units within
 * {@code radius} grid steps along each axis of its centre, wrapping on a torus sheet and clipped at
 * a flat sheet's edge. TopoLM places its units by a frozen random permutation; a Topoformer's units
 * sit on the sheet by index (spatial querying and reweighting are defined there), and a dense
 * control's units are exchangeable, so here every model's unit n sits where the sheet puts it.
 * Computed in fp32 (float64 under a gradient check) outside autocast: correlations of bfloat16
 * responses would lose the differences the loss is made of.
 */
public final class SpatialCorrelationLoss {
    /** Keeps a silent unit's correlations finite: its centred responses are divided by norm + this. */
    private static final double EPS = 1e-8;
    private final Sheet sheet;
    private final int side;
    private final boolean torus;
    private final int radius;
    private final int neighbourhoods;

    /**
     * @param sheet          an s x s grid sheet ({@link Sheet#side()} present)
     * @param radius         half the side of a square, in grid steps, at least 1
     * @param neighbourhoods squares drawn per call, at least 1
     */
    public SpatialCorrelationLoss(Sheet sheet, int radius, int neighbourhoods) {
        if (sheet.side().isEmpty()) {
            throw new IllegalArgumentException("the spatial loss needs an s x s grid sheet, got " + sheet);
        }
        if (radius < 1 || neighbourhoods < 1) {
            throw new IllegalArgumentException("spatial loss radius = " + radius + ", neighbourhoods = "
                    + neighbourhoods + ": both must be at least 1");
        }
        this.sheet = sheet;
        this.side = sheet.side().getAsInt();
        this.torus = sheet.kind().equals("torus");
        this.radius = radius;
        this.neighbourhoods = neighbourhoods;
    }

    /**
     * The mean of SL over {@link #neighbourhoods} squares with centres drawn from {@code rng}.
     *
     * @param x a layer's output (..., N), every leading position a sample
     */
    public Tensor apply(Tensor x, Rng rng) {
        try (MixedPrecision.Scope ignored = MixedPrecision.enter(Precision.FP32)) {
            Tensor samples = x.reshape(-1, x.size(-1)).toType(Engine.floatType());
            Tensor sum = null;
            for (int k = 0; k < neighbourhoods; k++) {
                Tensor sl = of(samples, square(rng.nextInt(sheet.size())));
                sum = sum == null ? sl : sum.add(sl);
            }
            return Tensors.div(sum, neighbourhoods);
        }
    }

    /** The units of the square centred on unit {@code centre}, in row-major order, each once. */
    int[] square(int centre) {
        int row = centre / side;
        int col = centre % side;
        Set<Integer> units = new LinkedHashSet<>();
        for (int dr = -radius; dr <= radius; dr++) {
            for (int dc = -radius; dc <= radius; dc++) {
                int r = row + dr;
                int c = col + dc;
                if (torus) {
                    units.add(Math.floorMod(r, side) * side + Math.floorMod(c, side));
                } else if (r >= 0 && r < side && c >= 0 && c < side) {
                    units.add(r * side + c);
                }
            }
        }
        int[] out = units.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(out);
        return out;
    }

    /**
     * SL of one neighbourhood.
     *
     * @param samples (S, N) responses
     * @param units   the K &gt;= 3 units of the neighbourhood
     */
    Tensor of(Tensor samples, int[] units) {
        int k = units.length;
        Tensor xs = samples.index_select(1, Tensors.longs(Arrays.stream(units).asLongStream().toArray(), k));
        Tensor centred = xs.sub(Tensors.meanKeep(xs, 0));
        Tensor norm = Tensors.add(Tensors.sumKeep(centred.mul(centred), 0).sqrt(), EPS);
        Tensor z = centred.div(norm);
        Tensor corr = z.t().matmul(z).reshape(-1);
        int pairs = k * (k - 1) / 2;
        long[] flat = new long[pairs];
        double[] inverse = new double[pairs];
        int p = 0;
        for (int i = 1; i < k; i++) {
            for (int j = 0; j < i; j++) {
                flat[p] = (long) i * k + j;
                inverse[p++] = 1 / (1 + sheet.distance(units[i], units[j]) * side);
            }
        }
        Tensor r = corr.index_select(0, Tensors.longs(flat, pairs));
        Tensor d = Tensors.doubles(inverse, pairs).toType(r.scalar_type());
        Tensor rc = r.sub(r.mean());
        Tensor dc = d.sub(d.mean());
        Tensor pearson = rc.mul(dc).sum().div(Tensors.add(rc.mul(rc).sum().mul(dc.mul(dc).sum()).sqrt(), EPS));
        return Tensors.mul(Tensors.oneMinus(pearson), 0.5);
    }
}
