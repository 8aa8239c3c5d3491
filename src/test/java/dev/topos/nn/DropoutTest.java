package dev.topos.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.Test;

/** Inverted dropout against its definition: y = x m / (1 - p), m ~ Bernoulli(1 - p). */
class DropoutTest {
    private static final int N = 1 << 20;

    @Test
    void keepsEachUnitWithProbabilityOneMinusPAndScalesTheKeptOnes() {
        try (PointerScope ignored = new PointerScope()) {
            double p = 0.1;
            Tensor x = Tensors.sub(Init.uniform(1, N), 2); // in (-3, -1): never 0
            float[] in = Tensors.toFloats(x);
            float[] out = Tensors.toFloats(Dropout.apply(x, p, true));
            float scale = (float) (1 / (1 - p));
            int dropped = 0;
            for (int i = 0; i < N; i++) {
                if (out[i] == 0) {
                    dropped++;
                } else {
                    assertEquals(in[i] * scale, out[i], 0f, "a kept unit is x / (1 - p)");
                }
            }
            // the dropped count is Binomial(N, p): mean N p, sd sqrt(N p (1 - p)) ~ 307; allow 5 sd
            assertEquals(N * p, dropped, 5 * Math.sqrt(N * p * (1 - p)));
        }
    }

    @Test
    void theGradientIsTheSameMaskScaled() {
        try (PointerScope ignored = new PointerScope()) {
            Tensor x = Tensors.add(Init.uniform(1, 4096), 2).set_requires_grad(true); // in (1, 3)
            Tensor y = Dropout.apply(x, 0.3, true);
            y.sum().backward();
            float[] ratio = Tensors.toFloats(y.detach().div(x.detach()));
            assertArrayEquals(ratio, Tensors.toFloats(x.grad()), 1e-6f, "dy/dx = m / (1 - p) = y / x");
        }
    }

    @Test
    void masksFollowTheEngineSeedAndDifferBetweenCalls() {
        try (PointerScope ignored = new PointerScope()) {
            Engine.seed(5);
            int[] first = Tensors.toInts(Dropout.keepMask(new long[] {N}, 0.5));
            int[] second = Tensors.toInts(Dropout.keepMask(new long[] {N}, 0.5));
            Engine.seed(5);
            assertArrayEquals(first, Tensors.toInts(Dropout.keepMask(new long[] {N}, 0.5)), "same seed, same mask");
            assertFalse(Arrays.equals(first, second), "the next call draws a new mask");
            assertTrue(Arrays.stream(first).allMatch(v -> v == 0 || v == 1));
        }
    }

    @Test
    void evaluationAndRateZeroAreTheIdentityAndBadRatesAreRefused() {
        try (PointerScope ignored = new PointerScope()) {
            Tensor x = Init.normal(1, 16).to(ScalarType.BFloat16);
            assertSame(x, Dropout.apply(x, 0.5, false));
            assertSame(x, Dropout.apply(x, 0, true));
            assertEquals(ScalarType.BFloat16, Dropout.apply(x, 0.5, true).scalar_type().intern(), "keeps the dtype");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dropout.apply(x, 1, true));
            assertTrue(e.getMessage().contains("[0, 1)"), e.getMessage());
        }
    }
}
