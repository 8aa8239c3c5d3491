package dev.topos.model;

import dev.topos.geometry.Neighbours;
import dev.topos.geometry.Sheet;
import dev.topos.nn.ColumnAttention;
import dev.topos.nn.ColumnInput;
import dev.topos.nn.ColumnSheet;
import dev.topos.nn.Dense;
import dev.topos.nn.DenseColumnAttention;
import dev.topos.nn.LearnedPositions;
import dev.topos.nn.LocalBias;
import dev.topos.nn.Module;
import dev.topos.nn.SparseColumnAttention;
import dev.topos.nn.StepEmbedding;
import dev.topos.nn.Tensors;
import dev.topos.nn.UntiedLayerNorm;
import dev.topos.nn.WiringCost;
import dev.topos.util.Rng;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * The Columnformer (spec columnformer.md; reference {@code columnformers/models/columnformer.py}):
 * one wide layer of N untied columns on a sheet, applied {@code depth} times, with attention between
 * columns that starts local and pays a wiring cost. State is column-first (N, B, C).
 *
 * <pre>
 *   drive = [E patches ; 0],  x = drive + pos                            {@link ColumnInput}, input columns 0..P-1
 *   for t = 0 .. depth-1:
 *       x = x + drive            (t &gt; 0, inject_every_step)
 *       x = x + tau[t]           (time_embedding)
 *       x = attn(LN1(x)) [+ x];  x = x + MLP(LN2(x))                      {@link ColumnSheet}: the same one
 *                                                                        every step, or sheet t (non-recurrent)
 *   y = LN(x)[N-P .. N-1]                                                output columns: the last P
 *   head: y -&gt; patch pixels (per output column)  or  mean_n y -&gt; classes
 *   L_w = lambda mean_t,b,i sum_j A_ij D_ij^p / mean(D^p)                 {@link WiringCost}
 * </pre>
 *
 * The input columns are the sheet's first P columns and the output columns its last P: on the
 * stacked grid the first and last layer, on the sphere's Fibonacci lattice the north and south caps,
 * on a flat grid or torus the first and last rows.
 */
public final class Columnformer extends Module {
    private final ColumnformerConfig cfg;
    private final Sheet sheet;
    private final int columns;
    private final int patches;
    private final ColumnInput input;
    private final StepEmbedding time;
    private final List<ColumnSheet> sheets = new ArrayList<>();
    private final UntiedLayerNorm finalNorm;
    private final Dense head;
    private final int outputs;
    private final LearnedPositions positions;
    private final WiringCost wiring;
    /** mean(D^p) of the fixed sheet, a 0-d constant; null for learned positions. */
    private final Tensor meanPower;

    /**
     * @param sheet   where the columns sit (from {@link ColumnGeometry#sheet})
     * @param outputs the head's width: pixels per patch for reconstruction, or the number of classes
     * @param rng     draws the long-range sources of sparse attention (the weights come from the engine's generator)
     */
    public Columnformer(ColumnformerConfig cfg, Sheet sheet, int outputs, Rng rng) {
        this.cfg = cfg;
        this.sheet = sheet;
        this.columns = sheet.size();
        this.patches = cfg.patches();
        if (columns < 2 * patches) {
            throw new IllegalArgumentException("the sheet has " + columns + " columns but needs at least 2 x " + patches
                    + " (P = (image / patch)^2 input columns and as many output columns); enlarge model.geometry "
                    + "or model.patch");
        }
        int c = cfg.dim();
        int pixels = cfg.patch() * cfg.patch();
        Neighbours table = cfg.sparse() ? Neighbours.nearest(sheet, Math.min(cfg.k(), columns),
                Math.min(cfg.longRange(), columns - Math.min(cfg.k(), columns)), rng) : null;
        double[][] distances = cfg.sparse() ? null : sheet.distances();
        LocalBias birth = new LocalBias(cfg.sigma(), cfg.biasFloor());
        input = child("input", new ColumnInput(columns, pixels, c));
        time = cfg.timeEmbedding() ? child("time", new StepEmbedding(cfg.depth(), c)) : null;
        for (int s = 0; s < (cfg.recurrent() ? 1 : cfg.depth()); s++) {
            ColumnAttention attention = cfg.sparse()
                    ? new SparseColumnAttention(table, c, cfg.qkDim(), cfg.heads(), birth, cfg.untiedValue(),
                            cfg.untiedOutput())
                    : new DenseColumnAttention(distances, c, cfg.qkDim(), cfg.heads(), birth, cfg.untiedValue(),
                            cfg.untiedOutput());
            sheets.add(child(cfg.recurrent() ? "sheet" : "sheet" + s,
                    new ColumnSheet(columns, c, attention, cfg.mlpHidden(), cfg.attentionSkip())));
        }
        finalNorm = child("final_norm", new UntiedLayerNorm(columns, c));
        head = child("head", new Dense(c, outputs, true));
        this.outputs = outputs;
        positions = cfg.geometry().learned()
                ? child("geometry", new LearnedPositions(coordinates(sheet), liftOf(cfg))) : null;
        wiring = new WiringCost(cfg.wiringLambda(), cfg.wiringPower());
        meanPower = positions != null ? null : constant(Tensors.scalar(wiring.meanPower(sheet, Rng.derive(0, 7))));
    }

    public ColumnformerConfig config() {
        return cfg;
    }

    /** The sheet the columns started on (learned positions move away from it; see {@link #positions()}). */
    public Sheet sheet() {
        return sheet;
    }

    /** The sheets applied at each step: one (recurrent) or depth. */
    public List<ColumnSheet> sheets() {
        return sheets;
    }

    /** The learned positions (N, dim), or null when the geometry is fixed. */
    public Tensor positions() {
        return positions == null ? null : positions.positions();
    }

    /**
     * The current distances between all columns, N x N: the learned positions' or the sheet's. For
     * analyses of models small enough for the table.
     */
    public double[][] distances() {
        if (positions == null) {
            return sheet.distances();
        }
        int n = columns;
        double[] flat;
        try (PointerScope ignored = new PointerScope()) {
            flat = Tensors.toDoubles(positions.distances());
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * n, out[i], 0, n);
        }
        return out;
    }

    /** The input columns 0 .. P-1. */
    public int[] inputColumns() {
        return range(0, patches);
    }

    /** The output columns N-P .. N-1. */
    public int[] outputColumns() {
        return range(columns - patches, columns);
    }

    /**
     * @param patches (B, P, pixels) normalised patches
     * @param keep    (B, P) 1 = shown, 0 = masked; null shows every patch
     */
    public Output forward(Tensor patches, Tensor keep) {
        Tensor drive = input.drive(patches, keep);
        Tensor x = input.start(drive);
        List<Tensor> weights = new ArrayList<>();
        for (int t = 0; t < cfg.depth(); t++) {
            if (t > 0 && cfg.injectEveryStep()) {
                x = x.add(drive);
            }
            if (time != null) {
                x = time.add(x, t);
            }
            ColumnSheet.Step step = sheets.get(cfg.recurrent() ? 0 : t).step(x);
            x = step.state();
            weights.add(step.weights());
        }
        Tensor y = finalNorm.apply(x).narrow(0, columns - this.patches, this.patches).permute(1, 0, 2); // (B, P, C)
        return new Output(x, y, weights);
    }

    /** The reconstruction head: each output column's patch, (B, P, pixels). */
    public Tensor reconstruct(Output out) {
        return head.apply(out.outputs());
    }

    /** The classification head on the mean of the output columns: logits (B, classes). */
    public Tensor classify(Output out) {
        return head.apply(Tensors.mean(out.outputs(), 1));
    }

    /**
     * The wiring terms of a forward pass, averaged over the steps.
     *
     * @return cost (lambda L_w, plus repulsion x R for learned positions), the mean attention-weighted
     *     distance, and R (0 for fixed geometry)
     */
    public Wiring wiring(Output out) {
        Tensor learnedD = positions == null ? null : positions.distances();
        Tensor norm = learnedD == null ? meanPower : Tensors.pow(learnedD, cfg.wiringPower()).mean();
        Tensor cost = null;
        Tensor length = null;
        for (int t = 0; t < out.weights().size(); t++) {
            Tensor d = learnedD != null ? learnedD : sheets.get(cfg.recurrent() ? 0 : t).attention().sourceDistances();
            Tensor a = out.weights().get(t);
            Tensor c = wiring.of(a, d, norm);
            Tensor l = WiringCost.length(a, d);
            cost = cost == null ? c : cost.add(c);
            length = length == null ? l : length.add(l);
        }
        int steps = out.weights().size();
        cost = Tensors.div(cost, steps);
        Tensor repulsion = positions == null ? torch.zeros_like(cost) : positions.repulsion();
        if (positions != null) {
            cost = cost.add(Tensors.mul(repulsion, cfg.geometry().repulsion()));
        }
        return new Wiring(cost, Tensors.div(length, steps), repulsion);
    }

    /** Multiply-add FLOPs of one forward pass over B images (2 per multiply-add). */
    public double forwardFlops(long batch) {
        double f = 2.0 * batch * patches * cfg.patch() * cfg.patch() * cfg.dim();
        for (int t = 0; t < cfg.depth(); t++) {
            f += sheets.get(cfg.recurrent() ? 0 : t).flops(batch);
        }
        return f + 2.0 * batch * patches * cfg.dim() * outputs;
    }

    /**
     * @param state   the last step's state, (N, B, C)
     * @param outputs the normalised output columns, (B, P, C)
     * @param weights each step's attention, (B, h, N, K)
     */
    public record Output(Tensor state, Tensor outputs, List<Tensor> weights) {}

    /**
     * @param cost      what the loss adds (scalar)
     * @param length    mean attention-weighted distance (scalar)
     * @param repulsion R of learned positions, 0 otherwise (scalar)
     */
    public record Wiring(Tensor cost, Tensor length, Tensor repulsion) {}

    private static double[][] coordinates(Sheet sheet) {
        double[][] out = new double[sheet.size()][];
        for (int n = 0; n < out.length; n++) {
            out[n] = sheet.coord(n);
        }
        return out;
    }

    /** Learned positions measure distance in their own space, seen from the geometry's lift (none for stacked). */
    private static double liftOf(ColumnformerConfig cfg) {
        return "stacked".equals(cfg.geometry().kind()) ? 0 : cfg.geometry().lift();
    }

    private static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }
}
