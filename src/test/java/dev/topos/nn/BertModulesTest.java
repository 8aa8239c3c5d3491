package dev.topos.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

/** LayerNorm, GELU-GLU, scaled sinusoidal positions and tied embeddings against hand-computed values. */
class BertModulesTest {
    private static void set(Module m, String name, double... values) {
        Tensor p = m.parameters().get(name);
        Tensors.copy(Tensors.doubles(values, p.shape()), p);
    }

    /** Phi(1.75) = 0.9599408431 (normal table), so GELU(1.75) = 1.75 Phi(1.75) = 1.679896475. */
    @Test
    void geluGluMatchesAHandComputedValue() {
        try (PointerScope ignored = new PointerScope()) {
            GeluGlu glu = new GeluGlu(2, 1, true);
            assertEquals(List.of("in.weight", "in.bias", "out.weight", "out.bias"), List.copyOf(glu.parameters().keySet()));
            set(glu, "in.weight", 1, 0, 0, 1);      // value = x0, gate = x1
            set(glu, "in.bias", 0.5, -0.25);
            set(glu, "out.weight", 2, -1);
            set(glu, "out.bias", 0.1, 0);
            // x = (1, 2): value 1.5, gate 1.75, product 1.5 x 1.679896475 = 2.519844713
            float[] y = Tensors.toFloats(glu.apply(Tensors.floats(new float[] {1, 2}, 1, 2)));
            assertArrayEquals(new float[] {(float) (2 * 2.519844713 + 0.1), (float) -2.519844713}, y, 1e-5f);
        }
    }

    /** A negative gate nearly closes: GELU(-3) = -3 Phi(-3) = -3 x 0.0013498980 = -0.004049694. */
    @Test
    void geluGluGateCloses() {
        try (PointerScope ignored = new PointerScope()) {
            GeluGlu glu = new GeluGlu(2, 1, false);
            set(glu, "in.weight", 1, 0, 0, 1);
            set(glu, "out.weight", 1, 1);
            float[] y = Tensors.toFloats(glu.apply(Tensors.floats(new float[] {10, -3}, 1, 2)));
            assertArrayEquals(new float[] {-0.04049694f, -0.04049694f}, y, 1e-6f);
        }
    }

    @Test
    void scaledSinusoidalPositionsFollowTheFormula() {
        try (PointerScope ignored = new PointerScope()) {
            int n = 6;
            ScaledSinusoidalPositions pos = new ScaledSinusoidalPositions(8, n, true);
            assertEquals(List.of("scale"), List.copyOf(pos.parameters().keySet()));
            double a = 1 / Math.sqrt(n);
            assertEquals(a, Tensors.item(pos.scale()), 1e-7);
            float[] p = Tensors.toFloats(pos.positions(5));
            assertEquals(5 * n, p.length);
            // t = 0: sin 0 = 0 on even units, cos 0 = 1 on odd ones
            assertArrayEquals(new float[] {0, (float) a, 0, (float) a, 0, (float) a}, java.util.Arrays.copyOf(p, n), 1e-7f);
            double f1 = Math.pow(10_000, -2.0 / 6);
            double f2 = Math.pow(10_000, -4.0 / 6);
            assertEquals(a * Math.sin(1), p[n], 1e-6);
            assertEquals(a * Math.cos(1), p[n + 1], 1e-6);
            assertEquals(a * Math.sin(2 * f1), p[2 * n + 2], 1e-6);
            assertEquals(a * Math.cos(3 * f1), p[3 * n + 3], 1e-6);
            assertEquals(a * Math.sin(4 * f2), p[4 * n + 4], 1e-6);
            assertEquals(a * Math.cos(4 * f2), p[4 * n + 5], 1e-6);
            // the scale is learned: d sum(P) / d a = sum(PE)
            pos.positions(5).sum().backward();
            double sumPe = 0;
            for (float v : p) {
                sumPe += v / a;
            }
            assertEquals(sumPe, Tensors.item(pos.scale().grad()), 1e-4);
        }
    }

    @Test
    void fixedScalePositionsHaveNoParameterAndTheSameCode() {
        try (PointerScope ignored = new PointerScope()) {
            ScaledSinusoidalPositions learned = new ScaledSinusoidalPositions(8, 6, true);
            ScaledSinusoidalPositions fixed = new ScaledSinusoidalPositions(8, 6, false);
            assertTrue(fixed.parameters().isEmpty(), "nothing of a fixed-scale code trains");
            assertFalse(fixed.positions(5).requires_grad());
            assertArrayEquals(Tensors.toFloats(learned.positions(5)), Tensors.toFloats(fixed.positions(5)), 0f);
        }
    }

    @Test
    void tiedEmbeddingsShareOneMatrix() {
        try (PointerScope ignored = new PointerScope()) {
            Engine.seed(3);
            TiedEmbeddings e = new TiedEmbeddings(7, 4, 0.02);
            Map<String, Tensor> params = e.parameters();
            assertEquals(List.of("weight"), List.copyOf(params.keySet()));
            assertEquals(28, e.parameterCount());
            assertSame(params.get("weight"), e.weight());
            Tensor ids = Tensors.longs(new long[] {2, 5}, 1, 2);
            float[] before = Tensors.toFloats(e.lookup(ids));
            // decode(h) = h E^T
            Tensor h = Tensors.floats(new float[] {1, 0, 0, 0}, 1, 4);
            assertArrayEquals(Tensors.toFloats(e.weight().select(1, 0)), Tensors.toFloats(e.decode(h)), 0f);
            // a gradient step on the output logit of token 5 moves token 5's input embedding
            e.decode(h).select(1, 5).sum().backward();
            Tensor w = e.weight();
            Tensors.copy(w.sub(w.grad()), w);
            float[] after = Tensors.toFloats(e.lookup(ids));
            assertArrayEquals(java.util.Arrays.copyOf(before, 4), java.util.Arrays.copyOf(after, 4), 0f, "token 2 kept");
            assertEquals(before[4] - 1, after[4], 1e-6, "token 5, unit 0 moved by the step");
            assertNotEquals(before[4], after[4]);
        }
    }

    @Test
    void layerNormHasTheCheckpointNamesAndNormalises() {
        try (PointerScope ignored = new PointerScope()) {
            LayerNorm ln = new LayerNorm(4);
            assertEquals(List.of("weight", "bias"), List.copyOf(ln.parameters().keySet()));
            float[] y = Tensors.toFloats(ln.apply(Tensors.floats(new float[] {1, 2, 3, 4}, 1, 4)));
            // mean 2.5, variance 1.25
            double s = Math.sqrt(1.25 + 1e-5);
            assertArrayEquals(new float[] {(float) (-1.5 / s), (float) (-0.5 / s), (float) (0.5 / s), (float) (1.5 / s)},
                    y, 1e-6f);
        }
    }
}
