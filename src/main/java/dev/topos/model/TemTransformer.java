package dev.topos.model;

import dev.topos.nn.AttentionMemory;
import dev.topos.nn.Module;
import dev.topos.nn.PathIntegration;
import dev.topos.nn.PositionCode;
import dev.topos.nn.RotationPathIntegration;
import dev.topos.nn.Tensors;
import org.bytedeco.pytorch.Tensor;

/**
 * The TEM-transformer (Whittington, Warren &amp; Behrens, ICLR 2022): a causal transformer whose
 * queries and keys are a path-integrated position code and whose values are observations.
 *
 * <pre>
 *   e_t   = e0 at a world's first step, else sigma(e_{t-1} W_{a_t})          (PositionCode: PathIntegration,
 *                                                                             or RotationPathIntegration)
 *   r_t   = softmax memory over (zscore(e_tau) W_e, x_tau W_x), tau &lt; t, same world (AttentionMemory)
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
    private final AttentionMemory memory;
    private final Readout readout;
    private final int symbols;
    private final TemModelConfig cfg;

    public TemTransformer(TemModelConfig cfg, int symbols, int actions) {
        this.symbols = symbols;
        this.cfg = cfg;
        path = "rotation".equals(cfg.transition())
                ? child("path", new RotationPathIntegration(cfg.codeUnits(), cfg.transitionInit(), cfg.tieInverses()))
                : child("path", new PathIntegration(cfg.codeUnits(), actions, cfg.transitionHidden(),
                        cfg.transitionInit(), cfg.activation(), cfg.codeNorm(), "orthogonal".equals(cfg.transition())));
        memory = child("memory", new AttentionMemory(cfg.codeUnits(), symbols, cfg.keyDim(), cfg.valueDim()));
        readout = child("readout", new Readout(cfg.valueDim(), cfg.readoutHidden(), symbols));
    }

    @Override
    public int symbols() {
        return symbols;
    }

    /**
     * Per chunk (K = memory + T keys): path integration ({@link PositionCode#flops}); keys,
     * queries, values 2B(K E d_k + T E d_k + K S d_v); scores and retrieval 2BTK(d_k + d_v);
     * readout 2BT(d_v H + H S).
     */
    @Override
    public double forwardFlops(int batch, int steps) {
        double e = cfg.codeUnits();
        double k = cfg.memory() + steps;
        double b = batch;
        double t = steps;
        return path.flops(batch, steps)
                + 2 * b * (k * e * cfg.keyDim() + t * e * cfg.keyDim() + k * symbols * cfg.valueDim())
                + 2 * b * t * k * (cfg.keyDim() + cfg.valueDim())
                + 2 * b * t * ((double) cfg.valueDim() * cfg.readoutHidden() + (double) cfg.readoutHidden() * symbols);
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
        Tensor e = path.integrate(carry.get(CODE), in.actionIn(), in.start(), in.continuing());     // e_t
        Tensor z = AttentionMemory.zscore(e);
        MemoryBuffer.Keys keys = MemoryBuffer.with(carry, z, in.obsOneHot(symbols), in);
        AttentionMemory.Retrieval r = memory.retrieve(z, keys.codes(), keys.obs(), keys.mask());  // r_t
        Tensor logits = readout.apply(r.values());                                                 // x^_t
        carry.put(CODE, e.select(1, in.steps() - 1));
        MemoryBuffer.keepLast(carry, keys);
        return new Prediction(logits, e, r.attention());
    }
}
