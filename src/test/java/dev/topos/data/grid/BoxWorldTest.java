package dev.topos.data.grid;

import dev.topos.util.Rng;
import org.junit.jupiter.api.Test;

import static dev.topos.data.grid.BoxWorld.EAST;
import static dev.topos.data.grid.BoxWorld.NORTH;
import static dev.topos.data.grid.BoxWorld.SOUTH;
import static dev.topos.data.grid.BoxWorld.STAY;
import static dev.topos.data.grid.BoxWorld.WEST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoxWorldTest {
    /* 4 x 3 world, node ids:
         0  1  2  3
         4  5  6  7
         8  9 10 11   */
    private final BoxWorld world = new BoxWorld(4, 3, new int[12], 45);

    @Test
    void neighboursAtCornersEdgesAndInterior() {
        // top-left corner
        assertEquals(0, world.neighbour(0, STAY));
        assertEquals(-1, world.neighbour(0, NORTH));
        assertEquals(1, world.neighbour(0, EAST));
        assertEquals(4, world.neighbour(0, SOUTH));
        assertEquals(-1, world.neighbour(0, WEST));
        // bottom-right corner
        assertEquals(7, world.neighbour(11, NORTH));
        assertEquals(-1, world.neighbour(11, EAST));
        assertEquals(-1, world.neighbour(11, SOUTH));
        assertEquals(10, world.neighbour(11, WEST));
        // right edge, middle row: east must not wrap to node 8
        assertEquals(3, world.neighbour(7, NORTH));
        assertEquals(-1, world.neighbour(7, EAST));
        assertEquals(11, world.neighbour(7, SOUTH));
        assertEquals(6, world.neighbour(7, WEST));
        // left edge: west must not wrap to node 3
        assertEquals(-1, world.neighbour(4, WEST));
        // top edge
        assertEquals(-1, world.neighbour(2, NORTH));
        assertEquals(6, world.neighbour(2, SOUTH));
        // interior
        assertEquals(5, world.neighbour(5, STAY));
        assertEquals(1, world.neighbour(5, NORTH));
        assertEquals(6, world.neighbour(5, EAST));
        assertEquals(9, world.neighbour(5, SOUTH));
        assertEquals(4, world.neighbour(5, WEST));
    }

    @Test
    void availableMovesAndEdgeCount() {
        assertArrayEquals(new int[] {STAY, EAST, SOUTH}, world.availableActions(0));
        assertArrayEquals(new int[] {STAY, NORTH, SOUTH, WEST}, world.availableActions(7));
        assertArrayEquals(new int[] {STAY, NORTH, EAST, SOUTH, WEST}, world.availableActions(6));
        // 3 rows x 3 horizontal links + 2 gaps x 4 vertical links = 17 links, both directions
        assertEquals(34, world.directedEdgeCount());
        assertEquals(2, world.x(6));
        assertEquals(1, world.y(6));
        assertEquals(6, world.node(2, 1));
    }

    @Test
    void randomWorldsHaveSidesInRangeAndUniformSymbols() {
        Rng rng = new Rng(11);
        int[] counts = new int[45];
        boolean[] sideSeen = new boolean[12];
        int total = 0;
        for (int i = 0; i < 300; i++) {
            BoxWorld w = BoxWorld.random(rng, 8, 11, 45);
            assertTrue(w.width() >= 8 && w.width() <= 11 && w.height() >= 8 && w.height() <= 11);
            sideSeen[w.width()] = true;
            sideSeen[w.height()] = true;
            for (int n = 0; n < w.nodeCount(); n++) {
                int sym = w.symbol(n);
                assertTrue(sym >= 0 && sym < 45);
                counts[sym]++;
                total++;
            }
        }
        for (int side = 8; side <= 11; side++) {
            assertTrue(sideSeen[side], "side " + side + " never drawn");
        }
        double expected = total / 45.0;
        double chi2 = 0;
        for (int c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        // 44 degrees of freedom: the 99.99% quantile is about 90
        assertTrue(chi2 < 90, "chi-square " + chi2);
    }

    @Test
    void rejectsBadWorlds() {
        var e = assertThrows(IllegalArgumentException.class, () -> new BoxWorld(0, 3, new int[0], 45));
        assertEquals("width = 0 is outside the allowed range [1, 1024]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BoxWorld(2, 1, new int[] {0, 45}, 45));
        assertEquals("symbols[1] = 45 is outside the allowed range [0, 44]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BoxWorld(1, 1, new int[1], 45));
        assertThrows(IllegalArgumentException.class, () -> new BoxWorld(2, 2, new int[3], 45));
        e = assertThrows(IllegalArgumentException.class, () -> BoxWorld.random(new Rng(1), 9, 8, 45));
        assertEquals("maxSide = 8 is outside the allowed range [9, 1024]", e.getMessage());
    }
}
