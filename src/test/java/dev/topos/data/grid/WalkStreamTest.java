package dev.topos.data.grid;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WalkStreamTest {

    private static WalkConfig config(int batch, String policy, long seed) {
        return new WalkConfig(batch, 8, 11, 45, policy, seed);
    }

    @Test
    void worldsLastNRestartPlusJitterTimesNodesAndSlotsSwitchAtDifferentTimes() {
        int batch = 6;
        WalkStream stream = new WalkStream(config(batch, StraightBiasPolicy.NAME, 1));
        List<List<Integer>> starts = new ArrayList<>();
        List<List<int[]>> worlds = new ArrayList<>(); // per slot: {start step, nRestart, nodes}
        for (int s = 0; s < batch; s++) {
            starts.add(new ArrayList<>());
            worlds.add(new ArrayList<>());
        }
        int steps = 500;
        for (int chunk = 0; chunk < 40; chunk++) {
            int nRestart = 1 + chunk % 3; // changes per call, as under annealing
            WalkChunk c = stream.next(steps, nRestart);
            for (int s = 0; s < batch; s++) {
                for (int t = 0; t < steps; t++) {
                    if (c.worldStart[s][t]) {
                        int at = chunk * steps + t;
                        starts.get(s).add(at);
                        worlds.get(s).add(new int[] {at, nRestart, c.world[s][t].nodeCount()});
                    }
                }
            }
        }
        Set<Integer> jitters = new HashSet<>();
        for (int s = 0; s < batch; s++) {
            List<int[]> ws = worlds.get(s);
            assertEquals(0, ws.get(0)[0], "every slot starts a world at step 0");
            assertTrue(ws.size() >= 4, "slot " + s + " saw only " + ws.size() + " worlds");
            for (int i = 0; i + 1 < ws.size(); i++) {
                int length = ws.get(i + 1)[0] - ws.get(i)[0];
                int nodes = ws.get(i)[2];
                assertEquals(0, length % nodes, "length " + length + " is not a multiple of " + nodes);
                int jitter = length / nodes - ws.get(i)[1];
                assertTrue(jitter >= 0 && jitter <= 29, "jitter " + jitter);
                jitters.add(jitter);
            }
        }
        assertTrue(jitters.size() >= 10, "jitters " + jitters);
        Set<Integer> firstSwitch = new HashSet<>();
        for (List<Integer> st : starts) {
            firstSwitch.add(st.get(1));
        }
        assertTrue(firstSwitch.size() >= batch - 1, "slots switch together: " + starts);
    }

    @ParameterizedTest
    @ValueSource(strings = {StraightBiasPolicy.NAME, UniformPolicy.NAME})
    void flagsAndFractionsAgreeWithIndependentRecomputation(String policy) {
        int batch = 4;
        WalkStream stream = new WalkStream(config(batch, policy, 2));
        FlagOracle[] oracles = new FlagOracle[batch];
        Arrays.setAll(oracles, s -> new FlagOracle());
        for (int chunk = 0; chunk < 40; chunk++) {
            WalkChunk c = stream.next(75, 1);
            for (int s = 0; s < batch; s++) {
                for (int t = 0; t < 75; t++) {
                    oracles[s].check(c, s, t);
                }
            }
        }
        for (FlagOracle o : oracles) {
            assertTrue(o.worlds >= 2, "worlds " + o.worlds);
            assertTrue(o.zeroShots > 10, "zero-shot steps " + o.zeroShots);
        }
    }

    @Test
    void worldIdsAreUniqueAcrossSlotsAndWorlds() {
        WalkStream stream = new WalkStream(config(3, StraightBiasPolicy.NAME, 8));
        Set<Long> ids = new HashSet<>();
        int starts = 0;
        for (int chunk = 0; chunk < 20; chunk++) {
            WalkChunk c = stream.next(200, 1);
            for (int s = 0; s < 3; s++) {
                for (int t = 0; t < 200; t++) {
                    if (c.worldStart[s][t]) {
                        starts++;
                        ids.add(c.worldId[s][t]);
                        assertEquals(s, c.worldId[s][t] % 3);
                    }
                }
            }
        }
        assertEquals(starts, ids.size());
    }

    @Test
    void sameSeedSameChunksOtherSeedOtherChunks() {
        WalkStream a = new WalkStream(config(4, StraightBiasPolicy.NAME, 42));
        WalkStream b = new WalkStream(config(4, StraightBiasPolicy.NAME, 42));
        WalkStream c = new WalkStream(config(4, StraightBiasPolicy.NAME, 43));
        for (int i = 0; i < 5; i++) {
            WalkChunk ca = a.next(75, 3);
            ChunkAssert.assertSameChunk(ca, b.next(75, 3));
            assertNotEquals(Arrays.deepToString(ca.node), Arrays.deepToString(c.next(75, 3).node));
        }
    }

    @Test
    void aSlotsWalkDoesNotDependOnTheBatchSize() {
        WalkStream small = new WalkStream(config(2, StraightBiasPolicy.NAME, 5));
        WalkStream large = new WalkStream(config(5, StraightBiasPolicy.NAME, 5));
        for (int i = 0; i < 5; i++) {
            WalkChunk cs = small.next(100, 1);
            WalkChunk cl = large.next(100, 1);
            for (int s = 0; s < 2; s++) {
                assertArrayEquals(cs.node[s], cl.node[s]);
                assertArrayEquals(cs.obs[s], cl.obs[s]);
                assertArrayEquals(cs.worldStart[s], cl.worldStart[s]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {StraightBiasPolicy.NAME, UniformPolicy.NAME})
    void restoredStreamContinuesIdentically(String policy) {
        WalkConfig cfg = config(4, policy, 77);
        WalkStream original = new WalkStream(cfg);
        long[] fresh = original.saveState();
        WalkStream fromFresh = WalkStream.restore(cfg, fresh);
        for (int k = 0; k < 3; k++) {
            ChunkAssert.assertSameChunk(original.next(75, 2), fromFresh.next(75, 2));
        }
        long[] saved = original.saveState();
        WalkStream resumed = WalkStream.restore(cfg, saved);
        assertArrayEquals(saved, resumed.saveState(), "save -> restore -> save is the identity");
        for (int k = 0; k < 6; k++) {
            int nRestart = 1 + k % 2;
            ChunkAssert.assertSameChunk(original.next(75, nRestart), resumed.next(75, nRestart));
        }
    }

    @Test
    void malformedOrForeignStatesAreRejected() {
        WalkConfig cfg = config(2, StraightBiasPolicy.NAME, 3);
        WalkStream stream = new WalkStream(cfg);
        stream.next(10, 2);
        long[] state = stream.saveState();

        assertMalformed("array ends", cfg, Arrays.copyOf(state, state.length - 1));
        assertMalformed("trailing", cfg, Arrays.copyOf(state, state.length + 1));
        assertMalformed("magic", cfg, with(state, 0, 1));
        assertMalformed("version", cfg, with(state, 1, 9));
        // layout: magic, version, 6 config values, then slot 0: rng, worlds, stepsLeft, hasWorld, width
        assertMalformed("hasWorld = 2", cfg, with(state, 11, 2));
        assertMalformed("width = 99", cfg, with(state, 12, 99));
        assertMalformed("stepsLeft = -1", cfg, with(state, 10, -1));
        long[] noWorldButSteps = new WalkStream(cfg).saveState();
        assertMalformed("without a world", cfg, with(noWorldButSteps, 10, 5));

        var e = assertThrows(IllegalArgumentException.class,
                () -> WalkStream.restore(config(3, StraightBiasPolicy.NAME, 3), state));
        assertEquals("walk-stream state was saved with batch = 2 but the config has batch = 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> WalkStream.restore(config(2, UniformPolicy.NAME, 3), state));
        assertTrue(e.getMessage().contains("policy index"), e.getMessage());
    }

    @Test
    void nextValidatesItsArguments() {
        WalkStream stream = new WalkStream(config(1, UniformPolicy.NAME, 0));
        var e = assertThrows(IllegalArgumentException.class, () -> stream.next(0, 5));
        assertEquals("steps = 0 is outside the allowed range [1, 2147483647]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> stream.next(75, 0));
        assertTrue(e.getMessage().startsWith("nRestart = 0 is outside the allowed range [1, "), e.getMessage());
    }

    private static long[] with(long[] state, int index, long value) {
        long[] copy = state.clone();
        copy[index] = value;
        return copy;
    }

    private static void assertMalformed(String fragment, WalkConfig cfg, long[] state) {
        var e = assertThrows(IllegalArgumentException.class, () -> WalkStream.restore(cfg, state));
        assertTrue(e.getMessage().startsWith("malformed walk-stream state: "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
