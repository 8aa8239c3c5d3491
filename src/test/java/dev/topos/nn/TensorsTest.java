package dev.topos.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.topos.testing.MemoryChurn;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The regression tests of the garbage-gradient and heap-corruption bug of the DJL engine (a
 * constant autograd saved, and a copied-into gradient, lived in Java buffers that a garbage
 * collection freed): with every Java wrapper of the forward pass released, a collection and memory
 * reuse between forward and backward, every gradient is what the formula says.
 */
class TensorsTest {
    private static final int N = 1000;
    private static final float MARKER = 12345f;

    /** d/dw sum(f(w)) at w = 0.25, 0.5, ..., with the forward's wrappers freed, a collection and memory reuse before backward. */
    private static float[] gradientAfterChurn(UnaryOperator<Tensor> f) {
        try (PointerScope outer = new PointerScope()) {
            float[] w0 = new float[N];
            for (int i = 0; i < N; i++) {
                w0[i] = 0.25f * (1 + i % 8);
            }
            Tensor w = Tensors.floats(w0, N).set_requires_grad(true);
            Tensor loss;
            try (PointerScope forward = new PointerScope()) {
                loss = f.apply(w).sum();
                outer.attach(loss); // only the loss outlives the forward pass's scope
            }
            List<ByteBuffer> kept = MemoryChurn.freeAndRefill(Float.BYTES, MARKER);
            loss.backward();
            assertEquals(64, kept.size());
            return Tensors.toFloats(w.grad());
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
    void constantsKeepTheTensorsType() {
        try (PointerScope ignored = new PointerScope()) {
            Tensor ints = Tensors.longs(new long[] {1, 2, 3}, 3);
            assertArrayEquals(new boolean[] {false, true, true}, Tensors.toBooleans(Tensors.gte(ints, 2)));
            assertArrayEquals(new long[] {2, 3, 4}, Tensors.toLongs(Tensors.add(ints, 1)));
        }
    }

    /**
     * Values copied into a gradient from a tensor whose wrapper is then freed stay in the gradient's
     * own memory after that memory is reused; the next backward pass accumulates onto them.
     */
    @Test
    void aCopyLandsInTheTargetsOwnStorage() {
        try (PointerScope outer = new PointerScope()) {
            Tensor w = Tensors.ones(N).set_requires_grad(true);
            w.sum().backward();
            try (PointerScope inner = new PointerScope()) {
                Tensors.copy(Tensors.floats(filled(7f), N), w.grad()); // the source is freed with the scope
            }
            List<ByteBuffer> kept = MemoryChurn.freeAndRefill(N * Float.BYTES, MARKER);
            assertArrayEquals(filled(7f), Tensors.toFloats(w.grad()));
            Tensors.mul(w, 2).sum().backward();
            assertArrayEquals(filled(9f), Tensors.toFloats(w.grad()), "7 + d(2w)/dw accumulated");
            assertEquals(64, kept.size());
        }
    }

    @Test
    void zeroClearsInfinityAndNaNInPlace() {
        try (PointerScope ignored = new PointerScope()) {
            Tensor a = Tensors.floats(new float[] {Float.POSITIVE_INFINITY, Float.NaN, -2f}, 3);
            Tensor view = a.reshape(3, 1);
            Tensors.zero(a);
            assertArrayEquals(new float[] {0, 0, 0}, Tensors.toFloats(view), "a view of the same storage sees it");
        }
    }

    @Test
    void aCopyOfAnotherShapeIsRefused() {
        try (PointerScope ignored = new PointerScope()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Tensors.copy(Tensors.zeros(2), Tensors.zeros(3)));
            assertEquals("cannot copy a [2] tensor into a [3] one", e.getMessage());
        }
    }

    @Test
    void javaDataIsCopiedRowMajorAndReadBackExactly() {
        try (PointerScope ignored = new PointerScope()) {
            float[] data = {1, 2, 3, 4, 5, 6};
            Tensor t = Tensors.floats(data, 2, 3);
            data[0] = 99; // the tensor holds its own copy
            assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, Tensors.toFloats(t.t()));
            assertArrayEquals(new double[] {0.1, -2.5}, Tensors.toDoubles(Tensors.doubles(new double[] {0.1, -2.5}, 2)));
            double[][] rows = Tensors.toDoubleRows(t.t());
            assertArrayEquals(new double[] {1, 4}, rows[0]);
            assertArrayEquals(new double[] {3, 6}, rows[2]);
            assertThrows(IllegalArgumentException.class, () -> Tensors.toDoubleRows(t.reshape(6)));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Tensors.floats(new float[5], 2, 3));
            assertEquals("5 values do not fill a tensor of shape [2, 3]", e.getMessage());
        }
    }
}
