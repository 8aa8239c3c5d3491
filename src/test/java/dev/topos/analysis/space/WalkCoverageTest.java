package dev.topos.analysis.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WalkCoverageTest {
    private static final int[] WALK = {0, 1, 0, 1, 2, 1};

    @Test
    void nodeAgentKnowsNodesSeenBefore() {
        WalkCoverage c = WalkCoverage.nodes(WALK, 4);
        assertArrayEquals(new boolean[] {false, false, true, true, false, true}, c.known());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.5, 0.5, 0.75}, c.fraction(), 1e-12);
    }

    @Test
    void edgeAgentKnowsDirectedEdgesTakenBefore() {
        // edges: -, 0>1, 1>0, 0>1 (known), 1>2, 2>1 (new: the reverse of 1>2)
        WalkCoverage c = WalkCoverage.edges(WALK, 8);
        assertArrayEquals(new boolean[] {false, false, false, true, false, false}, c.known());
        assertArrayEquals(new double[] {0, 0, 1 / 8.0, 2 / 8.0, 2 / 8.0, 3 / 8.0}, c.fraction(), 1e-12);
    }

    @Test
    void rejectsAWorldSmallerThanTheWalk() {
        assertThrows(IllegalArgumentException.class, () -> WalkCoverage.nodes(WALK, 2));
    }
}
