package dev.topos.data.grid;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WalkTest {

    @Test
    void oneWorldOneWalkWithTheStreamsFields() {
        WalkChunk walk = Walk.inRandomWorld(8, 11, 45, StraightBiasPolicy.NAME, 2000, 12);
        assertEquals(1, walk.batch());
        assertEquals(2000, walk.steps());
        BoxWorld world = walk.world[0][0];
        assertTrue(world.width() >= 8 && world.width() <= 11 && world.height() >= 8 && world.height() <= 11);
        FlagOracle oracle = new FlagOracle();
        for (int t = 0; t < walk.steps(); t++) {
            assertSame(world, walk.world[0][t]);
            assertEquals(t == 0, walk.worldStart[0][t]);
            assertEquals(0, walk.worldId[0][t]);
            oracle.check(walk, 0, t);
        }
        assertTrue(oracle.zeroShots > 0);
        assertTrue(walk.fracNodesVisited[0][1999] > 0.9, "a 2000-step walk covers most of the box");
    }

    @Test
    void sameSeedSameWalk() {
        ChunkAssert.assertSameChunk(Walk.inRandomWorld(8, 11, 45, UniformPolicy.NAME, 500, 3),
                Walk.inRandomWorld(8, 11, 45, UniformPolicy.NAME, 500, 3));
        BoxWorld world = new BoxWorld(3, 3, new int[9], 45);
        ChunkAssert.assertSameChunk(Walk.inWorld(world, StraightBiasPolicy.NAME, 500, 8),
                Walk.inWorld(world, StraightBiasPolicy.NAME, 500, 8));
    }

    @Test
    void rejectsBadArguments() {
        BoxWorld world = new BoxWorld(3, 3, new int[9], 45);
        var e = assertThrows(IllegalArgumentException.class, () -> Walk.inWorld(world, "uniform", 0, 1));
        assertEquals("length = 0 is outside the allowed range [1, 2147483647]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Walk.inWorld(world, "drunk", 10, 1));
    }
}
