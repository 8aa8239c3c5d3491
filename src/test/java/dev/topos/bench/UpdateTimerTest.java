package dev.topos.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UpdateTimerTest {
    @Test
    void aZeroBudgetStillTimesOneUpdateAfterTheWarmUp() {
        AtomicInteger calls = new AtomicInteger();
        UpdateTimer.Rate r = UpdateTimer.measure(calls::incrementAndGet, 2, 0);
        assertEquals(3, calls.get(), "two warm-up updates and one timed");
        assertEquals(1, r.updates());
        assertEquals(2, r.warmup());
        assertTrue(r.seconds() > 0);
    }

    @Test
    void everyUpdateCalledIsCountedOnceTheWarmUpIsOver() {
        AtomicInteger calls = new AtomicInteger();
        UpdateTimer.Rate r = UpdateTimer.measure(calls::incrementAndGet, 1, 0.01);
        assertEquals(calls.get() - 1, r.updates());
        assertTrue(r.seconds() >= 0.01);
    }
}
