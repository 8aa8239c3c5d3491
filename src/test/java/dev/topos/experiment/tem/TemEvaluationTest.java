package dev.topos.experiment.tem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.nn.Engine;
import dev.topos.analysis.space.AccuracyCurve;
import dev.topos.analysis.space.WalkAnalysis;
import dev.topos.data.grid.BoxWorld;
import dev.topos.data.grid.StraightBiasPolicy;
import dev.topos.model.LstmBaseline;
import dev.topos.model.TemModelConfig;
import dev.topos.model.TemTransformer;
import dev.topos.model.WalkPredictor;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** TemEvaluation on untrained tiny models: bookkeeping, curves, maps, and chunking invariance. */
class TemEvaluationTest {
    private static final int SYMBOLS = 10;
    private static final int STEPS = 150;
    private static final TemModelConfig CFG = new TemModelConfig("tem-t", 8, 4, 4, "relu", "additive", false, true, 5, 0.1, 64, 9, 6, false, false, 0.9, 0);

    private static TemEvaluation.Settings settings(int chunk) {
        return new TemEvaluation.Settings(4, 5, SYMBOLS, StraightBiasPolicy.NAME, 2, STEPS, 7, chunk, STEPS, 5, 4, 10, 5, STEPS, 0);
    }

    @Test
    void temTransformerEvaluation() {
        {
            Engine.seed(5);
            WalkPredictor model = new TemTransformer(CFG, SYMBOLS, BoxWorld.N_ACTIONS);
            WalkAnalysis.Result r = TemEvaluation.run(model, settings(40));
            WalkAnalysis.Steps s = r.steps();

            assertEquals(2 * STEPS, s.count());
            assertEquals(s.count(), r.countUnvisited() + r.countVisited());
            assertTrue(r.countZeroShot() > 0 && r.countZeroShot() <= r.countVisited());
            for (double acc : new double[] {r.accUnvisited(), r.accVisited(), r.accZeroShot()}) {
                assertTrue(acc >= 0 && acc <= 1, "accuracy " + acc);
            }
            assertEquals(1.0 / SYMBOLS, r.chance());
            assertAgentCurve(r.byNodes().nodeAgent(), s.fracNodesVisited(), s.visited(), r.chance());
            assertAgentCurve(r.byEdges().edgeAgent(), s.fracEdgesTaken(), s.edgeTaken(), r.chance());

            for (WalkAnalysis.WorldMaps w : r.worlds()) {
                assertNanExactlyWhereUnvisited(w.codeMaps(), w.visits());
                assertTrue(w.hasMemory());
                assertNanExactlyWhereUnvisited(w.memoryMaps(), w.visits());
                assertEquals(4, w.memorySteps().length);
                Set<Integer> nodes = new HashSet<>();
                for (int k = 0; k < w.memorySteps().length; k++) {
                    assertTrue(w.memorySteps()[k] < STEPS / 2, "memory stored in the first half");
                    assertTrue(nodes.add(w.memoryNodes()[k]), "memories at distinct nodes");
                }
                for (double[][] map : w.memoryMaps()) {
                    Arrays.stream(map).flatMapToDouble(Arrays::stream).filter(v -> !Double.isNaN(v))
                            .forEach(v -> assertTrue(v >= 0 && v <= 1, "attention weight " + v));
                }
            }
            assertEquals(CFG.codeUnits(), r.gridScores().length);
            int[] sorted = r.unitsByGridScore().clone();
            Arrays.sort(sorted);
            assertArrayEquals(java.util.stream.IntStream.range(0, CFG.codeUnits()).toArray(), sorted);
            WalkAnalysis.Remap remap = r.remapping();
            assertEquals(remap.a().world().width(), remap.b().world().width());
            assertEquals(5, remap.a().world().width());
            assertEquals(5, remap.a().world().height());
            assertTrue(remap.a().hasMemory() && remap.b().hasMemory());
        }
    }

    /** Carrying state and memory across chunks gives the same results as one chunk per walk. */
    @Test
    void chunkingDoesNotChangeTheResult() {
        {
            Engine.seed(5);
            WalkPredictor model = new TemTransformer(CFG, SYMBOLS, BoxWorld.N_ACTIONS);
            WalkAnalysis.Result chunked = TemEvaluation.run(model, settings(40));
            WalkAnalysis.Result whole = TemEvaluation.run(model, settings(STEPS));
            assertArrayEquals(whole.steps().correct(), chunked.steps().correct());
            for (int w = 0; w < 2; w++) {
                assertMapsClose(whole.worlds().get(w).codeMaps(), chunked.worlds().get(w).codeMaps());
                assertMapsClose(whole.worlds().get(w).memoryMaps(), chunked.worlds().get(w).memoryMaps());
            }
        }
    }

    @Test
    void lstmHasNoMemoryNeurons() {
        {
            Engine.seed(5);
            WalkPredictor model = new LstmBaseline(CFG, SYMBOLS, BoxWorld.N_ACTIONS);
            WalkAnalysis.Result r = TemEvaluation.run(model, settings(40));
            assertEquals(2 * STEPS, r.countUnvisited() + r.countVisited());
            assertEquals(CFG.lstmHidden(), r.gridScores().length);
            assertNull(r.worlds().get(0).memoryMaps());
            assertTrue(Double.isNaN(r.remapping().memoryRelation()));
            assertNanExactlyWhereUnvisited(r.worlds().get(0).codeMaps(), r.worlds().get(0).visits());
        }
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class,
                () -> new TemEvaluation.Settings(4, 3, SYMBOLS, StraightBiasPolicy.NAME, 2, STEPS, 7, 40, STEPS, 5, 4, 10, 5, STEPS, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new TemEvaluation.Settings(4, 5, SYMBOLS, "teleport", 2, STEPS, 7, 40, STEPS, 5, 4, 10, 5, STEPS, 0));
    }

    /** Bin by bin from the flags: (known + chance * unknown) / n, hence 1 where every step is known. */
    private static void assertAgentCurve(AccuracyCurve curve, double[] fraction, boolean[] known, double chance) {
        int bins = curve.mean().length;
        int[] n = new int[bins];
        int[] k = new int[bins];
        for (int t = 0; t < fraction.length; t++) {
            int bin = Math.min(bins - 1, (int) (fraction[t] * bins));
            n[bin]++;
            k[bin] += known[t] ? 1 : 0;
        }
        for (int b = 0; b < bins; b++) {
            assertEquals(n[b], curve.count()[b]);
            if (n[b] == 0) {
                assertTrue(Double.isNaN(curve.mean()[b]));
            } else if (k[b] == n[b]) {
                assertEquals(1.0, curve.mean()[b], 0.0, "bin " + b + " is all known");
            } else {
                assertEquals((k[b] + chance * (n[b] - k[b])) / n[b], curve.mean()[b], 1e-12);
            }
        }
    }

    private static void assertNanExactlyWhereUnvisited(double[][][] maps, int[][] visits) {
        for (double[][] map : maps) {
            for (int y = 0; y < visits.length; y++) {
                for (int x = 0; x < visits[y].length; x++) {
                    assertEquals(visits[y][x] == 0, Double.isNaN(map[y][x]), "node (" + x + "," + y + ")");
                }
            }
        }
    }

    private static void assertMapsClose(double[][][] expected, double[][][] actual) {
        assertEquals(expected.length, actual.length);
        for (int u = 0; u < expected.length; u++) {
            for (int y = 0; y < expected[u].length; y++) {
                assertArrayEquals(expected[u][y], actual[u][y], 1e-4);
            }
        }
    }
}
