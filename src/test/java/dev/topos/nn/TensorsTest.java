package dev.topos.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.topos.testing.MemoryChurn;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The regression tests of the garbage-gradient and heap-corruption bug (see {@link Tensors}): a
 * garbage collection between the forward and the backward pass, and memory reuse after a gradient
 * was overwritten, leave every value as the formula says.
 */
class TensorsTest {
    private static final int N = 1000;
    private static final float MARKER = 12345f;

    /** d/dw sum(f(w)) at w = 0.25, 0.5, ..., with a collection and memory reuse before backward. */
    private static float[] gradientAfterChurn(UnaryOperator<NDArray> f) {
        try (NDManager m = NDManager.newBaseManager(); NDScope ignored = new NDScope()) {
            float[] w0 = new float[N];
            for (int i = 0; i < N; i++) {
                w0[i] = 0.25f * (1 + i % 8);
            }
            NDArray w = m.create(w0).duplicate();
            w.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = f.apply(w).sum();
                List<ByteBuffer> kept = MemoryChurn.freeAndRefill(Float.BYTES, MARKER);
                gc.backward(loss);
                assertEquals(64, kept.size());
            }
            return w.getGradient().toFloatArray();
        }
    }

    private static float[] filled(float v) {
        float[] out = new float[N];
        Arrays.fill(out, v);
        return out;
    }

    @Test
    void aConstantFactorSurvivesACollectionBetweenForwardAndBackward() {
        assertArrayEquals(filled(3f), gradientAfterChurn(w -> Tensors.mul(w, 3)));
        assertArrayEquals(filled(0.5f), gradientAfterChurn(w -> Tensors.div(w, 2)));
        float[] pow = gradientAfterChurn(w -> Tensors.pow(w, 2));
        float[] max = gradientAfterChurn(w -> Tensors.maximum(w, 1.1));
        for (int i = 0; i < N; i++) {
            float w = 0.25f * (1 + i % 8);
            assertEquals(2 * w, pow[i], 1e-6, "d w^2 / dw = 2w");
            assertEquals(w > 1.1f ? 1f : 0f, max[i], "d max(w, 1.1) / dw");
        }
        assertArrayEquals(filled(-1f), gradientAfterChurn(Tensors::oneMinus));
    }

    @Test
    void constantsTakeTheTensorsType() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray ints = m.create(new long[] {1, 2, 3});
            assertArrayEquals(new boolean[] {false, true, true}, Tensors.gte(ints, 2).toBooleanArray());
            assertArrayEquals(new long[] {2, 3, 4}, Tensors.add(ints, 1).toLongArray());
        }
    }

    /**
     * Values copied into a gradient through a short-lived wrapper stay in the gradient's own memory
     * after the wrapper closes and its memory is reused; the next backward pass accumulates onto them.
     */
    @Test
    void aCopyLandsInTheTargetsOwnStorage() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.ones(new Shape(N));
            w.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(w.sum());
            }
            try (NDScope ignored = new NDScope()) {
                Tensors.copy(m.create(filled(7f)), w.getGradient()); // the wrapper closes with the scope
            }
            List<ByteBuffer> kept = MemoryChurn.freeAndRefill(N * Float.BYTES, MARKER);
            assertArrayEquals(filled(7f), w.getGradient().toFloatArray());
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(Tensors.mul(w, 2).sum());
            }
            assertArrayEquals(filled(9f), w.getGradient().toFloatArray(), "7 + d(2w)/dw accumulated");
            assertEquals(64, kept.size());
        }
    }

    @Test
    void zeroClearsInfinityAndNaNInPlace() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {Float.POSITIVE_INFINITY, Float.NaN, -2f});
            NDArray view = a.reshape(3, 1);
            Tensors.zero(a);
            assertArrayEquals(new float[] {0, 0, 0}, view.toFloatArray(), "a view of the same storage sees it");
        }
    }

    @Test
    void aCopyOfAnotherShapeIsRefused() {
        try (NDManager m = NDManager.newBaseManager()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Tensors.copy(m.zeros(new Shape(2)), m.zeros(new Shape(3))));
            assertEquals("cannot copy a (2) tensor into a (3) one", e.getMessage());
        }
    }
}
