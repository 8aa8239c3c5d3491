package dev.topos.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.DecimalFormat;
import org.junit.jupiter.api.Test;

class TickFormatTest {
    private static String tick(double v, double lo, double hi, boolean log) {
        return new DecimalFormat(TickFormat.pattern(lo, hi, log),
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)).format(v);
    }

    @Test
    void ticksKeepTheirLeadingZeroAndTheDigitsTheirStepNeeds() {
        assertEquals("0.05", tick(0.05, 0, 0.1, false), "a step of 0.02 needs two decimals");
        assertEquals("0.825", tick(0.825, 0.8, 0.85, false), "a step of 0.01: three, one to spare");
        assertEquals("12000", tick(12000, 0, 20000, false));
        assertEquals("0", TickFormat.pattern(0, 1000, false));
        assertEquals("0.#", TickFormat.pattern(0, 40, false), "a step of 8: one spare decimal");
        assertEquals("0.###", TickFormat.pattern(0.01, 10, true), "log: the smallest value's digits");
        assertEquals("0.#E0", TickFormat.pattern(1e-6, 1, true));
        assertEquals("3", tick(3, 3, 3, false), "a constant");
    }
}
