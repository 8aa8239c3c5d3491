package dev.topos.analysis.columns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UndirectedGraphTest {
    // W = (A + A^T)/2 off the diagonal: W01 = .55, W02 = .2, W03 = .05, W12 = .175, W13 = .225, W23 = .5
    private static final double[][] A = {
        {0.0, 0.6, 0.3, 0.1},
        {0.5, 0.0, 0.25, 0.25},
        {0.1, 0.1, 0.4, 0.4},
        {0.0, 0.2, 0.6, 0.2},
    };

    private static String edges(UndirectedGraph g) {
        StringBuilder s = new StringBuilder();
        for (int e = 0; e < g.edges(); e++) {
            s.append(g.from(e)).append('-').append(g.to(e)).append(String.format(":%.3f ", g.weight(e)));
        }
        return s.toString().trim();
    }

    @Test
    void keepsTheStrongestSymmetrisedPairsInIndexOrder() {
        Connectivity c = Connectivity.dense(A);
        // fraction 0.5 of 6 pairs = 3 edges: .55, .5, .225
        assertEquals("0-1:0.550 1-3:0.225 2-3:0.500", edges(UndirectedGraph.topEdges(c, 0.5)));
        // 0.1 of 6 = 0.6, rounded to 1
        assertEquals("0-1:0.550", edges(UndirectedGraph.topEdges(c, UndirectedGraph.TOP_FRACTION)));
        assertEquals("0-1:0.550 0-2:0.200 0-3:0.050 1-2:0.175 1-3:0.225 2-3:0.500",
                edges(UndirectedGraph.topEdges(c, 1.0)));
    }

    @Test
    void sparseAndDenseGiveTheSameGraph() {
        Connectivity sparse = Connectivity.sparse(new int[][] {{3, 1, 2}, {0, 3, 2}, {0, 1, 2, 3}, {1, 2, 3}},
                new double[][] {{0.1, 0.6, 0.3}, {0.5, 0.25, 0.25}, {0.1, 0.1, 0.4, 0.4}, {0.2, 0.6, 0.2}});
        for (double f : new double[] {0.1, 0.5, 1.0}) {
            assertEquals(edges(UndirectedGraph.topEdges(Connectivity.dense(A), f)),
                    edges(UndirectedGraph.topEdges(sparse, f)));
        }
    }

    @Test
    void onlyPairsWithWeightCanBeKept() {
        // a sparse ring: each column reads its right neighbour only, so 4 pairs have W > 0
        Connectivity ring = Connectivity.sparse(new int[][] {{1}, {2}, {3}, {0}},
                new double[][] {{1.0}, {1.0}, {1.0}, {1.0}});
        UndirectedGraph g = UndirectedGraph.topEdges(ring, 1.0);
        assertEquals("0-1:0.500 0-3:0.500 1-2:0.500 2-3:0.500", edges(g));
    }

    @Test
    void tiesAtTheThresholdGoInIndexOrder() {
        double third = 1.0 / 3;
        double[][] uniform = {{third, third, third}, {third, third, third}, {third, third, third}};
        // 0.5 of 3 pairs = 1.5, rounded to 2; all weights equal
        assertEquals("0-1:0.333 0-2:0.333", edges(UndirectedGraph.topEdges(Connectivity.dense(uniform), 0.5)));
    }

    @Test
    void adjacencyListsBothEnds() {
        UndirectedGraph g = UndirectedGraph.of(3, new int[][] {{2, 0}, {1, 2}}, new double[] {2.0, 3.0});
        assertEquals(0, g.from(0));
        assertEquals(2, g.to(0));
        assertEquals(2, g.degree(2));
        assertEquals(1, g.degree(0));
        assertEquals(2, g.neighbour(0, 0));
        assertEquals(2.0, g.neighbourWeight(0, 0));
    }

    @Test
    void rejectsBadGraphs() {
        ConnectivityTest.assertMessage("fraction must be in (0, 1]",
                () -> UndirectedGraph.topEdges(Connectivity.dense(A), 0));
        ConnectivityTest.assertMessage("distinct nodes", () -> UndirectedGraph.of(3, new int[][] {{1, 1}}));
        ConnectivityTest.assertMessage("distinct nodes", () -> UndirectedGraph.of(3, new int[][] {{0, 3}}));
        ConnectivityTest.assertMessage("repeats", () -> UndirectedGraph.of(3, new int[][] {{0, 1}, {1, 0}}));
        ConnectivityTest.assertMessage("weights[0] is 0.0",
                () -> UndirectedGraph.of(3, new int[][] {{0, 1}}, new double[] {0.0}));
    }
}
