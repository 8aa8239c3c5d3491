package dev.topos.analysis.columns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FlowTest {
    private static final double[][] LINE = WiringLengthTest.line(0, 1, 2, 3, 4);

    @Test
    void positionsOnALineRunFromInputToOutput() {
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, Flow.positions(LINE, new int[] {0}, new int[] {4}), 1e-15);
        // nearest input counts: with inputs {0, 1} column 2 is 1 from an input and 2 from the output
        assertArrayEquals(new double[] {0, 0, 1.0 / 3, 2.0 / 3, 1},
                Flow.positions(LINE, new int[] {0, 1}, new int[] {4}), 1e-15);
    }

    @Test
    void handComputedFlow() {
        // h = 0, .25, .5, .75, 1. Row i reads j (edge j -> i):
        // 0 reads 0 (1.0, self); 1 reads 0 (.6 ff) and 2 (.4 fb); 2 reads 1 (.5 ff) and 3 (.5 fb);
        // 3 reads 2 (1.0 ff); 4 reads 3 (.7 ff) and itself (.3 self).
        // ff = 2.8/5, fb = 0.9/5, self = 1.3/5, lateral 0, net = (2.8 - 0.9) / 3.7
        Connectivity c = Connectivity.sparse(
                new int[][] {{0}, {0, 2}, {1, 3}, {2}, {3, 4}},
                new double[][] {{1.0}, {0.6, 0.4}, {0.5, 0.5}, {1.0}, {0.7, 0.3}});
        Flow.Result r = Flow.compute(c, LINE, new int[] {0}, new int[] {4});
        assertEquals(2.8 / 5, r.feedforward(), 1e-15);
        assertEquals(0.9 / 5, r.feedback(), 1e-15);
        assertEquals(0.0, r.lateral());
        assertEquals(1.3 / 5, r.self(), 1e-15);
        assertEquals(1.9 / 3.7, r.netFlow(), 1e-15);
        assertEquals(1.0, r.feedforward() + r.feedback() + r.lateral() + r.self(), 1e-15);
        // the dense matrix of the same attention gives the same result
        Flow.Result dense = Flow.compute(Connectivity.dense(c.matrix()), LINE, new int[] {0}, new int[] {4});
        assertEquals(r.netFlow(), dense.netFlow(), 1e-15);
        assertEquals(r.self(), dense.self(), 1e-15);
    }

    @Test
    void equalPositionsAreLateral() {
        // input 0 at (0,0), output 3 at (2,0), columns 1 at (1,1) and 2 at (1,-1): both h = 1/2
        double r2 = Math.sqrt(2);
        double[][] d = {
            {0, r2, r2, 2},
            {r2, 0, 2, r2},
            {r2, 2, 0, r2},
            {2, r2, r2, 0},
        };
        // 1 reads 2 (lateral) and 0 (ff); 2 reads 1 (lateral) and 3 (fb); 0 and 3 read 1 (fb, ff)
        Connectivity c = Connectivity.sparse(new int[][] {{1}, {2, 0}, {1, 3}, {1}},
                new double[][] {{1.0}, {0.5, 0.5}, {0.5, 0.5}, {1.0}});
        Flow.Result r = Flow.compute(c, d, new int[] {0}, new int[] {3});
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1}, r.position(), 1e-12);
        assertEquals(1.0 / 4, r.lateral(), 1e-15);
        assertEquals(1.5 / 4, r.feedforward(), 1e-15);
        assertEquals(1.5 / 4, r.feedback(), 1e-15);
        assertEquals(0.0, r.netFlow(), 1e-15);
    }

    @Test
    void inputsAreAtZeroAndOutputsAtOneEvenWithANonZeroSelfDistance() {
        // single-layer D' = sqrt(D^2 + 4): D'_nn = 2
        double[][] d = new double[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                d[i][j] = Math.sqrt(LINE[i][j] * LINE[i][j] + 4);
            }
        }
        double[] h = Flow.positions(d, new int[] {0}, new int[] {4});
        assertEquals(0.0, h[0]);
        assertEquals(1.0, h[4]);
        assertEquals(0.5, h[2], 1e-15);
    }

    @Test
    void aColumnThatIsBothInputAndOutputSitsHalfway() {
        double[] h = Flow.positions(LINE, new int[] {0, 2}, new int[] {2, 4});
        assertEquals(0.5, h[2]);
        assertEquals(0.0, h[0]);
        assertEquals(1.0, h[4]);
    }

    @Test
    void onlySelfAttentionHasNoNetFlow() {
        double[][] identity = {{1, 0}, {0, 1}};
        Flow.Result r = Flow.compute(Connectivity.dense(identity), new double[][] {{0, 1}, {1, 0}},
                new int[] {0}, new int[] {1});
        assertEquals(1.0, r.self());
        assertTrue(Double.isNaN(r.netFlow()));
    }

    @Test
    void rejectsBadColumnSets() {
        Connectivity c = Connectivity.dense(new double[][] {{1, 0}, {0, 1}});
        double[][] d = {{0, 1}, {1, 0}};
        ConnectivityTest.assertMessage("inputs must list at least one column",
                () -> Flow.compute(c, d, new int[0], new int[] {1}));
        ConnectivityTest.assertMessage("outputs[0] is 2", () -> Flow.compute(c, d, new int[] {0}, new int[] {2}));
        ConnectivityTest.assertMessage("N >= 1", () -> Flow.positions(null, new int[] {0}, new int[] {0}));
    }
}
