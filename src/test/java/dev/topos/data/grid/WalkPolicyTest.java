package dev.topos.data.grid;

import dev.topos.util.Rng;
import org.junit.jupiter.api.Test;

import static dev.topos.data.grid.BoxWorld.EAST;
import static dev.topos.data.grid.BoxWorld.NORTH;
import static dev.topos.data.grid.BoxWorld.SOUTH;
import static dev.topos.data.grid.BoxWorld.STAY;
import static dev.topos.data.grid.BoxWorld.WEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WalkPolicyTest {

    @Test
    void uniformWalkVisitsNodesInProportionToTheirMoveCount() {
        int w = 4;
        int h = 3;
        BoxWorld world = new BoxWorld(w, h, new int[w * h], 45);
        int steps = 400_000;
        WalkChunk walk = Walk.inWorld(world, UniformPolicy.NAME, steps, 5);
        double[] freq = new double[w * h];
        for (int node : walk.node[0]) {
            freq[node] += 1.0 / steps;
        }
        // A walk choosing uniformly among the d_i available moves (stay included) is reversible
        // with pi_i proportional to d_i: pi_i P_ij = d_i / D * 1 / d_i = 1 / D for every link.
        int[] moves = new int[w * h];
        int total = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                moves[y * w + x] = 1 + (x > 0 ? 1 : 0) + (x < w - 1 ? 1 : 0) + (y > 0 ? 1 : 0) + (y < h - 1 ? 1 : 0);
                total += moves[y * w + x];
            }
        }
        assertEquals(46, total);
        for (int i = 0; i < w * h; i++) {
            assertEquals(moves[i] / (double) total, freq[i], 0.006, "node " + i);
        }
    }

    @Test
    void straightBiasRepeatsMovesMoreOftenThanUniform() {
        BoxWorld world = new BoxWorld(10, 10, new int[100], 45);
        double straight = repeatRate(Walk.inWorld(world, StraightBiasPolicy.NAME, 200_000, 3));
        double uniform = repeatRate(Walk.inWorld(world, UniformPolicy.NAME, 200_000, 3));
        // uniform: the next non-stay move equals the last one with probability about 1/4 (less at
        // walls). Straight bias, away from walls and ignoring drift: a non-stay move is the
        // heading's with probability 0.25 / 0.85 + (0.6 / 0.85) / 4 = 0.47, and the next non-stay
        // move repeats it with probability (0.25 * 0.47 + 0.75 / 5) / 0.85 = 0.32.
        assertEquals(0.24, uniform, 0.02);
        assertEquals(0.31, straight, 0.03);
        assertTrue(straight > uniform + 0.04, "straight " + straight + " vs uniform " + uniform);
    }

    /** Fraction of non-stay moves equal to the previous non-stay move. */
    private static double repeatRate(WalkChunk walk) {
        int last = STAY;
        int moves = 0;
        int repeats = 0;
        for (int a : walk.actionIn[0]) {
            if (a == STAY) {
                continue;
            }
            if (last != STAY) {
                moves++;
                repeats += a == last ? 1 : 0;
            }
            last = a;
        }
        return repeats / (double) moves;
    }

    @Test
    void headingAheadIsTakenWithProbabilityQuarterPlusUniformShare() {
        BoxWorld world = new BoxWorld(5, 5, new int[25], 45);
        double[] p = actionFrequencies(world, 12, 0.0, 100_000);
        // straight part 0.25 goes east; the 0.75 uniform part spreads over 5 moves
        assertEquals(0.25 + 0.75 / 5, p[EAST], 0.01);
        for (int a : new int[] {STAY, NORTH, SOUTH, WEST}) {
            assertEquals(0.75 / 5, p[a], 0.01, "action " + a);
        }
        // heading pi/2 + 0.3 points north (within pi/4)
        assertEquals(0.25 + 0.75 / 5, actionFrequencies(world, 12, Math.PI / 2 + 0.3, 100_000)[NORTH], 0.01);
    }

    @Test
    void atAWallTheAgentTurnsToARandomNonStayMove() {
        BoxWorld world = new BoxWorld(5, 5, new int[25], 45);
        int eastWall = 14; // x = 4, y = 2: moves stay, N, S, W
        double[] p = actionFrequencies(world, eastWall, 0.0, 100_000);
        assertEquals(0.0, p[EAST]);
        assertEquals(0.75 / 4, p[STAY], 0.01);
        for (int a : new int[] {NORTH, SOUTH, WEST}) {
            assertEquals(0.25 / 3 + 0.75 / 4, p[a], 0.01, "action " + a);
        }
        // the new heading is one of the open directions plus a drift of at most 0.4
        Rng rng = new Rng(9);
        StraightBiasPolicy policy = new StraightBiasPolicy();
        for (int i = 0; i < 1000; i++) {
            policy.loadState(Double.doubleToRawLongBits(0.0));
            policy.nextAction(world, eastWall, rng);
            double heading = policy.heading();
            double nearest = Math.min(StraightBiasPolicy.angleBetween(heading, Math.PI / 2),
                    Math.min(StraightBiasPolicy.angleBetween(heading, -Math.PI / 2),
                            StraightBiasPolicy.angleBetween(heading, Math.PI)));
            assertTrue(nearest <= StraightBiasPolicy.MAX_DRIFT, "heading " + heading);
        }
    }

    private static double[] actionFrequencies(BoxWorld world, int node, double heading, int trials) {
        Rng rng = new Rng(17);
        StraightBiasPolicy policy = new StraightBiasPolicy();
        double[] p = new double[BoxWorld.N_ACTIONS];
        for (int i = 0; i < trials; i++) {
            policy.loadState(Double.doubleToRawLongBits(heading));
            p[policy.nextAction(world, node, rng)] += 1.0 / trials;
        }
        return p;
    }

    @Test
    void headingIsSavedAndValidated() {
        StraightBiasPolicy policy = new StraightBiasPolicy();
        policy.startWorld(new Rng(4));
        long saved = policy.saveState();
        StraightBiasPolicy copy = new StraightBiasPolicy();
        copy.loadState(saved);
        assertEquals(policy.heading(), copy.heading());
        assertThrows(IllegalArgumentException.class, () -> copy.loadState(Double.doubleToRawLongBits(4.0)));
        assertThrows(IllegalArgumentException.class, () -> copy.loadState(Double.doubleToRawLongBits(Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> new UniformPolicy().loadState(1));
    }

    @Test
    void wrapKeepsAnglesInHalfOpenRange() {
        assertEquals(-Math.PI, StraightBiasPolicy.wrap(Math.PI), 1e-15);
        assertEquals(Math.PI - 0.5, StraightBiasPolicy.wrap(-Math.PI - 0.5), 1e-12);
        assertEquals(0.25, StraightBiasPolicy.wrap(0.25 + 4 * Math.PI), 1e-12);
    }

    @Test
    void policiesByName() {
        assertEquals(StraightBiasPolicy.NAME, WalkPolicy.create("straight-bias").name());
        assertEquals(UniformPolicy.NAME, WalkPolicy.create("uniform").name());
        var e = assertThrows(IllegalArgumentException.class, () -> WalkPolicy.create("levy"));
        assertEquals("policy = \"levy\" is not one of [straight-bias, uniform]", e.getMessage());
    }
}
