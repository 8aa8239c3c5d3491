package dev.topos.data.grid;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Independent recomputation of one slot's per-step fields from its node sequence alone: history
 * sets keyed by (from-node, to-node) pairs, moves decoded from coordinates, edge counts by hand.
 * Feed it every step of a slot in order, across chunks.
 */
final class FlagOracle {
    private final Set<Integer> nodes = new HashSet<>();
    private final Set<Long> edges = new HashSet<>();
    private int prev = -1;
    private BoxWorld world;
    private long worldId;
    private double lastFracNodes;
    private double lastFracEdges;
    int zeroShots;
    int worlds;

    void check(WalkChunk c, int s, int t) {
        BoxWorld w = c.world[s][t];
        int node = c.node[s][t];
        int action = c.actionIn[s][t];
        boolean start = c.worldStart[s][t];
        assertTrue(node >= 0 && node < w.width() * w.height());
        assertEquals(w.symbol(node), c.obs[s][t]);
        if (start) {
            worlds++;
            nodes.clear();
            edges.clear();
            prev = -1;
            assertEquals(0, action, "actionIn at a world start");
            assertEquals(0.0, c.fracNodesVisited[s][t]);
            assertEquals(0.0, c.fracEdgesTaken[s][t]);
            if (world != null) {
                assertTrue(worldId != c.worldId[s][t], "a new world gets a new id");
            }
        } else {
            assertSame(world, w, "world changes only at worldStart");
            assertEquals(worldId, c.worldId[s][t]);
            int px = prev % w.width();
            int py = prev / w.width();
            int[][] delta = {{0, 0}, {0, -1}, {1, 0}, {0, 1}, {-1, 0}};
            assertEquals((py + delta[action][1]) * w.width() + px + delta[action][0], node, "move matches actionIn");
            assertEquals(px + delta[action][0], node % w.width(), "no wrap-around");
            assertTrue(c.fracNodesVisited[s][t] >= lastFracNodes, "node fraction is monotone");
            assertTrue(c.fracEdgesTaken[s][t] >= lastFracEdges, "edge fraction is monotone");
        }
        boolean visited = nodes.contains(node);
        boolean edge = !start && edges.contains(pair(prev, node));
        boolean zeroShot = visited && !edge && action != 0 && !start;
        assertEquals(visited, c.visited[s][t], "visited");
        assertEquals(edge, c.edgeTaken[s][t], "edgeTaken");
        assertEquals(zeroShot, c.zeroShot[s][t], "zeroShot");
        assertEquals(visited && !edge && !start, c.zeroShotWithStay[s][t], "zeroShotWithStay: a first stay counts");
        long moves = edges.stream().filter(e -> (e >>> 32) != (e & 0xffffffffL)).count();
        int directed = 2 * (w.width() - 1) * w.height() + 2 * w.width() * (w.height() - 1);
        assertEquals(nodes.size() / (double) (w.width() * w.height()), c.fracNodesVisited[s][t], 1e-12);
        assertEquals(moves / (double) directed, c.fracEdgesTaken[s][t], 1e-12);
        zeroShots += zeroShot ? 1 : 0;

        nodes.add(node);
        if (!start) {
            edges.add(pair(prev, node));
        }
        prev = node;
        world = w;
        worldId = c.worldId[s][t];
        lastFracNodes = c.fracNodesVisited[s][t];
        lastFracEdges = c.fracEdgesTaken[s][t];
        assertFalse(Double.isNaN(lastFracEdges));
    }

    private static long pair(int from, int to) {
        return ((long) from << 32) | to;
    }
}
