package dev.topos.experiment.tem;

import dev.topos.nn.Tensors;
import org.bytedeco.pytorch.Tensor;

/** A walk chunk's [slot][step] flags as a (B, T) float mask: 1 where set. */
final class TemArrays {
    private TemArrays() {}

    static Tensor mask(boolean[][] flags) {
        int t = flags[0].length;
        float[] out = new float[flags.length * t];
        for (int b = 0; b < flags.length; b++) {
            for (int j = 0; j < t; j++) {
                out[b * t + j] = flags[b][j] ? 1f : 0f;
            }
        }
        return Tensors.floats(out, flags.length, t);
    }
}
