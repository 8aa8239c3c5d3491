package dev.topos.nn;

import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Path integration whose moves commute: every move is a rotation of the same planes,
 *
 * <pre>
 *   W_a = Q blockdiag(R(theta_{a,1}), ..., R(theta_{a,K})) Q^T,    R(t) = [[cos t, -sin t], [sin t, cos t]]
 * </pre>
 *
 * with K = floor(E / 2) planes (an odd last unit is left as it is), Q = Cayley(S) = (I - S)(I + S)^-1
 * orthogonal from a learned skew-symmetric S = A - A^T, and learned angles theta per move and plane;
 * stay is theta = 0, W = I. This makes the code an exact displacement code (Gao et al. 2021,
 * arXiv 2006.10259; MapFormer, arXiv 2511.19279): a walk's code depends only on the summed
 * displacement, so a loop returns it to where it was, and no nonlinearity sits between steps (one
 * would break the commuting product; sigma is linear). |e| never changes, so it needs no
 * normalisation.
 *
 * <p>Because the moves commute, e_t = e_s W_{a_{s+1}} ... W_{a_t} = rot((e_s Q), phi_t) Q^T with
 * phi_t = theta_{a_{s+1}} + ... + theta_{a_t}, s the step the code last started from (the chunk's
 * carried code, or e0 at a world's start): one sum of angles replaces T sequential products. The
 * sums are a (T x T) mask times the angles rather than a cumulative sum from the chunk's first step
 * less its value at the start: the difference of two cumulative sums would carry the rounding of the
 * angles before a world switch into the new world's codes.
 *
 * <p>With {@code tieInverses} (a prior the paper does not have) opposite moves have opposite angles,
 * theta_S = -theta_N and theta_W = -theta_E, so that W_S = W_N^-1: going back undoes going there.
 * Actions are stay, N, E, S, W.
 */
public final class RotationPathIntegration extends Module implements PositionCode {
    private static final int ACTIONS = 5;
    private final int units;
    private final int planes;
    private final boolean tieInverses;
    private final Tensor generator;
    private final Tensor angles;
    private final Tensor e0;

    /**
     * @param units       E, the size of the code
     * @param initStd     std of the generator A and of the angles at birth
     * @param tieInverses theta_S = -theta_N, theta_W = -theta_E
     */
    public RotationPathIntegration(int units, double initStd, boolean tieInverses) {
        if (units < 2) {
            throw new IllegalArgumentException("a rotation code needs at least 2 units, got " + units);
        }
        this.units = units;
        this.planes = units / 2;
        this.tieInverses = tieInverses;
        generator = parameter("generator", Init.normal(initStd, units, units));
        angles = parameter("angles", Init.normal(initStd, tieInverses ? 2 : ACTIONS - 1, planes));
        e0 = parameter("e0", Init.normal(1.0, units));
    }

    @Override
    public int units() {
        return units;
    }

    @Override
    public int actions() {
        return ACTIONS;
    }

    /** Q = (I - S)(I + S)^-1 with S = A - A^T: (E, E), orthogonal. */
    public Tensor basis() {
        Tensor eye = torch.eye(units, Tensors.options(generator.scalar_type()));
        Tensor skew = generator.sub(generator.t());
        return eye.sub(skew).matmul(torch.linalg_inv(eye.add(skew)));
    }

    /** The angles of every action, (A, K): stay 0, then N, E, S, W. */
    public Tensor actionAngles() {
        Tensor stay = Tensors.zeros(1, planes).to(angles.scalar_type());
        Tensor moves = tieInverses
                ? Tensors.cat(List.of(angles, angles.neg()), 0) // N, E, then S = -N, W = -E
                : angles;
        return Tensors.cat(List.of(stay, moves), 0);
    }

    /** W_a for every action, (A, E, E): the rotations written out (for tests and analyses). */
    public Tensor transitions() {
        Tensor q = basis();
        Tensor theta = actionAngles();
        Tensor eye = torch.eye(units, Tensors.options(generator.scalar_type()));
        Tensor[] w = new Tensor[ACTIONS];
        for (int a = 0; a < ACTIONS; a++) {
            Tensor rotated = rotate(eye.unsqueeze(0), theta.select(0, a).unsqueeze(0).unsqueeze(0)).squeeze(0);
            w[a] = q.matmul(rotated).matmul(q.t());
        }
        return Tensors.stack(List.of(w), 0);
    }

    @Override
    public Tensor integrate(Tensor e, Tensor actions, Tensor start, Tensor continuing) {
        long b = actions.size(0);
        long t = actions.size(1);
        // Each step's angles, none at a world's start (its code is e0 whatever the action).
        Tensor theta = actionAngles().index_select(0, actions.reshape(-1)).reshape(b, t, planes)
                .mul(continuing.unsqueeze(2));
        // The last start at or before each step (0 where none in this chunk), as position + 1.
        Tensor position = Tensors.add(Tensors.arange(t).to(start.scalar_type()), 1);
        Tensor lastStart = torch.cummax(start.mul(position.unsqueeze(0)), 1).get0();
        Tensor started = Tensors.gte(lastStart, 1).to(start.scalar_type()).unsqueeze(2);
        // phi_t = sum of theta_tau over lastStart <= tau + 1 <= t + 1: a (B, T, T) mask times the angles,
        // summed elementwise (a product would run in bf16 under autocast, and angles grow to tens of radians).
        Tensor tau = position.reshape(1, 1, t);
        Tensor since = tau.ge(lastStart.unsqueeze(2)).logical_and(tau.le(position.reshape(1, t, 1)))
                .to(theta.scalar_type());
        Tensor phi = Tensors.sum(since.unsqueeze(3).mul(theta.unsqueeze(1)), 2);
        Tensor base = e.unsqueeze(1).mul(Tensors.oneMinus(started)).add(e0.reshape(1, 1, units).mul(started));
        Tensor q = basis();
        return rotate(base.matmul(q), phi).matmul(q.t());
    }

    /** e_t = rot(e_{t-1} Q, theta_{a_t}) Q^T, one step (the general form {@link #integrate} sums up). */
    @Override
    public Stepper stepper() {
        Tensor q = basis();
        Tensor theta = actionAngles();
        return (e, action, start, continuing) -> {
            Tensor turned = rotate(e.matmul(q).unsqueeze(1), theta.index_select(0, action).unsqueeze(1)).squeeze(1);
            return turned.matmul(q.t()).mul(continuing).add(e0.unsqueeze(0).mul(start));
        };
    }

    /** Rotates the plane pairs (2k, 2k + 1) of y (B, T, E) by phi (B, T, K); an odd last unit stays. */
    private Tensor rotate(Tensor y, Tensor phi) {
        long b = y.size(0);
        long t = y.size(1);
        Tensor pairs = y.narrow(2, 0, 2L * planes).reshape(b, t, planes, 2);
        Tensor u = pairs.select(3, 0);
        Tensor v = pairs.select(3, 1);
        Tensor cos = phi.cos();
        Tensor sin = phi.sin();
        Tensor turned = Tensors.stack(List.of(cos.mul(u).sub(sin.mul(v)), sin.mul(u).add(cos.mul(v))), 3)
                .reshape(b, t, 2L * planes);
        return units % 2 == 0 ? turned : Tensors.cat(List.of(turned, y.narrow(2, 2L * planes, 1)), 2);
    }

    /** Q: 2 E^3 (the product with the inverse); per step the two projections, 2 x 2 B E^2. */
    @Override
    public double flops(int batch, int steps) {
        double e = units;
        return 2 * e * e * e + 4.0 * batch * steps * e * e;
    }
}
