package dev.topos.model;

import dev.topos.nn.Engine;
import dev.topos.nn.LstmCell;
import dev.topos.nn.Module;
import dev.topos.nn.Tensors;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * The baseline the TEM papers compare with: an LSTM that reads the previous observation and the
 * action just taken, and predicts the current observation with the same MLP readout as TEM-t.
 *
 * <pre>
 *   h_t, c_t = LSTM([x_{t-1}, a_t], h_{t-1}, c_{t-1});  x^_t = MLP(h_t)    (state zeroed at a world start)
 * </pre>
 */
public final class LstmBaseline extends Module implements WalkPredictor {
    private final LstmCell cell;
    private final Readout readout;
    private final int symbols;
    private final int actions;
    private final int readoutHidden;

    public LstmBaseline(TemModelConfig cfg, int symbols, int actions) {
        this.symbols = symbols;
        this.actions = actions;
        this.readoutHidden = cfg.readoutHidden();
        cell = child("lstm", new LstmCell(symbols + actions, cfg.lstmHidden()));
        readout = child("readout", new Readout(cfg.lstmHidden(), cfg.readoutHidden(), symbols));
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
    public Carry initialCarry(int batch) {
        Carry c = new Carry();
        c.put("h", Tensors.zeros(batch, cell.hidden()));
        c.put("c", Tensors.zeros(batch, cell.hidden()));
        c.put("last_obs", Tensors.zeros(batch, 1, symbols));
        return c;
    }

    @Override
    public Prediction forward(Carry carry, WalkBatch in) {
        Tensor x = in.obsOneHot(symbols);
        Tensor keep = in.continuing().unsqueeze(2);
        Tensor previous = Tensors.cat(List.of(carry.get("last_obs"), x.narrow(1, 0, in.steps() - 1)), 1);
        Tensor moves = torch.one_hot(in.actionIn(), actions).toType(Engine.floatType());
        Tensor projected = cell.inputProjection(Tensors.cat(List.of(previous, moves), 2).mul(keep));
        Tensor h = carry.get("h");
        Tensor c = carry.get("c");
        List<Tensor> hs = new ArrayList<>(in.steps());
        for (int t = 0; t < in.steps(); t++) {
            Tensor k = keep.select(1, t);
            LstmCell.State next = cell.step(projected.select(1, t), h.mul(k), c.mul(k));
            h = next.h();
            c = next.c();
            hs.add(h);
        }
        Tensor hidden = Tensors.stack(hs, 1);
        Tensor logits = readout.apply(hidden);
        carry.put("h", h);
        carry.put("c", c);
        carry.put("last_obs", x.narrow(1, in.steps() - 1, 1));
        return new Prediction(logits, hidden, null, null, null, null);
    }
}
