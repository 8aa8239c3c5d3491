package dev.topos.model;

import dev.topos.nn.AttentionMemory;
import dev.topos.nn.GridReadout;
import dev.topos.nn.LandmarkCorrection;
import dev.topos.nn.Module;
import dev.topos.nn.PathIntegration;
import dev.topos.nn.PositionCode;
import dev.topos.nn.RotationPathIntegration;
import dev.topos.nn.Tensors;
import java.util.List;
import java.util.Optional;
import org.bytedeco.pytorch.Tensor;

/**
 * The TEM-transformer (Whittington, Warren &amp; Behrens, ICLR 2022): a causal transformer whose
 * queries and keys are a path-integrated position code and whose values are observations.
 *
 * <pre>
 *   e_t   = e0 at a world's first step, else sigma(e_{t-1} W_{a_t})          (PositionCode: PathIntegration,
 *                                                                             or RotationPathIntegration)
 *   r_t   = softmax memory over (zscore(e_tau) W_e, x_tau W_x), tau &lt; t, same world (AttentionMemory)
 *           (with grid units: over (p_tau W_e, x_tau W_x), p = relu(zscore(e) W_p + b_p), GridReadout)
 *   x^_t  = MLP(r_t)                                                           (Readout)
 * </pre>
 *
 * The memory carried between chunks holds the last (zscore(e), x) pairs of the current world,
 * detached; their keys and values are recomputed with the current W_e, W_x. How many it holds is
 * the carry's size: {@code memory} in training, any number (e.g. a whole walk) in evaluation.
 */
public final class TemTransformer extends Module implements WalkPredictor {
    /** The carried position code's name in the carry (and so in checkpoints). */
    private static final String CODE = "e";
    private final PositionCode path;
    private final LandmarkCorrection landmark;
    private final AttentionMemory memory;
    private final Readout readout;
    private final GridReadout grid;
    private final int symbols;
    private final TemModelConfig cfg;

    public TemTransformer(TemModelConfig cfg, int symbols, int actions) {
        this.symbols = symbols;
        this.cfg = cfg;
        path = "rotation".equals(cfg.transition())
                ? child("path", new RotationPathIntegration(cfg.codeUnits(), cfg.transitionInit(), cfg.tieInverses()))
                : child("path", new PathIntegration(cfg.codeUnits(), actions, cfg.transitionHidden(),
                        cfg.transitionInit(), cfg.activation(), cfg.codeNorm(), "orthogonal".equals(cfg.transition())));
        landmark = cfg.landmark() ? child("landmark", new LandmarkCorrection(cfg.codeUnits(), cfg.keyDim())) : null;
        grid = cfg.gridUnits() > 0 ? child("grid", new GridReadout(cfg.codeUnits(), cfg.gridUnits())) : null;
        memory = child("memory", new AttentionMemory(grid == null ? cfg.codeUnits() : cfg.gridUnits(), symbols,
                cfg.keyDim(), cfg.valueDim()));
        readout = child("readout", new Readout(cfg.valueDim(), cfg.readoutHidden(), symbols));
    }

    @Override
    public int symbols() {
        return symbols;
    }

    /**
     * Per chunk (K = memory + T keys), with m the memory's input width (E, or G with grid units, which
     * cost 2 E G per key and per query more): path integration ({@link PositionCode#flops}); keys
     * 2B K m d_k; per query (one set from g_PI, one more from g with landmark correction) 2BT m d_k,
     * scores 2BTK d_k, retrieval (a X) W_x 2BT(K S + S d_v), readout 2BT(d_v H + H S); the landmark
     * attention ({@link LandmarkCorrection#flops}) at every step.
     */
    @Override
    public double forwardFlops(int batch, int steps) {
        double e = cfg.codeUnits();
        double m = grid == null ? e : grid.units();
        double gridPerRow = grid == null ? 0 : 2 * e * m;
        double k = cfg.memory() + steps;
        double b = batch;
        double t = steps;
        double query = b * t * gridPerRow + 2 * b * t * m * cfg.keyDim() + 2 * b * t * k * (cfg.keyDim() + symbols)
                + 2 * b * t * (double) symbols * cfg.valueDim()
                + 2 * b * t * ((double) cfg.valueDim() * cfg.readoutHidden() + (double) cfg.readoutHidden() * symbols);
        double correction = landmark == null ? 0 : t * landmark.flops(batch, k, cfg.codeUnits()) + query;
        return path.flops(batch, steps) + b * k * (gridPerRow + 2 * m * cfg.keyDim()) + query + correction;
    }

    @Override
    public Optional<double[][]> moveAngles() {
        if (!(path instanceof RotationPathIntegration rotation)) {
            return Optional.empty();
        }
        return Optional.of(Tensors.toDoubleRows(rotation.actionAngles().detach()));
    }

    @Override
    public Carry initialCarry(int batch) {
        return initialCarry(batch, cfg.memory());
    }

    /** A carry whose memory holds the last {@code capacity} steps of the current world. */
    @Override
    public Carry initialCarry(int batch, int capacity) {
        Carry c = new Carry();
        c.put(CODE, Tensors.zeros(batch, path.units()));
        MemoryBuffer.allocate(c, batch, capacity, path.units(), symbols);
        return c;
    }

    @Override
    public Prediction forward(Carry carry, WalkBatch in) {
        Tensor x = in.obsOneHot(symbols);
        StepwiseCodes.Codes g = landmark == null && !cfg.conjunctive()
                ? uncorrected(path.integrate(carry.get(CODE), in.actionIn(), in.start(), in.continuing()))
                : StepwiseCodes.run(path, landmark, cfg.conjunctive() ? cfg.conjunctionThreshold() : Double.NaN,
                        carry.get(CODE), MemoryBuffer.carried(carry), in, x);                      // g_PI,t and g_t
        MemoryBuffer.Keys keys = MemoryBuffer.with(carry, g.codes(), x, g.stored(), in);
        // The queries from g_PI and, with landmark correction, from g: one retrieval, keys projected once.
        int t = in.steps();
        boolean both = landmark != null;
        Tensor queries = both ? Tensors.cat(List.of(g.pathCodes(), g.codes()), 1) : g.pathCodes();
        Tensor mask = both ? Tensors.cat(List.of(keys.mask(), keys.mask()), 1) : keys.mask();
        Tensor read = memoryInput(queries);
        AttentionMemory.Retrieval r = memory.retrieve(read,
                List.of(memoryInput(keys.carried()), memoryInput(keys.own())), keys.obs(), mask);         // r_t
        Tensor predicted = readout.apply(r.values());                                              // x^_t
        carry.put(CODE, g.codes().select(1, t - 1));
        MemoryBuffer.keepLast(carry, keys);
        return new Prediction(predicted.narrow(1, 0, t), g.codes(), r.attention().narrow(1, 0, t), g.pathCodes(),
                both ? predicted.narrow(1, t, t) : null, grid == null ? null : read.narrow(1, 0, t));
    }

    /** What the memory reads a position from: the grid units p of codes e, or zscore(e). */
    private Tensor memoryInput(Tensor codes) {
        return grid == null ? AttentionMemory.zscore(codes) : grid.apply(codes);
    }

    /** Path integration alone: g = g_PI, every step stored. */
    private static StepwiseCodes.Codes uncorrected(Tensor e) {
        return new StepwiseCodes.Codes(e, e, Tensors.ones(e.size(0), e.size(1)));
    }
}
