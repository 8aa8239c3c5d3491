package dev.topos.model;

import static dev.topos.config.Configs.at;

import dev.topos.config.Check;
import dev.topos.config.Validated;
import java.util.List;

/**
 * Model section of a walk experiment.
 *
 * @param kind             "tem-t" (TEM-transformer) or "lstm" (baseline)
 * @param codeUnits        E, size of the position code e (TEM-t)
 * @param keyDim           d_k of the memory keys (TEM-t)
 * @param valueDim         d_v of the memory values (TEM-t)
 * @param activation       sigma of path integration: "relu" or "linear" (TEM-t)
 * @param transition       "additive" (W_a = I + A, the paper), "orthogonal" (W_a = Cayley(A - A^T)) or "rotation"
 *                         (commuting plane rotations, {@link dev.topos.nn.RotationPathIntegration}) (TEM-t)
 * @param tieInverses      rotation only: opposite moves have opposite angles, W_S = W_N^-1 (a prior the
 *                         paper does not have) (TEM-t)
 * @param codeNorm         rescale e to unit RMS after each step (Topos's stabiliser; false = paper) (TEM-t)
 * @param transitionHidden tanh hidden units of the action MLP (TEM-t)
 * @param transitionInit   std at birth of the action MLP's output weights (0 = the spec's zero init); with
 *                         rotation, of the angles (in radians: 1 spreads the planes' frequencies so that the code
 *                         tells nodes apart from the first update) and of the generator of Q (TEM-t)
 * @param memory           memories kept per slot (the most recent of the current world) (TEM-t)
 * @param lstmHidden       hidden units of the LSTM baseline
 * @param readoutHidden    hidden units of the MLP readout (both)
 * @param landmark         landmark drift correction ({@link dev.topos.nn.LandmarkCorrection}), part of the paper's
 *                         model (TEM-t)
 * @param conjunctive      store a step only if no memory holds its (code, observation) conjunction (the paper);
 *                         false stores every step (TEM-t)
 * @param conjunctionThreshold the correlation of zscored codes above which a memory of the same observation holds
 *                         a step's conjunction (TEM-t)
 * @param gridUnits        G &gt; 0: the memory reads positions through G non-negative units p = relu(zscore(e) W_p + b_p)
 *                         ({@link dev.topos.nn.GridReadout}, trained with {@code loss.grid_activity}), and the
 *                         analyses score those units for grids; 0: through zscore(e), the paper's form (TEM-t)
 */
public record TemModelConfig(String kind, int codeUnits, int keyDim, int valueDim, String activation,
                             String transition, boolean tieInverses, boolean codeNorm, int transitionHidden,
                             double transitionInit, int memory, int lstmHidden, int readoutHidden, boolean landmark,
                             boolean conjunctive, double conjunctionThreshold, int gridUnits) implements Validated {
    public static final List<String> KINDS = List.of("tem-t", "lstm");
    public static final List<String> TRANSITIONS = List.of("additive", "orthogonal", "rotation");

    @Override
    public void validate(String p) {
        Check.oneOf(at(p, "kind"), kind, KINDS);
        Check.range(at(p, "code_units"), codeUnits, 2, 4096);
        Check.range(at(p, "key_dim"), keyDim, 1, 4096);
        Check.range(at(p, "value_dim"), valueDim, 1, 4096);
        Check.oneOf(at(p, "activation"), activation, List.of("relu", "linear"));
        Check.oneOf(at(p, "transition"), transition, TRANSITIONS);
        boolean rotation = "rotation".equals(transition);
        Check.require(!tieInverses || rotation, at(p, "tie_inverses") + " = true needs " + at(p, "transition")
                + " = rotation (only rotations have an inverse by their angles)");
        Check.require(!rotation || "linear".equals(activation), at(p, "activation") + " = '" + activation + "' with "
                + at(p, "transition") + " = rotation: rotations commute only without a nonlinearity between steps; "
                + "use linear");
        Check.require(!rotation || !codeNorm, at(p, "code_norm") + " = true with " + at(p, "transition")
                + " = rotation: a rotation keeps |e|, so there is nothing to normalise; use false");
        Check.range(at(p, "transition_hidden"), transitionHidden, 1, 4096);
        Check.range(at(p, "transition_init"), transitionInit, 0, 1);
        Check.range(at(p, "memory"), memory, 1, 1_000_000);
        Check.range(at(p, "lstm_hidden"), lstmHidden, 1, 8192);
        Check.range(at(p, "readout_hidden"), readoutHidden, 1, 8192);
        Check.range(at(p, "conjunction_threshold"), conjunctionThreshold, -1, 1);
        Check.range(at(p, "grid_units"), gridUnits, 0, 4096);
    }
}
