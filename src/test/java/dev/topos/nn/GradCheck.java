package dev.topos.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.topos.util.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Compares autograd gradients with central finite differences, (f(w + h) - f(w - h)) / 2h, in
 * float64, at a few random coordinates of every input.
 */
public final class GradCheck {
    private GradCheck() {}

    /** The arrays of a block's parameters, in {@link NamedParameters} order. */
    public static List<NDArray> parameters(Block block) {
        List<NDArray> out = new ArrayList<>();
        for (Parameter p : NamedParameters.of(block).values()) {
            out.add(p.getArray());
        }
        return out;
    }

    public static void check(List<NDArray> inputs, Supplier<NDArray> loss, int samplesPerInput) {
        for (NDArray x : inputs) {
            x.setRequiresGradient(true);
        }
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(loss.get());
        }
        Rng rng = new Rng(1234);
        double h = 1e-6;
        for (int i = 0; i < inputs.size(); i++) {
            NDArray x = inputs.get(i);
            // An input the loss does not use has an undefined gradient, which DJL returns as float32 zeros.
            double[] grad = x.getGradient().toType(x.getDataType(), false).toDoubleArray();
            double[] w = x.toDoubleArray();
            for (int s = 0; s < Math.min(samplesPerInput, w.length); s++) {
                int k = rng.nextInt(w.length);
                double orig = w[k];
                w[k] = orig + h;
                write(x, w);
                double up = loss.get().getDouble();
                w[k] = orig - h;
                write(x, w);
                double down = loss.get().getDouble();
                w[k] = orig;
                write(x, w);
                double numeric = (up - down) / (2 * h);
                assertEquals(numeric, grad[k], 1e-6 + 1e-4 * Math.abs(numeric),
                        "input " + i + " coordinate " + k);
            }
        }
    }

    private static void write(NDArray x, double[] values) {
        try (NDArray tmp = x.getManager().create(values, x.getShape())) {
            tmp.copyTo(x);
        }
    }
}
