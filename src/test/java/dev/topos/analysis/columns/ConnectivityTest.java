package dev.topos.analysis.columns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConnectivityTest {
    static final double[][] DENSE = {
        {0.5, 0.5, 0.0},
        {0.25, 0.5, 0.25},
        {0.0, 0.0, 1.0},
    };

    /** The non-zero entries of {@link #DENSE} as a sparse table, in a scrambled order. */
    static Connectivity sparse() {
        return Connectivity.sparse(new int[][] {{1, 0}, {2, 0, 1}, {2}},
                new double[][] {{0.5, 0.5}, {0.25, 0.25, 0.5}, {1.0}});
    }

    @Test
    void denseKeepsEveryEntryZerosIncluded() {
        Connectivity c = Connectivity.dense(DENSE);
        assertEquals(3, c.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(3, c.rowLength(i));
            for (int k = 0; k < 3; k++) {
                assertEquals(k, c.source(i, k));
                assertEquals(DENSE[i][k], c.weight(i, k));
            }
        }
        assertArrayEquals(DENSE, c.matrix());
    }

    @Test
    void sparseMatrixHasZerosWhereRowsListNothing() {
        Connectivity c = sparse();
        assertEquals(2, c.rowLength(0));
        assertEquals(1, c.rowLength(2));
        assertArrayEquals(DENSE, c.matrix());
        assertArrayEquals(new double[] {0.25, 0.5, 0.25}, c.incomingField(1));
        assertArrayEquals(new double[] {0.0, 0.0, 1.0}, c.incomingField(2));
    }

    @Test
    void factoriesCopyTheirInputAndAccessorsReturnCopies() {
        double[][] a = {{0.5, 0.5}, {1.0, 0.0}};
        Connectivity c = Connectivity.dense(a);
        a[0][0] = 7;
        c.weights()[0][1] = 9;
        c.sources()[1][0] = 1;
        c.matrix()[1][1] = 3;
        assertArrayEquals(new double[][] {{0.5, 0.5}, {1.0, 0.0}}, c.matrix());
        assertArrayEquals(new int[][] {{0, 1}, {0, 1}}, c.sources());
    }

    @Test
    void rowsMaySumToOneWithinFloat32Rounding() {
        Connectivity c = Connectivity.dense(new double[][] {{0.3333333, 0.3333333, 0.3333333}, {0, 1, 0}, {0, 0, 1}});
        assertEquals(0.3333333, c.weight(0, 2));
    }

    @Test
    void rejectsBadShapesAndValuesNamingThem() {
        assertMessage("square", () -> Connectivity.dense(new double[][] {{1.0, 0.0}, {1.0}}));
        assertMessage("N >= 1", () -> Connectivity.dense(new double[0][]));
        assertMessage("sums to 0.5", () -> Connectivity.dense(new double[][] {{0.5, 0.0}, {0.0, 1.0}}));
        assertMessage("is -0.5", () -> Connectivity.dense(new double[][] {{1.5, -0.5}, {0.0, 1.0}}));
        assertMessage("is NaN", () -> Connectivity.dense(new double[][] {{Double.NaN, 1.0}, {0.0, 1.0}}));
        assertMessage("sources[1][0] is 5",
                () -> Connectivity.sparse(new int[][] {{0}, {5}}, new double[][] {{1.0}, {1.0}}));
        assertMessage("lists column 0 twice",
                () -> Connectivity.sparse(new int[][] {{0}, {0, 0}}, new double[][] {{1.0}, {0.5, 0.5}}));
        assertMessage("row 1 has 2 sources and 1 weights",
                () -> Connectivity.sparse(new int[][] {{0}, {0, 1}}, new double[][] {{1.0}, {1.0}}));
        assertMessage("weights has 1",
                () -> Connectivity.sparse(new int[][] {{0}, {1}}, new double[][] {{1.0}}));
        assertMessage("column i is 3", () -> sparse().incomingField(3));
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), () -> "message: " + e.getMessage());
    }
}
