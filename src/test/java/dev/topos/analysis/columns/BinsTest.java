package dev.topos.analysis.columns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BinsTest {
    @Test
    void sturgesMatchesNumpy() {
        // numpy: histogram_bin_edges(range(n), bins='sturges') has ceil(log2 n + 1) bins
        assertEquals(1, Bins.sturges(1));
        assertEquals(2, Bins.sturges(2));
        assertEquals(4, Bins.sturges(6));
        assertEquals(11, Bins.sturges(1000));
    }

    @Test
    void binsAreLeftClosedAndTheLastIsClosed() {
        double[] edges = Bins.uniform(4, 2.0);
        assertArrayEquals(new double[] {0, 0.5, 1, 1.5, 2}, edges, 0);
        assertEquals(0, Bins.index(edges, 0.0));
        assertEquals(1, Bins.index(edges, 0.5));
        assertEquals(1, Bins.index(edges, 0.99));
        assertEquals(3, Bins.index(edges, 2.0));
        assertEquals(-1, Bins.index(edges, 2.0001));
        assertEquals(-1, Bins.index(edges, -0.1));
    }
}
