package dev.topos.nn;

import org.bytedeco.pytorch.Tensor;

/**
 * Sinusoidal position codes (Vaswani et al. 2017, "Attention is all you need", §3.5) times one
 * learned scalar, the crammed BERT's positions (Geiping &amp; Goldstein 2023, "Cramming", after Hua
 * et al. 2022, "Transformer quality in linear time" (FLASH); cramming's {@code ScaledSinosoidal}):
 *
 * <pre>
 *   PE[t, 2i]   = sin(t / 10000^(2i / N))
 *   PE[t, 2i+1] = cos(t / 10000^(2i / N))          t = 0 .. length-1, i = 0 .. ceil(N/2)-1
 *   P[t]        = a PE[t],                           a learned, a = 1 / sqrt(N) at the start
 * </pre>
 *
 * Sin and cos interleave along the units (even unit sin, odd unit cos), as the reference; for an
 * odd N the last unit is a sine. The table PE is a constant; a is the parameter {@code scale} when it
 * trains, else a constant.
 */
public final class ScaledSinusoidalPositions extends Module {
    private static final double BASE = 10_000;
    private final int length;
    private final Tensor table;
    private final Tensor scale;

    /**
     * @param length longest sequence
     * @param width  N, units per position
     * @param learned whether a trains (cramming) or stays 1 / sqrt(N)
     */
    public ScaledSinusoidalPositions(int length, int width, boolean learned) {
        this.length = length;
        table = constant(Tensors.doubles(code(length, width), length, width).toType(Engine.floatType()));
        Tensor a = Init.constant(1 / Math.sqrt(width), 1);
        scale = learned ? parameter("scale", a) : constant(a);
    }

    /** PE as a row-major (length x width) array, by the formula above. */
    public static double[] code(int length, int width) {
        double[] pe = new double[length * width];
        for (int t = 0; t < length; t++) {
            for (int j = 0; j < width; j++) {
                double angle = t / Math.pow(BASE, (j - j % 2) / (double) width);
                pe[t * width + j] = j % 2 == 0 ? Math.sin(angle) : Math.cos(angle);
            }
        }
        return pe;
    }

    /** a PE[0..steps), shape (steps, N), to add to (B, steps, N) token embeddings. */
    public Tensor positions(long steps) {
        if (steps > length) {
            throw new IllegalArgumentException("sequence of " + steps + " tokens; this model takes at most " + length);
        }
        return table.narrow(0, 0, steps).mul(scale);
    }

    /** The scale a. */
    public Tensor scale() {
        return scale;
    }
}
