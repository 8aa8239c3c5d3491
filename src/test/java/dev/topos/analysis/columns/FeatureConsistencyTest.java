package dev.topos.analysis.columns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FeatureConsistencyTest {
    private static final double S = Math.sqrt(0.5);

    @Test
    void handComputedLine() {
        // columns at x = 0, 1, 2 with features (1,0), (1,1), (0,1): s01 = s12 = 1/sqrt2, s02 = 0
        double[][] f = {{1, 0}, {2, 2}, {0, 3}};
        double[][] d = WiringLengthTest.line(0, 1, 2);
        FeatureConsistency.Result r = FeatureConsistency.compute(f, d, new double[] {0, 1.5, 3}, 1);
        assertArrayEquals(new double[] {S, 0}, r.byDistance().meanSimilarity(), 1e-15);
        assertArrayEquals(new long[] {2, 1}, r.byDistance().count());
        // nearest: 0 -> 1, 1 -> 0 (tie with 2 at distance 1, lower index), 2 -> 1
        assertArrayEquals(new double[] {S, S, S}, r.neighbours().neighbourSimilarity(), 1e-15);
        assertArrayEquals(new double[] {0, S, 0}, r.neighbours().otherSimilarity(), 1e-15);
        assertEquals(S, r.neighbours().meanNeighbour(), 1e-15);
        assertEquals(S / 3, r.neighbours().meanOther(), 1e-15);
        assertEquals(0, r.droppedColumns().length);
    }

    @Test
    void automaticBinsSpanThePairDistances() {
        // 3 pairs: Sturges ceil(log2 3 + 1) = 3 bins over [0, 2]; distances 1, 1, 2
        double[][] f = {{1, 0}, {1, 1}, {0, 1}};
        FeatureConsistency.Result r = FeatureConsistency.compute(f, WiringLengthTest.line(0, 1, 2), 1);
        assertArrayEquals(new double[] {0, 2.0 / 3, 4.0 / 3, 2}, r.byDistance().edges(), 1e-15);
        assertArrayEquals(new long[] {0, 2, 1}, r.byDistance().count());
        assertTrue(Double.isNaN(r.byDistance().meanSimilarity()[0]));
        assertEquals(S, r.byDistance().meanSimilarity()[1], 1e-15);
    }

    @Test
    void smoothFeaturesAreMoreAlikeNearby() {
        // features that rotate slowly along a line of 20 columns: similarity falls with distance
        int n = 20;
        double[][] f = new double[n][];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            f[i] = new double[] {Math.cos(0.1 * i), Math.sin(0.1 * i), 0.2};
        }
        FeatureConsistency.Result r = FeatureConsistency.compute(f, WiringLengthTest.line(x), 2);
        double[] mean = r.byDistance().meanSimilarity();
        for (int b = 1; b < mean.length; b++) {
            assertTrue(mean[b] < mean[b - 1], () -> java.util.Arrays.toString(mean));
        }
        assertTrue(r.neighbours().meanNeighbour() > r.neighbours().meanOther());
    }

    @Test
    void allZeroColumnsAreDropped() {
        double[][] f = {{1, 0}, {0, 0}, {0, 1}, {1, 1}};
        FeatureConsistency.Result r = FeatureConsistency.compute(f, WiringLengthTest.line(0, 1, 2, 3),
                new double[] {0, 4}, 1);
        assertArrayEquals(new int[] {1}, r.droppedColumns());
        assertArrayEquals(new long[] {3}, r.byDistance().count()); // pairs 0-2, 0-3, 2-3
        assertEquals((0 + S + S) / 3, r.byDistance().meanSimilarity()[0], 1e-15);
        assertTrue(Double.isNaN(r.neighbours().neighbourSimilarity()[1]));
        // column 0's nearest kept column is 2 (column 1 is dropped), its other is 3
        assertEquals(0.0, r.neighbours().neighbourSimilarity()[0], 1e-15);
        assertEquals(S, r.neighbours().otherSimilarity()[0], 1e-15);
    }

    @Test
    void rejectsBadInputs() {
        double[][] f = {{1, 0}, {0, 1}};
        double[][] d = {{0, 1}, {1, 0}};
        ConnectivityTest.assertMessage("must be symmetric",
                () -> FeatureConsistency.compute(f, new double[][] {{0, 1}, {2, 0}}, 1));
        ConnectivityTest.assertMessage("neighbours must be in [1, 1]", () -> FeatureConsistency.compute(f, d, 2));
        ConnectivityTest.assertMessage("strictly ascending",
                () -> FeatureConsistency.compute(f, d, new double[] {1, 1}, 1));
        ConnectivityTest.assertMessage("features[1][0] is NaN",
                () -> FeatureConsistency.compute(new double[][] {{1, 0}, {Double.NaN, 1}}, d, 1));
        ConnectivityTest.assertMessage("row 1 has 1 values",
                () -> FeatureConsistency.compute(new double[][] {{1, 0}, {1}}, d, 1));
    }
}
