package dev.topos.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.topos.config.Precision;
import dev.topos.nn.MixedPrecision;
import dev.topos.nn.Tensors;
import java.util.Random;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LinearProbeTest {
    private static final int N = 1000;
    private static final int F = 12;
    private static final int CLASSES = 10;

    /** Class k lifts feature k by 3 above noise of std 0.5 on an offset of 100: linearly separable. */
    private static Tensor[] separable(long seed) {
        Random r = new Random(seed);
        float[] x = new float[N * F];
        long[] y = new long[N];
        for (int i = 0; i < N; i++) {
            y[i] = i % CLASSES;
            for (int j = 0; j < F; j++) {
                x[i * F + j] = (float) (100 + 0.5 * r.nextGaussian() + (j == y[i] ? 3 : 0));
            }
        }
        return new Tensor[] {Tensors.floats(x, N, F), Tensors.longs(y, N)};
    }

    /**
     * The probe separates separable classes whatever precision its caller computes in; inside a
     * bf16 region it once read autocast's cached copy of its first, zero W and stayed at chance.
     */
    @ParameterizedTest
    @EnumSource(value = Precision.class, names = {"FP32", "BF16"})
    void separableClassesAreSeparatedInEitherPrecision(Precision caller) {
        try (PointerScope ignored = new PointerScope(); MixedPrecision.Scope scope = MixedPrecision.enter(caller)) {
            Tensor[] train = separable(1);
            Tensor[] test = separable(2);
            assertEquals(1.0, new LinearProbe(300, 0.5, 1e-4).accuracy(train[0], train[1], test[0], test[1], CLASSES),
                    1e-9);
        }
    }

    @Test
    void withoutStepsTheProbeGuessesClassZero() {
        try (PointerScope ignored = new PointerScope()) {
            Tensor[] data = separable(1);
            assertEquals(1.0 / CLASSES, new LinearProbe(0, 0.5, 1e-4).accuracy(data[0], data[1], data[0], data[1],
                    CLASSES), 1e-6, "W = 0: every logit ties and argmax picks class 0, a tenth of the items");
        }
    }
}
