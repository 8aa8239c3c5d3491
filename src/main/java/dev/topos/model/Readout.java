package dev.topos.model;

import dev.topos.nn.Dense;
import dev.topos.nn.Init;
import dev.topos.nn.Module;
import org.bytedeco.pytorch.Tensor;

/**
 * The MLP readout both walk models share: x^ = W_2 relu(W_1 r + b_1) + b_2. Weights start
 * Glorot-uniform with gain sqrt(2) and biases at 0, the initialisation the walk models were tuned with.
 */
final class Readout extends Module {
    private final Dense hidden;
    private final Dense out;

    Readout(int inputs, int hiddenUnits, int symbols) {
        hidden = child("hidden", layer(inputs, hiddenUnits));
        out = child("out", layer(hiddenUnits, symbols));
    }

    private static Dense layer(int in, int outputs) {
        return new Dense(Init.xavierUniform(Math.sqrt(2), outputs, in), Init.constant(0, outputs));
    }

    /** (..., inputs) → logits (..., symbols). */
    Tensor apply(Tensor r) {
        return out.apply(hidden.apply(r).relu());
    }
}
