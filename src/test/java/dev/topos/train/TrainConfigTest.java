package dev.topos.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.config.ComputeDevice;
import dev.topos.config.ConfigException;
import dev.topos.config.Precision;
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

    /** Cramming's triangle2 with its peak at 75%: min(0.25 + 0.75 s / 75, (100 - s) / 25) of lr, by hand. */
    @Test
    void triangularRisesFromAQuarterToItsPeakThenFallsToZero() {
        TrainConfig c = new TrainConfig(100, 0.1, 1, 1000, 0.9, 0.98, 0.01, 0.5, 1, 1, 1, "triangular", 0.75, 0);
        assertEquals(0.025, c.learningRate(0), 1e-15);
        assertEquals(0.075, c.learningRate(50), 1e-15); // 0.25 + 0.75 * 50 / 75 = 0.75
        assertEquals(0.1, c.learningRate(75), 1e-15);
        assertEquals(0.04, c.learningRate(90), 1e-15); // 10 / 25
        assertEquals(0.004, c.learningRate(99), 1e-15); // 1 / 25
    }

    @Test
    void stepScheduleIsUnchangedWithoutWarmup() {
        TrainConfig s = new TrainConfig(100, 0.1, 0.5, 30, 0.9, 0.95, 0, 1, 1, 1, 1);
        assertEquals(0.1, s.learningRate(29), 1e-12);
        assertEquals(0.05, s.learningRate(30), 1e-12);
        assertEquals(0.0125, s.learningRate(99), 1e-12);
    }

    @Test
    void precisionAndDeviceAreCheckedByName() {
        TrainConfig ok = new TrainConfig(10, 1e-3, 1, 10, 0.9, 0.999, 0, 1, 1, 1, 1);
        assertEquals("fp32", ok.precision(), "a config that names no precision trains in fp32");
        assertEquals(Precision.BF16, ok.withPrecision(Precision.BF16).precisionSetting());
        ok.validate("train");
        ConfigException bad = assertThrows(ConfigException.class, () -> new TrainConfig(10, 1e-3, 1, 10, 0.9, 0.999, 0,
                1, 1, 1, 1, "step", 0, 1, TrainConfig.NO_DECAY, "fp16", "cpu", 0).validate("train"));
        assertTrue(bad.getMessage().contains("train.precision = 'fp16'") && bad.getMessage().contains("fp32, bf16, auto"),
                bad.getMessage());
        ConfigException device = assertThrows(ConfigException.class, () -> new TrainConfig(10, 1e-3, 1, 10, 0.9, 0.999,
                0, 1, 1, 1, 1, "step", 0, 1, TrainConfig.NO_DECAY, "bf16", "tpu", 0).validate("train"));
        assertTrue(device.getMessage().contains("train.device = 'tpu'"), device.getMessage());
    }

    @Test
    void validationRunsEveryValidateEveryUpdatesOnLoggedSteps() {
        TrainConfig every20 = new TrainConfig(100, 1e-3, 1, 10, 0.9, 0.999, 0, 1, 5, 10, 1).withValidateEvery(20);
        every20.validate("train");
        assertTrue(every20.validatesAfter(20) && every20.validatesAfter(100) && !every20.validatesAfter(25));
        assertTrue(!every20.withValidateEvery(0).validatesAfter(20), "0 never validates");
        ConfigException off = assertThrows(ConfigException.class, () -> every20.withValidateEvery(12).validate("train"));
        assertTrue(off.getMessage().contains("train.validate_every = 12")
                && off.getMessage().contains("multiple of train.log_every = 5"), off.getMessage());
    }

    @Test
    void theCommandLineDeviceWinsOverTheConfigs() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv(ComputeDevice.ENV) == null, "TOPOS_DEVICE is set");
        String before = System.getProperty(ComputeDevice.PROPERTY);
        try {
            System.clearProperty(ComputeDevice.PROPERTY);
            assertEquals(ComputeDevice.CPU, ComputeDevice.current(null, "train.device"));
            assertEquals(ComputeDevice.AUTO, ComputeDevice.current("auto", "train.device"));
            System.setProperty(ComputeDevice.PROPERTY, "cpu");
            assertEquals(ComputeDevice.CPU, ComputeDevice.current("cuda", "train.device"));
        } finally {
            if (before == null) {
                System.clearProperty(ComputeDevice.PROPERTY);
            } else {
                System.setProperty(ComputeDevice.PROPERTY, before);
            }
        }
    }
}
