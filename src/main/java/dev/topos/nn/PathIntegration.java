package dev.topos.nn;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Action-dependent path integration of the TEM-transformer (Whittington, Warren &amp; Behrens,
 * ICLR 2022, eq. 4):
 *
 * <pre>
 *   e_{t+1} = sigma( e_t W_{a_t} ),   W_a = I + reshape( tanh(onehot(a) W_h) W_o )
 * </pre>
 *
 * W_h (moves x hidden, no bias) and W_o (hidden x E*E); sigma is linear or ReLU. As in TEM, "stay"
 * is the zero action vector, so through the bias-free MLP W_stay = I always. A learned {@code e0}
 * starts every world.
 *
 * <p>W_o is drawn from N(0, initStd^2). The spec's zero init (every move the identity at birth)
 * is a fixed point: all codes, hence all keys, are equal, so the gradient reaching W_o is exactly
 * zero and training never leaves it; a small random start breaks the symmetry.
 *
 * <p>With {@code orthogonal} (Topos's option, not the paper's), the MLP output is read as a
 * generator instead of an increment: A_a = reshape(tanh(onehot(a) W_h) W_o), S = A - A^T, and
 * W_a = (I - S)(I + S)^{-1} (the Cayley map). W_a is then orthogonal, so path integration neither
 * explodes nor vanishes however long the walk, zero output is still the identity, and the inverse
 * of a move is the negated generator (Cayley(-S) = Cayley(S)^{-1}).
 *
 * <p>With {@code normalise}, each new code is rescaled to unit root-mean-square,
 * e &lt;- e / sqrt(mean(e^2) + 1e-6). This is Topos's addition, not the paper's: the code is
 * carried over thousands of steps, and one Adam step moves every entry of W_a by about the
 * learning rate, which can change its spectral norm by O(1) and blow the code up. The memory
 * z-scores the code anyway, so only its direction reaches attention. {@code normalise = false}
 * is the paper's literal form.
 */
public final class PathIntegration extends Module implements PositionCode {
    private final int units;
    private final int actions;
    private final boolean relu;
    private final boolean normalise;
    private final boolean orthogonal;
    private final Tensor wHidden;
    private final Tensor wOut;
    private final Tensor e0;
    private final int hidden;

    /**
     * @param units      E, size of the position code
     * @param actions    number of actions (5: stay, N, E, S, W)
     * @param hidden     tanh hidden units of the transition MLP
     * @param initStd    standard deviation of W_o at birth
     * @param activation "linear" or "relu"
     * @param normalise  rescale each new code to unit RMS
     * @param orthogonal W_a = Cayley(A - A^T) instead of I + A
     */
    public PathIntegration(int units, int actions, int hidden, double initStd, String activation, boolean normalise,
                           boolean orthogonal) {
        this.units = units;
        this.actions = actions;
        this.hidden = hidden;
        this.normalise = normalise;
        this.orthogonal = orthogonal;
        this.relu = switch (activation) {
            case "relu" -> true;
            case "linear" -> false;
            default -> throw new IllegalArgumentException("activation '" + activation + "': allowed linear, relu");
        };
        wHidden = parameter("w_hidden", Init.normal(1.0, actions - 1, hidden));
        wOut = parameter("w_out", initStd > 0 ? Init.normal(initStd, hidden, (long) units * units)
                : Init.constant(0, hidden, (long) units * units));
        e0 = parameter("e0", Init.normal(1.0, units));
    }

    @Override
    public int units() {
        return units;
    }

    @Override
    public int actions() {
        return actions;
    }

    /**
     * The transitions, 2 H E^2, and per step e times every move side by side, 2 B E (A E)
     * (each row keeps its own action's block).
     */
    @Override
    public double flops(int batch, int steps) {
        double e = units;
        return 2.0 * (actions - 1) * hidden * e * e + steps * 2.0 * batch * e * actions * e;
    }

    /**
     * W_a for every action: (actions, E, E), stay (action 0) first. onehot(a) W_h is row a of W_h,
     * so all moves are one matmul.
     */
    public Tensor transitions() {
        Tensor eye = torch.eye(units, Tensors.options(wHidden.scalar_type())).unsqueeze(0);
        Tensor a = wHidden.tanh().matmul(wOut).reshape(actions - 1, units, units);
        Tensor moves;
        if (orthogonal) {
            Tensor skew = a.sub(a.transpose(1, 2));
            moves = eye.sub(skew).matmul(torch.linalg_inv(eye.add(skew)));
        } else {
            moves = a.add(eye);
        }
        return Tensors.cat(List.of(eye, moves), 0);
    }

    /** e_t = sigma(e_{t-1} W_{a_t}) (eq. 4), one step after another; see {@link PositionCode#integrate}. */
    @Override
    public Tensor integrate(Tensor e, Tensor actions, Tensor start, Tensor continuing) {
        Stepper stepper = stepper();
        List<Tensor> codes = new ArrayList<>((int) actions.size(1));
        for (int t = 0; t < actions.size(1); t++) {
            e = stepper.next(e, actions.select(1, t), start.narrow(1, t, 1), continuing.narrow(1, t, 1));
            codes.add(e);
        }
        return Tensors.stack(codes, 1);
    }

    @Override
    public Stepper stepper() {
        Tensor moves = sideBySide(transitions());
        return (e, action, start, continuing) -> step(e, moves, action).mul(continuing)
                .add(initial((int) e.size(0)).mul(start));
    }

    /** The learned start code repeated for a batch: (B, E). */
    public Tensor initial(int batch) {
        return e0.unsqueeze(0).expand(batch, units);
    }

    /**
     * Every move's matrix side by side, [W_0 W_1 ... W_{A-1}] (E, A E), from all of them (A, E, E):
     * built once per chunk, so that a step is one product.
     */
    public Tensor sideBySide(Tensor all) {
        return all.permute(1, 0, 2).reshape(units, (long) actions * units);
    }

    /**
     * One step for a batch: sigma(e_b W_{a_b}) for e (B, E) and actions {@code taken} (B, int64),
     * normalised if set. e is multiplied by every move at once, e [W_0 ... W_{A-1}] (B, A E), and
     * each row keeps its own action's block: one (B x E) by (E x A E) product instead of B small
     * ones, and its gradient reaches {@code sideBySide} as one product too.
     */
    public Tensor step(Tensor e, Tensor sideBySide, Tensor taken) {
        long b = e.size(0);
        Tensor every = e.matmul(sideBySide).reshape(b, actions, units);
        Tensor next = every.gather(1, taken.reshape(b, 1, 1).expand(b, 1, units), false).squeeze(1);
        if (relu) {
            next = next.relu();
        }
        return normalise ? next.div(Tensors.add(Tensors.meanKeep(next.square(), -1), 1e-6).sqrt()) : next;
    }
}
