package dev.topos.analysis.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.topos.nn.Engine;
import dev.topos.nn.Init;
import dev.topos.nn.RotationPathIntegration;
import dev.topos.nn.Tensors;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

/** Wave vectors of a rotation code: hand-computed cases, and the phases of a real walk's code. */
class WaveVectorsTest {
    private static final double PI = Math.PI;

    @Test
    void tiedAnglesAreTheWaveVectorWithNoInverseError() {
        // planes: (E, N) = (pi/2, 0) and (0.3, -0.4); S = -N, W = -E
        double[][] angles = {{0, 0}, {0, -0.4}, {PI / 2, 0.3}, {0, 0.4}, {-PI / 2, -0.3}};
        WaveVectors w = WaveVectors.of(angles);
        assertArrayEquals(new double[] {PI / 2, 0.3}, w.x(), 1e-12);
        assertArrayEquals(new double[] {0, -0.4}, w.y(), 1e-12);
        assertArrayEquals(new double[] {0, 0}, w.inverseError(), 1e-12);
        assertArrayEquals(new double[] {4, 2 * PI / 0.5}, w.wavelengths(), 1e-12); // |(0.3, -0.4)| = 0.5
        assertEquals((4 + 2 * PI / 0.5) / 2, w.medianWavelength(), 1e-12);
    }

    /** A turn by 2 pi - theta is the inverse of a turn by theta: no error, and the same wave vector. */
    @Test
    void anglesAreReadModuloTwoPi() {
        double[][] angles = {{0}, {1.0 + 2 * PI}, {2.5}, {-1.0}, {2 * PI - 2.5}};
        WaveVectors w = WaveVectors.of(angles);
        assertEquals(2.5, w.x()[0], 1e-12);
        assertEquals(1.0, w.y()[0], 1e-12);
        assertEquals(0, w.inverseError()[0], 1e-12);
    }

    @Test
    void untiedMovesGiveTheirMeanTurnAndTheirError() {
        // N 0.3, S -0.1: a step north and back turns by 0.2, the wave vector's north part is (0.3 + 0.1) / 2
        double[][] angles = {{0}, {0.3}, {1.0}, {-0.1}, {-0.6}};
        WaveVectors w = WaveVectors.of(angles);
        assertEquals(0.2, w.y()[0], 1e-12);
        assertEquals(0.8, w.x()[0], 1e-12);
        assertEquals((0.2 + 0.4) / 2, w.inverseError()[0], 1e-12);
        assertEquals(0.3, w.meanInverseError(), 1e-12);
    }

    @Test
    void refusesAnythingButFiveActions() {
        assertThrows(IllegalArgumentException.class, () -> WaveVectors.of(new double[4][3]));
    }

    /**
     * The model's own code: after moves N, E, E, N, N, W from e0 (net displacement 1 east, 3 north), plane k
     * of e Q is plane k of e0 Q turned by omega_k . (1, 3).
     */
    @Test
    void aWalksCodeIsTurnedByTheWaveVectorDotTheDisplacement() {
        try (PointerScope ignored = new PointerScope()) {
            Engine.seed(11);
            int units = 8;
            RotationPathIntegration pi = new RotationPathIntegration(units, 1.0, true);
            long[] actions = {0, 1, 2, 2, 1, 1, 4}; // the first step starts the world: its code is e0
            Tensor s = Tensors.floats(new float[] {1, 0, 0, 0, 0, 0, 0}, 1, 7);
            Tensor codes = pi.integrate(Init.normal(1, 1, units), Tensors.longs(actions, 1, 7), s,
                    Tensors.oneMinus(s)).detach();
            Tensor q = pi.basis().detach();
            double[] first = Tensors.toDoubles(codes.select(1, 0).matmul(q));
            double[] last = Tensors.toDoubles(codes.select(1, 6).matmul(q));
            WaveVectors w = WaveVectors.of(Tensors.toDoubleRows(pi.actionAngles().detach()));
            for (int k = 0; k < units / 2; k++) {
                double phase = w.x()[k] * 1 + w.y()[k] * 3;
                double u = first[2 * k];
                double v = first[2 * k + 1];
                assertEquals(Math.cos(phase) * u - Math.sin(phase) * v, last[2 * k], 1e-4, "plane " + k);
                assertEquals(Math.sin(phase) * u + Math.cos(phase) * v, last[2 * k + 1], 1e-4, "plane " + k);
            }
        }
    }
}
