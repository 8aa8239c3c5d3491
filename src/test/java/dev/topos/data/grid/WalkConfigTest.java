package dev.topos.data.grid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WalkConfigTest {

    @Test
    void defaultsFollowTheSpec() {
        WalkConfig c = WalkConfig.defaults(9);
        assertEquals(new WalkConfig(16, 8, 11, 45, "straight-bias", 9), c);
    }

    @Test
    void badValuesNameFieldValueAndRange() {
        assertMessage("batch = 0 is outside the allowed range [1, 4096]",
                () -> new WalkConfig(0, 8, 11, 45, "uniform", 1));
        assertMessage("minSide = 1 is outside the allowed range [2, 1024]",
                () -> new WalkConfig(16, 1, 11, 45, "uniform", 1));
        assertMessage("maxSide = 7 is outside the allowed range [8, 1024]",
                () -> new WalkConfig(16, 8, 7, 45, "uniform", 1));
        assertMessage("maxSide = 2000 is outside the allowed range [8, 1024]",
                () -> new WalkConfig(16, 8, 2000, 45, "uniform", 1));
        assertMessage("nSymbols = 0 is outside the allowed range [1, 2147483647]",
                () -> new WalkConfig(16, 8, 11, 0, "uniform", 1));
        assertMessage("policy = \"zigzag\" is not one of [straight-bias, uniform]",
                () -> new WalkConfig(16, 8, 11, 45, "zigzag", 1));
        assertMessage("policy = null is not one of [straight-bias, uniform]",
                () -> new WalkConfig(16, 8, 11, 45, null, 1));
    }

    private static void assertMessage(String expected, Executable make) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, make).getMessage());
    }
}
