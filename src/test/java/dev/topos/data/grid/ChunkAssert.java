package dev.topos.data.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Field-by-field equality of two chunks (their worlds compared by size and symbols). */
final class ChunkAssert {
    private ChunkAssert() {
    }

    static void assertSameChunk(WalkChunk a, WalkChunk b) {
        assertArrayEquals(a.node, b.node);
        assertArrayEquals(a.obs, b.obs);
        assertArrayEquals(a.actionIn, b.actionIn);
        assertArrayEquals(a.worldStart, b.worldStart);
        assertArrayEquals(a.worldId, b.worldId);
        assertArrayEquals(a.visited, b.visited);
        assertArrayEquals(a.edgeTaken, b.edgeTaken);
        assertArrayEquals(a.zeroShot, b.zeroShot);
        assertArrayEquals(a.zeroShotWithStay, b.zeroShotWithStay);
        assertArrayEquals(a.fracNodesVisited, b.fracNodesVisited);
        assertArrayEquals(a.fracEdgesTaken, b.fracEdgesTaken);
        for (int s = 0; s < a.batch(); s++) {
            for (int t = 0; t < a.steps(); t++) {
                BoxWorld wa = a.world[s][t];
                BoxWorld wb = b.world[s][t];
                assertEquals(wa.width(), wb.width());
                assertEquals(wa.height(), wb.height());
                for (int n = 0; n < wa.nodeCount(); n++) {
                    assertEquals(wa.symbol(n), wb.symbol(n));
                }
            }
        }
    }
}
