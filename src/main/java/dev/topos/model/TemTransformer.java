package dev.topos.model;

import dev.topos.nn.AttentionMemory;
import dev.topos.nn.Module;
import dev.topos.nn.PathIntegration;
import dev.topos.nn.Tensors;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Tensor;

/**
 * The TEM-transformer (Whittington, Warren &amp; Behrens, ICLR 2022): a causal transformer whose
 * queries and keys are a path-integrated position code and whose values are observations.
 *
 * <pre>
 *   e_t   = e0 at a world's first step, else sigma(e_{t-1} W_{a_t})          (PathIntegration)
 *   r_t   = softmax memory over (zscore(e_tau) W_e, x_tau W_x), tau &lt; t, same world (AttentionMemory)
 *   x^_t  = MLP(r_t)                                                           (Readout)
 * </pre>
 *
 * The memory carried between chunks holds the last (zscore(e), x) pairs of the current world,
 * detached; their keys and values are recomputed with the current W_e, W_x. How many it holds is
 * the carry's size: {@code memory} in training, any number (e.g. a whole walk) in evaluation.
 */
public final class TemTransformer extends Module implements WalkPredictor {
    private final PathIntegration path;
    private final AttentionMemory memory;
    private final Readout readout;
    private final int symbols;
    private final TemModelConfig cfg;

    public TemTransformer(TemModelConfig cfg, int symbols, int actions) {
        this.symbols = symbols;
        this.cfg = cfg;
        path = child("path", new PathIntegration(cfg.codeUnits(), actions, cfg.transitionHidden(),
                cfg.transitionInit(), cfg.activation(), cfg.codeNorm(), "orthogonal".equals(cfg.transition())));
        memory = child("memory", new AttentionMemory(cfg.codeUnits(), symbols, cfg.keyDim(), cfg.valueDim()));
        readout = child("readout", new Readout(cfg.valueDim(), cfg.readoutHidden(), symbols));
    }

    @Override
    public int symbols() {
        return symbols;
    }

    /**
     * Per chunk (K = memory + T keys, A actions): transitions 2(A-1)H_t E^2; path integration
     * T * 2B E (A E) (e times every move side by side; each row keeps its own action's block); keys,
     * queries, values 2B(K E d_k + T E d_k + K S d_v);
     * scores and retrieval 2BTK(d_k + d_v); readout 2BT(d_v H + H S).
     */
    @Override
    public double forwardFlops(int batch, int steps) {
        double e = cfg.codeUnits();
        double a = path.actions();
        double k = cfg.memory() + steps;
        double b = batch;
        double t = steps;
        return 2 * (a - 1) * cfg.transitionHidden() * e * e
                + t * 2 * b * e * a * e
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
        c.put("e", Tensors.zeros(batch, path.units()));
        c.put("mem_codes", Tensors.zeros(batch, capacity, path.units()));
        c.put("mem_obs", Tensors.zeros(batch, capacity, symbols));
        c.put("mem_valid", Tensors.zeros(batch, capacity));
        return c;
    }

    @Override
    public Prediction forward(Carry carry, WalkBatch in) {
        Tensor moves = path.sideBySide(path.transitions());
        Tensor e0 = path.initial(in.batch());
        Tensor e = carry.get("e");
        Tensor start = in.start().unsqueeze(2);
        Tensor continuing = in.continuing().unsqueeze(2);
        List<Tensor> codes = new ArrayList<>(in.steps());
        for (int t = 0; t < in.steps(); t++) {
            Tensor integrated = path.step(e, moves, in.actionIn().select(1, t));
            e = integrated.mul(continuing.select(1, t)).add(e0.mul(start.select(1, t)));
            codes.add(e);
        }
        Tensor code = Tensors.stack(codes, 1);
        Tensor z = AttentionMemory.zscore(code);
        Tensor x = in.obsOneHot(symbols);
        Tensor keyCodes = Tensors.cat(List.of(carry.get("mem_codes"), z), 1);
        Tensor keyObs = Tensors.cat(List.of(carry.get("mem_obs"), x), 1);
        Tensor carriedMask = carry.get("mem_valid").unsqueeze(1).mul(in.carriedAlive().unsqueeze(2));
        Tensor mask = Tensors.cat(List.of(carriedMask, in.causal()), 2);
        AttentionMemory.Retrieval retrieved = memory.retrieve(z, keyCodes, keyObs, mask);
        Tensor logits = readout.apply(retrieved.values());

        Tensor valid = Tensors.cat(List.of(carry.get("mem_valid").mul(in.aliveAtEnd().unsqueeze(1)), in.inLastWorld()), 1);
        long capacity = carry.get("mem_valid").size(1);
        long total = valid.size(1);
        carry.put("e", e);
        carry.put("mem_codes", keyCodes.narrow(1, total - capacity, capacity));
        carry.put("mem_obs", keyObs.narrow(1, total - capacity, capacity));
        carry.put("mem_valid", valid.narrow(1, total - capacity, capacity));
        return new Prediction(logits, code, retrieved.attention());
    }
}
