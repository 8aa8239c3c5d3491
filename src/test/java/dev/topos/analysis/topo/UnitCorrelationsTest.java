package dev.topos.analysis.topo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.analysis.space.Pearson;
import dev.topos.util.Rng;
import org.junit.jupiter.api.Test;

class UnitCorrelationsTest {
    @Test
    void matchesPearsonOfEveryPairOfColumns() {
        Rng rng = new Rng(11);
        int examples = 37;
        int units = 9;
        double[][] x = new double[examples][units];
        for (double[] row : x) {
            double shared = rng.nextGaussian();
            for (int u = 0; u < units; u++) {
                row[u] = 100 + u * shared + rng.nextGaussian();
            }
        }
        double[][] r = UnitCorrelations.of(x);
        for (int u = 0; u < units; u++) {
            for (int v = 0; v < units; v++) {
                double[] a = new double[examples];
                double[] b = new double[examples];
                for (int e = 0; e < examples; e++) {
                    a[e] = x[e][u];
                    b[e] = x[e][v];
                }
                assertEquals(Pearson.of(a, b), r[u][v], 1e-12, "units " + u + ", " + v);
                assertEquals(r[v][u], r[u][v], 0);
            }
        }
    }

    @Test
    void handExampleAndConstantUnits() {
        // column 0 = 1,2,3,4 and column 1 = 2,4,5,9: r = 11 / sqrt(130) (sums as in PearsonTest);
        // column 2 is constant: NaN everywhere in its row and column
        double[][] x = {{1, 2, 0.1}, {2, 4, 0.1}, {3, 5, 0.1}, {4, 9, 0.1}};
        double[][] r = UnitCorrelations.of(x);
        assertEquals(11 / Math.sqrt(130), r[0][1], 1e-12);
        assertEquals(1.0, r[0][0], 1e-12);
        for (int u = 0; u < 3; u++) {
            assertTrue(Double.isNaN(r[2][u]) && Double.isNaN(r[u][2]));
        }
    }
}
