package dev.topos.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.nn.Tensors;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

class AdamWTest {
    private static Tensor param(float... values) {
        return Tensors.floats(values, values.length).set_requires_grad(true);
    }

    /** Two steps of loss = sum(c * w) compared with the AdamW formula evaluated by hand in double. */
    @Test
    void twoStepsMatchTheFormula() {
        try (PointerScope ignored = new PointerScope()) {
            float[] w0 = {0.5f, -1.0f, 2.0f};
            float[] c = {1.0f, -3.0f, 0.25f};
            Tensor p = param(w0);
            Map<String, Tensor> params = new LinkedHashMap<>();
            params.put("w", p);
            double lr = 0.1, b1 = 0.9, b2 = 0.999, eps = 1e-8, wd = 0.01;
            AdamW opt = new AdamW(params, b1, b2, eps, wd, 0, (n, t) -> true);
            double[] w = {w0[0], w0[1], w0[2]};
            double[] mm = new double[3];
            double[] vv = new double[3];
            for (int t = 1; t <= 2; t++) {
                p.mul(Tensors.floats(c, 3)).sum().backward();
                opt.step(lr);
                for (int i = 0; i < 3; i++) {
                    mm[i] = b1 * mm[i] + (1 - b1) * c[i];
                    vv[i] = b2 * vv[i] + (1 - b2) * c[i] * c[i];
                    double corr = Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
                    w[i] -= lr * (corr * mm[i] / (Math.sqrt(vv[i]) + eps) + wd * w[i]);
                }
            }
            float[] got = Tensors.toFloats(p);
            for (int i = 0; i < 3; i++) {
                assertEquals(w[i], got[i], 1e-5, "w[" + i + "]");
            }
            assertArrayEquals(new float[3], Tensors.toFloats(p.grad()), "gradients are zeroed");
        }
    }

    @Test
    void clippingScalesTheGradientToTheClipNorm() {
        try (PointerScope ignored = new PointerScope()) {
            Tensor p = param(0f, 0f);
            AdamW opt = new AdamW(Map.of("w", p), 0.5, 0.999, 1e-8, 0, 1.0, (n, t) -> false);
            p.mul(Tensors.floats(new float[] {3f, 4f}, 2)).sum().backward();
            assertEquals(5.0, opt.gradNorm(), 1e-6);
            opt.step(0.01);
            // m = (1 - b1) * g * clip / |g|
            assertArrayEquals(new float[] {0.5f * 0.6f, 0.5f * 0.8f}, Tensors.toFloats(opt.state().get("adam.m.w")),
                    1e-6f);
        }
    }

    /** The squares of (3e19, 4e19) overflow float32; the norm 5e19 does not, and is what gradNorm gives. */
    @Test
    void aGradientWhoseSquaresOverflowFloat32StillHasItsFiniteNorm() {
        try (PointerScope ignored = new PointerScope()) {
            Tensor p = param(0f, 0f);
            AdamW opt = new AdamW(Map.of("w", p), 0.9, 0.999, 1e-8, 0, 1.0, (n, t) -> false);
            p.mul(Tensors.floats(new float[] {3e19f, 4e19f}, 2)).sum().backward();
            assertEquals(5e19, opt.gradNorm(), 5e19 * 1e-6);
        }
    }

    /** A parameter the loss does not reach has no gradient: it adds 0 to the norm and only decays. */
    @Test
    void aParameterWithoutAGradientCountsAsZero() {
        try (PointerScope ignored = new PointerScope()) {
            Tensor used = param(1f);
            Tensor unused = param(2f, 2f);
            Map<String, Tensor> params = new LinkedHashMap<>();
            params.put("used", used);
            params.put("unused", unused);
            AdamW opt = new AdamW(params, 0.9, 0.999, 1e-8, 0.5, 0, (n, t) -> true);
            Tensors.mul(used, 3).sum().backward();
            assertFalse(unused.grad().defined());
            assertEquals(3.0, opt.gradNorm(), 1e-9);
            opt.step(0.1);
            assertArrayEquals(new float[] {2f * (1 - 0.1f * 0.5f), 2f * (1 - 0.1f * 0.5f)}, Tensors.toFloats(unused),
                    1e-6f, "decoupled decay only: m = v = 0");
            assertArrayEquals(new float[2], Tensors.toFloats(opt.state().get("adam.m.unused")));
        }
    }

    @Test
    void decayGoesToMatricesNotExempted() {
        try (PointerScope ignored = new PointerScope()) {
            var rule = AdamW.decayRule(name -> name.endsWith("positions"));
            assertTrue(rule.test("ffn.weight", Tensors.zeros(2, 3)));
            assertFalse(rule.test("ffn.bias", Tensors.zeros(3)), "rank 1");
            assertFalse(rule.test("input.positions", Tensors.zeros(2, 3)), "exempted by name");
        }
    }
}
