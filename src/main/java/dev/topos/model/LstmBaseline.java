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
import dev.topos.nn.LstmCell;
import dev.topos.nn.NamedParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The baseline the TEM papers compare with: an LSTM that reads the previous observation and the
 * action just taken, and predicts the current observation with the same MLP readout as TEM-t.
 *
 * <pre>
 *   h_t, c_t = LSTM([x_{t-1}, a_t], h_{t-1}, c_{t-1});  x^_t = MLP(h_t)    (state zeroed at a world start)
 * </pre>
 */
public final class LstmBaseline implements WalkPredictor {
    private final LstmCell cell;
    private final SequentialBlock readout;
    private final int symbols;
    private final int actions;
    private final int readoutHidden;
    private final ParameterStore store;

    public LstmBaseline(NDManager manager, TemModelConfig cfg, int symbols, int actions) {
        this.symbols = symbols;
        this.actions = actions;
        this.readoutHidden = cfg.readoutHidden();
        cell = new LstmCell(symbols + actions, cfg.lstmHidden());
        cell.initialize(manager, DataType.FLOAT32, new Shape(1, symbols + actions));
        readout = Readout.mlp(manager, cfg.lstmHidden(), cfg.readoutHidden(), symbols);
        store = new ParameterStore(manager, false);
    }

    @Override
    public Map<String, Parameter> parameters() {
        return NamedParameters.of(Map.entry("lstm", cell), Map.entry("readout", readout));
    }

    @Override
    public int symbols() {
        return symbols;
    }

    /** Per chunk: input projection 2BT(S+A)4H, recurrence 2BT H 4H, readout 2BT(H H_r + H_r S). */
    @Override
    public double forwardFlops(int batch, int steps) {
        double bt = (double) batch * steps;
        double h = cell.hidden();
        return 2 * bt * ((symbols + actions) * 4 * h + h * 4 * h + h * readoutHidden + (double) readoutHidden * symbols);
    }

    @Override
    public Carry initialCarry(NDManager m, int batch) {
        Carry c = new Carry();
        c.put("h", m.zeros(new Shape(batch, cell.hidden())));
        c.put("c", m.zeros(new Shape(batch, cell.hidden())));
        c.put("last_obs", m.zeros(new Shape(batch, 1, symbols)));
        return c;
    }

    @Override
    public Prediction forward(Carry carry, WalkBatch in) {
        NDArray x = in.obsOneHot(symbols);
        NDArray keep = in.continuing().expandDims(2);
        NDArray previous = carry.get("last_obs").concat(x.get(":, :-1"), 1);
        NDArray inputs = previous.concat(in.actionIn().oneHot(actions, DataType.FLOAT32), 2).mul(keep);
        NDArray projected = cell.inputProjection(inputs);
        NDArray h = carry.get("h");
        NDArray c = carry.get("c");
        List<NDArray> hs = new ArrayList<>(in.steps());
        for (int t = 0; t < in.steps(); t++) {
            NDIndex at = new NDIndex(":, {}", t);
            NDArray k = keep.get(at);
            NDList next = cell.step(projected.get(at), h.mul(k), c.mul(k));
            h = next.get(0);
            c = next.get(1);
            hs.add(h);
        }
        NDArray hidden = NDArrays.stack(new NDList(hs), 1);
        NDArray logits = readout.forward(store, new NDList(hidden), true).singletonOrThrow();
        carry.put("h", h);
        carry.put("c", c);
        carry.put("last_obs", x.get(":, -1:"));
        return new Prediction(logits, hidden, null);
    }
}
