package dev.topos.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TrainConfigTest {
    private static TrainConfig cosine(long steps, double warmup) {
        return new TrainConfig(steps, 0.1, 1, 1000, 0.9, 0.95, 0.05, 1, 1, 1, 1, "cosine", warmup, 0.05);
    }

    @Test
    void cosineWarmsUpLinearlyThenFallsToItsFloor() {
        TrainConfig c = cosine(100, 0.1); // 10 warm-up updates, cosine over updates 10..99
        assertEquals(0.01, c.learningRate(0), 1e-12);
        assertEquals(0.1, c.learningRate(9), 1e-12);
        assertEquals(0.1, c.learningRate(10), 1e-12);
        // halfway through the cosine (update 10 + 44.5): lr (f + (1 - f) / 2)
        assertEquals(0.1 * (0.05 + 0.95 * (1 + Math.cos(Math.PI * 45 / 89.0)) / 2), c.learningRate(55), 1e-12);
        assertEquals(0.1 * 0.05, c.learningRate(99), 1e-12);
    }

    @Test
    void stepScheduleIsUnchangedWithoutWarmup() {
        TrainConfig s = new TrainConfig(100, 0.1, 0.5, 30, 0.9, 0.95, 0, 1, 1, 1, 1);
        assertEquals(0.1, s.learningRate(29), 1e-12);
        assertEquals(0.05, s.learningRate(30), 1e-12);
        assertEquals(0.0125, s.learningRate(99), 1e-12);
    }
}
