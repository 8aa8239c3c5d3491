package dev.topos.analysis.columns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.analysis.columns.SmallWorld.NullModel;
import dev.topos.util.Rng;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SmallWorldTest {
    @Test
    void completeGraphHasClusteringAndEfficiencyOne() {
        UndirectedGraph k6 = Graphs.of(6, Graphs.cliques(1, 6));
        assertEquals(1.0, SmallWorld.clustering(k6), 1e-15);
        assertEquals(1.0, SmallWorld.efficiency(k6), 1e-15);
    }

    @Test
    void ringLatticeClusteringMatchesWattsStrogatz() {
        // C = 3(k - 2) / (4(k - 1)) for the ring lattice with k neighbours
        assertEquals(0.5, SmallWorld.clustering(Graphs.of(20, Graphs.ringLattice(20, 4))), 1e-15);
        assertEquals(0.6, SmallWorld.clustering(Graphs.of(30, Graphs.ringLattice(30, 6))), 1e-15);
        assertEquals(3.0 * 8 / (4 * 9), SmallWorld.clustering(Graphs.of(40, Graphs.ringLattice(40, 10))), 1e-15);
    }

    @Test
    void ringLatticeEfficiencyHandComputed() {
        // n = 20, k = 4: from any node, 2 nodes at each offset 1..9 and 1 at offset 10, offset o
        // at ceil(o/2) hops: sum 1/d = 4 (1) + 4 (1/2) + 4 (1/3) + 4 (1/4) + 2 (1/5) + 1 (1/5)
        double perNode = 4 + 2 + 4.0 / 3 + 1 + 3.0 / 5;
        assertEquals(perNode / 19, SmallWorld.efficiency(Graphs.of(20, Graphs.ringLattice(20, 4))), 1e-15);
    }

    @Test
    void pathAndDisconnectedEfficiency() {
        // path 0-1-2-3: 3 pairs at 1 hop, 2 at 2, 1 at 3: E = 2 (3 + 1 + 1/3) / 12 = 13/18
        UndirectedGraph path = UndirectedGraph.of(4, new int[][] {{0, 1}, {1, 2}, {2, 3}});
        assertEquals(13.0 / 18, SmallWorld.efficiency(path), 1e-15);
        assertEquals(0.0, SmallWorld.clustering(path));
        // two separate edges: only 4 of 12 ordered pairs are connected (1/inf = 0)
        UndirectedGraph split = UndirectedGraph.of(4, new int[][] {{0, 1}, {2, 3}});
        assertEquals(1.0 / 3, SmallWorld.efficiency(split), 1e-15);
    }

    @Test
    void triangleWithAPendantHandComputed() {
        // C_0 = C_1 = 1, C_2 = 1/3 (neighbours 0, 1, 3, one edge among them), C_3 = 0 (degree 1)
        UndirectedGraph g = UndirectedGraph.of(4, new int[][] {{0, 1}, {0, 2}, {1, 2}, {2, 3}});
        assertEquals(7.0 / 12, SmallWorld.clustering(g), 1e-15);
    }

    @Test
    void randomGraphsHaveExactlyTheRequestedEdges() {
        Rng rng = new Rng(3);
        UndirectedGraph g = SmallWorld.randomGraph(50, 200, rng);
        assertEquals(50, g.nodes());
        assertEquals(200, g.edges()); // distinct pairs are checked by UndirectedGraph.of
        UndirectedGraph complete = SmallWorld.randomGraph(7, 21, rng);
        assertEquals(1.0, SmallWorld.clustering(complete), 1e-15);
        assertEquals(0, SmallWorld.randomGraph(5, 0, rng).edges());
        ConnectivityTest.assertMessage("edges must be in [0, 21]", () -> SmallWorld.randomGraph(7, 22, rng));
    }

    @Test
    void randomGraphPairsAreUniform() {
        // 4 nodes, 6 pairs, 2 edges per graph: each pair is drawn with probability 1/3
        Rng rng = new Rng(11);
        int[] hits = new int[6];
        int draws = 6000;
        for (int t = 0; t < draws; t++) {
            UndirectedGraph g = SmallWorld.randomGraph(4, 2, rng);
            for (int e = 0; e < 2; e++) {
                hits[g.to(e) * (g.to(e) - 1) / 2 + g.from(e)]++;
            }
        }
        for (int hit : hits) { // expected 2000, sd sqrt(6000 (1/3)(2/3)) = 36.5
            assertEquals(2000, hit, 150);
        }
    }

    @Test
    void degreePreservingNullKeepsEveryDegree() {
        UndirectedGraph lattice = Graphs.of(40, Graphs.ringLattice(40, 6));
        UndirectedGraph rewired = SmallWorld.degreePreserving(lattice, SmallWorld.SWAPS_PER_EDGE, new Rng(5));
        assertEquals(lattice.edges(), rewired.edges());
        for (int i = 0; i < 40; i++) {
            assertEquals(6, rewired.degree(i));
        }
        assertNotEquals(edgeSet(lattice), edgeSet(rewired));
        assertTrue(SmallWorld.clustering(rewired) < 0.3, () -> "C = " + SmallWorld.clustering(rewired));
    }

    @Test
    void ringLatticeWithShortcutsIsSmallWorld() {
        // Watts–Strogatz: a lattice with a few shortcuts keeps its clustering (about 0.6) but gains
        // efficiency, while random graphs of the same size have C near the density 6/99
        List<int[]> edges = new ArrayList<>(Graphs.ringLattice(100, 6));
        edges.add(new int[] {0, 50});
        edges.add(new int[] {25, 75});
        edges.add(new int[] {12, 62});
        edges.add(new int[] {37, 87});
        UndirectedGraph g = Graphs.of(100, edges);
        for (NullModel model : NullModel.values()) {
            SmallWorld.Result r = SmallWorld.compute(g, model, 20, new Rng(2));
            assertTrue(r.clustering() > 0.55, () -> "C = " + r.clustering());
            assertTrue(r.nullClustering() < 0.15, () -> model + " C_null = " + r.nullClustering());
            assertTrue(r.sigma() > 2, () -> model + " sigma = " + r.sigma());
            assertEquals(r.clustering() / r.nullClustering() * r.efficiency() / r.nullEfficiency(), r.sigma(), 1e-12);
            assertEquals(20, r.nullClusterings().length);
        }
    }

    @Test
    void sameSeedSameResult() {
        UndirectedGraph g = Graphs.of(30, Graphs.ringLattice(30, 4));
        SmallWorld.Result a = SmallWorld.compute(g, NullModel.RANDOM, 5, new Rng(9));
        SmallWorld.Result b = SmallWorld.compute(g, NullModel.RANDOM, 5, new Rng(9));
        assertArrayEquals(a.nullClusterings(), b.nullClusterings());
        assertEquals(a.sigma(), b.sigma());
    }

    @Test
    void rejectsBadArguments() {
        UndirectedGraph g = Graphs.of(5, Graphs.ringLattice(5, 2));
        ConnectivityTest.assertMessage("nullGraphs must be >= 1",
                () -> SmallWorld.compute(g, NullModel.RANDOM, 0, new Rng(1)));
        ConnectivityTest.assertMessage("at least 2 nodes",
                () -> SmallWorld.efficiency(UndirectedGraph.of(1, new int[0][])));
        ConnectivityTest.assertMessage("swapsPerEdge must be >= 0", () -> SmallWorld.degreePreserving(g, -1, new Rng(1)));
    }

    private static Set<Long> edgeSet(UndirectedGraph g) {
        Set<Long> s = new HashSet<>();
        for (int e = 0; e < g.edges(); e++) {
            s.add((long) g.from(e) * g.nodes() + g.to(e));
        }
        return s;
    }
}
