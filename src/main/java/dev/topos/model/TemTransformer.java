package dev.topos.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import dev.topos.nn.AttentionMemory;
import dev.topos.nn.NamedParameters;
import dev.topos.nn.PathIntegration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
public final class TemTransformer implements WalkPredictor {
    private final PathIntegration path;
    private final AttentionMemory memory;
    private final SequentialBlock readout;
    private final int symbols;
    private final TemModelConfig cfg;
    private final ParameterStore store;

    public TemTransformer(NDManager manager, TemModelConfig cfg, int symbols, int actions) {
        this.symbols = symbols;
        this.cfg = cfg;
        path = new PathIntegration(cfg.codeUnits(), actions, cfg.transitionHidden(), (float) cfg.transitionInit(),
                cfg.activation(), cfg.codeNorm(), "orthogonal".equals(cfg.transition()));
        path.initialize(manager, DataType.FLOAT32, new Shape(1, cfg.codeUnits()), new Shape(1));
        memory = new AttentionMemory(cfg.codeUnits(), symbols, cfg.keyDim(), cfg.valueDim());
        memory.initialize(manager, DataType.FLOAT32, new Shape(1, 1, cfg.codeUnits()));
        readout = Readout.mlp(manager, cfg.valueDim(), cfg.readoutHidden(), symbols);
        store = new ParameterStore(manager, false);
    }

    @Override
    public Map<String, Parameter> parameters() {
        return NamedParameters.of(Map.entry("path", path), Map.entry("memory", memory), Map.entry("readout", readout));
    }

    @Override
    public int symbols() {
        return symbols;
    }

    /**
     * Per chunk (K = memory + T keys, A actions): transitions 2(A-1)H_t E^2; path integration
     * T * 2B(A+1)E^2 (select W_a, then e W_a); keys, queries, values 2B(K E d_k + T E d_k + K S d_v);
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
                + t * 2 * b * (a + 1) * e * e
                + 2 * b * (k * e * cfg.keyDim() + t * e * cfg.keyDim() + k * symbols * cfg.valueDim())
                + 2 * b * t * k * (cfg.keyDim() + cfg.valueDim())
                + 2 * b * t * ((double) cfg.valueDim() * cfg.readoutHidden() + (double) cfg.readoutHidden() * symbols);
    }

    @Override
    public Carry initialCarry(NDManager m, int batch) {
        return initialCarry(m, batch, cfg.memory());
    }

    /** A carry whose memory holds the last {@code capacity} steps of the current world. */
    public Carry initialCarry(NDManager m, int batch, int capacity) {
        Carry c = new Carry();
        c.put("e", m.zeros(new Shape(batch, path.units())));
        c.put("mem_codes", m.zeros(new Shape(batch, capacity, path.units())));
        c.put("mem_obs", m.zeros(new Shape(batch, capacity, symbols)));
        c.put("mem_valid", m.zeros(new Shape(batch, capacity)));
        return c;
    }

    @Override
    public Prediction forward(Carry carry, WalkBatch in) {
        NDArray actions = in.actionIn().oneHot(path.actions(), DataType.FLOAT32);
        NDArray transitions = path.transitions();
        NDArray e0 = path.initial(in.batch());
        NDArray e = carry.get("e");
        NDArray start = in.start().expandDims(2);
        NDArray continuing = in.continuing().expandDims(2);
        List<NDArray> codes = new ArrayList<>(in.steps());
        for (int t = 0; t < in.steps(); t++) {
            NDIndex at = new NDIndex(":, {}", t);
            NDArray integrated = path.step(e, path.select(transitions, actions.get(at)));
            e = integrated.mul(continuing.get(at)).add(e0.mul(start.get(at)));
            codes.add(e);
        }
        NDArray code = NDArrays.stack(new NDList(codes), 1);
        NDArray z = AttentionMemory.zscore(code);
        NDArray x = in.obsOneHot(symbols);
        NDArray keyCodes = carry.get("mem_codes").concat(z, 1);
        NDArray keyObs = carry.get("mem_obs").concat(x, 1);
        NDArray carriedMask = carry.get("mem_valid").expandDims(1).mul(in.carriedAlive().expandDims(2));
        NDArray mask = carriedMask.concat(in.causal(), 2);
        NDList retrieved = memory.retrieve(z, keyCodes, keyObs, mask);
        NDArray logits = readout.forward(store, new NDList(retrieved.get(0)), true).singletonOrThrow();

        NDArray valid = carry.get("mem_valid").mul(in.aliveAtEnd().expandDims(1)).concat(in.inLastWorld(), 1);
        NDIndex recent = new NDIndex(":, -" + carry.get("mem_valid").getShape().get(1) + ":");
        carry.put("e", e);
        carry.put("mem_codes", keyCodes.get(recent));
        carry.put("mem_obs", keyObs.get(recent));
        carry.put("mem_valid", valid.get(recent));
        return new Prediction(logits, code, retrieved.get(1));
    }
}
