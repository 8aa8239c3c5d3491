package dev.topos.analysis.columns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.util.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModularityTest {
    @Test
    void twoCliquesJoinedByOneEdge() {
        // two K4 (6 edges each) joined by 3-4: m = 13; each clique has L = 6 and degree sum
        // 3 + 3 + 3 + 4 = 13, so Q = 2 (6/13 - (13/26)^2) = 12/13 - 1/2 = 11/26
        List<int[]> edges = Graphs.cliques(2, 4);
        edges.add(new int[] {3, 4});
        UndirectedGraph g = Graphs.of(8, edges);
        Modularity.Partition p = Modularity.louvain(g);
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1}, p.community());
        assertEquals(2, p.communities());
        assertEquals(11.0 / 26, p.q(), 1e-12);
    }

    @Test
    void ringOfCliquesSplitsIntoTheCliques() {
        // six K5 (10 edges each) in a ring, clique c's last node joined to clique c+1's first:
        // m = 66, each clique has L = 10 and degree sum 20 + 2 = 22:
        // Q = 6 (10/66 - (22/132)^2) = 10/11 - 1/6 = 49/66 (six cliques are far below the
        // resolution limit, where merging neighbours would pay)
        int cliques = 6;
        int size = 5;
        List<int[]> edges = Graphs.cliques(cliques, size);
        for (int c = 0; c < cliques; c++) {
            edges.add(new int[] {c * size + size - 1, ((c + 1) % cliques) * size});
        }
        UndirectedGraph g = Graphs.of(cliques * size, edges);
        int[] expected = new int[cliques * size];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = i / size;
        }
        Modularity.Partition p = Modularity.louvain(g);
        assertArrayEquals(expected, p.community());
        assertEquals(49.0 / 66, p.q(), 1e-12);
        for (long seed = 1; seed <= 5; seed++) {
            Modularity.Partition shuffled = Modularity.louvain(g, new Rng(seed));
            assertArrayEquals(expected, shuffled.community(), "seed " + seed);
            assertEquals(49.0 / 66, shuffled.q(), 1e-12);
        }
    }

    @Test
    void aggregationMergesWhatLocalMovesCannot() {
        // 16 cliques of K3 in a ring, each joined to the next by one edge. m = 64, so the
        // resolution limit (sqrt(2m) = 11.3 edges per community) makes pairs of triangles
        // better than single ones: Q(single) = 16 (3/64 - (8/128)^2) = 0.6875,
        // Q(pairs) = 8 (7/64 - (16/128)^2) = 0.75. The second level must find the pairs.
        int cliques = 16;
        List<int[]> edges = Graphs.cliques(cliques, 3);
        for (int c = 0; c < cliques; c++) {
            edges.add(new int[] {c * 3 + 2, ((c + 1) % cliques) * 3});
        }
        UndirectedGraph g = Graphs.of(cliques * 3, edges);
        Modularity.Partition p = Modularity.louvain(g);
        assertTrue(p.q() >= 0.75 - 1e-12, () -> "Q = " + p.q());
        assertEquals(p.q(), Modularity.q(g, p.community()), 1e-15);
        for (int c = 0; c < cliques; c++) { // no triangle is split
            assertEquals(p.community()[3 * c], p.community()[3 * c + 1]);
            assertEquals(p.community()[3 * c], p.community()[3 * c + 2]);
        }
    }

    @Test
    void modularityFormulaOnAHandComputedGraph() {
        // triangle 0-1-2 (weights 1) and edge 2-3 (weight 2): m = 5, k = (2, 2, 4, 2)
        UndirectedGraph g = UndirectedGraph.of(4, new int[][] {{0, 1}, {0, 2}, {1, 2}, {2, 3}},
                new double[] {1, 1, 1, 2});
        // {0,1,2},{3}: L = 3, 0; K = 8, 2: Q = 3/5 - 0.64 - 0.04 = -0.08
        assertEquals(-0.08, Modularity.q(g, new int[] {0, 0, 0, 1}), 1e-15);
        // {0,1},{2,3}: L = 1, 2; K = 4, 6: Q = 1/5 - 0.16 + 2/5 - 0.36 = 0.08
        assertEquals(0.08, Modularity.q(g, new int[] {1, 1, 3, 3}), 1e-15);
        // one community: Q = 1 - 1 = 0; singletons: -(4 + 4 + 16 + 4)/100 = -0.28
        assertEquals(0.0, Modularity.q(g, new int[] {2, 2, 2, 2}), 1e-15);
        assertEquals(-0.28, Modularity.q(g, new int[] {0, 1, 2, 3}), 1e-15);
        // the double sum (1/2m) sum_ij [W_ij - k_i k_j / 2m] delta agrees
        double[][] w = {{0, 1, 1, 0}, {1, 0, 1, 0}, {1, 1, 0, 2}, {0, 0, 2, 0}};
        double[] k = {2, 2, 4, 2};
        int[] c = {1, 1, 3, 3};
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                sum += c[i] == c[j] ? w[i][j] - k[i] * k[j] / 10 : 0;
            }
        }
        assertEquals(sum / 10, Modularity.q(g, c), 1e-15);
    }

    @Test
    void louvainOnBlockAttention() {
        // 8 columns in two blocks of 4 attending mostly within their block: the top edges keep the
        // block structure and Louvain finds the blocks
        int n = 8;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = (i / 4 == j / 4 ? 0.22 : 0.03) + 0.001 * ((i + j) % 3);
            }
            double z = java.util.Arrays.stream(a[i]).sum();
            for (int j = 0; j < n; j++) {
                a[i][j] /= z;
            }
        }
        UndirectedGraph g = UndirectedGraph.topEdges(Connectivity.dense(a), 0.5);
        Modularity.Partition p = Modularity.louvain(g);
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1}, p.community());
    }

    @Test
    void graphWithoutEdgesHasSingletonsAndNoModularity() {
        Modularity.Partition p = Modularity.louvain(UndirectedGraph.of(3, new int[0][]));
        assertArrayEquals(new int[] {0, 1, 2}, p.community());
        assertEquals(3, p.communities());
        assertTrue(Double.isNaN(p.q()));
    }

    @Test
    void rejectsBadLabels() {
        UndirectedGraph g = UndirectedGraph.of(2, new int[][] {{0, 1}});
        ConnectivityTest.assertMessage("one label per node (2)", () -> Modularity.q(g, new int[] {0}));
        ConnectivityTest.assertMessage("community[1] is 2", () -> Modularity.q(g, new int[] {0, 2}));
    }
}
