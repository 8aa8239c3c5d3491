package dev.topos.analysis.columns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AttentionEntropyTest {
    @Test
    void handComputedRows() {
        // uniform over 4: ln 4; one-hot: 0 (0 ln 0 = 0); (1/2, 1/4, 1/4, 0): 1/2 ln 2 + 2 (1/4) ln 4 = 1.5 ln 2
        Connectivity c = Connectivity.dense(new double[][] {
            {0.25, 0.25, 0.25, 0.25},
            {0, 0, 1, 0},
            {0.5, 0.25, 0.25, 0},
            {0, 0, 0, 1},
        });
        AttentionEntropy.Result r = AttentionEntropy.compute(c);
        double ln2 = Math.log(2);
        assertArrayEquals(new double[] {2 * ln2, 0, 1.5 * ln2, 0}, r.entropy(), 1e-15);
        assertEquals(3.5 * ln2 / 4, r.mean(), 1e-15);
        assertArrayEquals(new double[] {2 * ln2, 2 * ln2, 2 * ln2, 2 * ln2}, r.uniformEntropy(), 1e-15);
        assertEquals(2 * ln2, r.meanUniform(), 1e-15);
    }

    @Test
    void sparseRowsHaveTheSameEntropyButTheirOwnUniformBound() {
        Connectivity dense = Connectivity.dense(ConnectivityTest.DENSE);
        Connectivity sparse = ConnectivityTest.sparse();
        AttentionEntropy.Result d = AttentionEntropy.compute(dense);
        AttentionEntropy.Result s = AttentionEntropy.compute(sparse);
        assertArrayEquals(d.entropy(), s.entropy(), 1e-15);
        assertEquals(d.mean(), s.mean(), 1e-15);
        assertArrayEquals(new double[] {Math.log(3), Math.log(3), Math.log(3)}, d.uniformEntropy(), 1e-15);
        assertArrayEquals(new double[] {Math.log(2), Math.log(3), 0}, s.uniformEntropy(), 1e-15);
    }
}
