package dev.topos.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.topos.util.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Compares autograd gradients with central finite differences, (f(w + h) - f(w - h)) / 2h, in
 * float64, at a few random coordinates of every input. Build the module and inputs inside
 * {@link #float64} so that they are float64.
 */
public final class GradCheck {
    private GradCheck() {}

    /** Runs {@code body} with float64 as the engine's float type (restored after). */
    public static void float64(Runnable body) {
        ScalarType before = Engine.floatType();
        Engine.useFloatType(ScalarType.Double);
        try {
            body.run();
        } finally {
            Engine.useFloatType(before);
        }
    }

    /** The tensors of a module's parameters, in {@link Module#parameters()} order. */
    public static List<Tensor> parameters(Module module) {
        return new ArrayList<>(module.parameters().values());
    }

    /** {@code inputs} become leaves that require a gradient (parameters already are). */
    public static void check(List<Tensor> inputs, Supplier<Tensor> loss, int samplesPerInput) {
        for (Tensor x : inputs) {
            if (!x.requires_grad()) {
                x.set_requires_grad(true);
            }
            if (x.grad().defined()) {
                Tensors.zero(x.grad());
            }
        }
        try (PointerScope ignored = new PointerScope()) {
            loss.get().backward();
        }
        Rng rng = new Rng(1234);
        double h = 1e-6;
        for (int i = 0; i < inputs.size(); i++) {
            Tensor x = inputs.get(i);
            // An input the loss does not use has an undefined gradient: zero.
            double[] w = Tensors.toDoubles(x);
            double[] grad = x.grad().defined() ? Tensors.toDoubles(x.grad()) : new double[w.length];
            for (int s = 0; s < Math.min(samplesPerInput, w.length); s++) {
                int k = rng.nextInt(w.length);
                double orig = w[k];
                w[k] = orig + h;
                double up = evaluate(x, w, loss);
                w[k] = orig - h;
                double down = evaluate(x, w, loss);
                w[k] = orig;
                write(x, w);
                double numeric = (up - down) / (2 * h);
                assertEquals(numeric, grad[k], 1e-6 + 1e-4 * Math.abs(numeric),
                        "input " + i + " coordinate " + k);
            }
        }
    }

    private static double evaluate(Tensor x, double[] values, Supplier<Tensor> loss) {
        write(x, values);
        try (PointerScope ignored = new PointerScope()) {
            return Tensors.item(loss.get());
        }
    }

    private static void write(Tensor x, double[] values) {
        try (PointerScope ignored = new PointerScope()) {
            Tensors.copy(Tensors.doubles(values, x.shape()), x);
        }
    }
}
