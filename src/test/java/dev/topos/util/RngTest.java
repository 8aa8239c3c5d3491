package dev.topos.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RngTest {
    @Test
    void splitMix64MatchesReferenceOutputForSeedZero() {
        // Reference values of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        Rng rng = new Rng(0);
        assertEquals(0xE220A8397B1DCDAFL, rng.nextLong());
        assertEquals(0x6E789E6AA1B965F4L, rng.nextLong());
        assertEquals(0x06C45D188009454FL, rng.nextLong());
    }

    @Test
    void restoringStateReplaysTheStream() {
        Rng a = new Rng(42);
        a.nextLong();
        long saved = a.state();
        double x = a.nextGaussian();
        int k = a.nextInt(17);
        Rng b = new Rng(7);
        b.setState(saved);
        assertEquals(x, b.nextGaussian());
        assertEquals(k, b.nextInt(17));
    }

    @Test
    void boundedIntsAreUniform() {
        Rng rng = new Rng(3);
        int[] counts = new int[5];
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            counts[rng.nextInt(5)]++;
        }
        for (int c : counts) {
            // binomial sd = sqrt(n p (1-p)) ~ 126; 5 sd bound
            assertTrue(Math.abs(c - n / 5) < 640, "count " + c);
        }
    }

    @Test
    void gaussianHasUnitMoments() {
        Rng rng = new Rng(11);
        int n = 200_000;
        double s = 0, s2 = 0;
        for (int i = 0; i < n; i++) {
            double g = rng.nextGaussian();
            s += g;
            s2 += g * g;
        }
        assertEquals(0.0, s / n, 0.01);
        assertEquals(1.0, s2 / n, 0.015);
    }

    @Test
    void shuffleIsAPermutationFixedByTheSeed() {
        List<Integer> a = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        List<Integer> b = new ArrayList<>(a);
        new Rng(5).shuffle(a);
        new Rng(5).shuffle(b);
        assertEquals(a, b);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), a.stream().sorted().toList());
        List<Integer> c = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        new Rng(6).shuffle(c);
        assertNotEquals(a, c, "a different seed gives a different order (10! orders)");
    }
}
