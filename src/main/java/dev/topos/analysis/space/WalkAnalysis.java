package dev.topos.analysis.space;

import dev.topos.data.grid.BoxWorld;
import dev.topos.data.grid.WalkChunk;
import dev.topos.util.Rng;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * The statistics of a walk model's evaluation on fresh grid worlds (Whittington, Warren & Behrens
 * 2022), from what a rollout recorded ({@link WalkRecord}); nothing here runs a model.
 * <ul>
 *   <li>accuracy (the most likely observation == the one seen) on steps whose node was never
 *       visited (chance 1/symbols), was visited, and on zero-shot links (visited node, new edge),
 *       also with first stays counted as new edges (torch_tem's {@code include_stay_still});</li>
 *   <li>{@link AccuracyCurve}s against the fraction of nodes visited and of edges taken, for the
 *       model and for the node agent (knows iff visited) and edge agent (knows iff edge taken);</li>
 *   <li>{@link RateMap}s of the model's code units over the second half of each walk, their
 *       autocorrelograms (of the maps after {@link RateMapSmoothing} by {@code smoothing} nodes; 0:
 *       none) and {@link GridScore}s; the score of a unit is its score in the first
 *       remapping world (a box large enough to resolve grid periods), and units are ranked by it;</li>
 *   <li>memory neurons (models with attention): the recorded memories' rate maps, the mean
 *       attention weight each gets at each node over the second half ({@link #chooseMemories} says
 *       which memories a rollout should record);</li>
 *   <li>grid-like units: a unit whose grid score in the first remapping world (the larger box)
 *       exceeds its {@link GridNull} (the 95th percentile of its spatially shuffled maps'
 *       scores); {@code gridFraction} is their share of the units; likewise, with the four-fold
 *       {@link GridScore#square} and its own null, {@code squareFraction}: units that are square
 *       lattices (the worlds' moves are those of a square lattice);</li>
 *   <li>remapping between two worlds of the same size: {@link Remapping#relationCorrelation} and
 *       {@link Remapping#meanMapCorrelation} of all code units, of the grid-like ones, and of the
 *       memory neurons (memory neuron k = the k-th recorded memory, by storage step, in each world).</li>
 * </ul>
 */
public final class WalkAnalysis {
    /** The percentile of the shuffled scores a grid-like unit exceeds. */
    public static final double NULL_PERCENTILE = 95;

    private WalkAnalysis() {
    }

    /**
     * Every step of every world, world after world: whether the model was right and the walk's
     * flags and fractions before the step (see {@link WalkChunk}).
     */
    public record Steps(boolean[] correct, boolean[] visited, boolean[] edgeTaken, boolean[] zeroShot,
                        boolean[] zeroShotWithStay, double[] fracNodesVisited, double[] fracEdgesTaken) {
        public int count() {
            return correct.length;
        }
    }

    /** Accuracy curves on one x-axis: the model, the node agent and the edge agent. */
    public record Curves(AccuracyCurve model, AccuracyCurve nodeAgent, AccuracyCurve edgeAgent) {
    }

    /**
     * The maps of one world, [unit][y][x] over the second half of its walk.
     *
     * @param world            the world
     * @param visits           second-half visits per node [y][x]; maps are NaN exactly where 0
     * @param codeMaps         rate maps of the code units
     * @param autocorrelograms their autocorrelograms (of the smoothed maps)
     * @param gridScores       their grid scores (NaN where undefined)
     * @param squareScores     their four-fold scores ({@link GridScore#square}; NaN where undefined)
     * @param memorySteps      storage steps of the chosen memories, ascending (empty without attention)
     * @param memoryNodes      their nodes
     * @param memoryMaps       mean attention weight of each chosen memory, or null without attention
     */
    public record WorldMaps(BoxWorld world, int[][] visits, double[][][] codeMaps, double[][][] autocorrelograms,
                            double[] gridScores, double[] squareScores, int[] memorySteps, int[] memoryNodes, double[][][] memoryMaps) {
        public boolean hasMemory() {
            return memoryMaps != null;
        }
    }

    /**
     * Remapping between two worlds of the same size: correlations of all code units, of the grid
     * units (those whose grid score in world A beats their shuffle null; NaN with fewer than three,
     * which make fewer than three pairs) and of the memory neurons (NaN for memory without attention).
     *
     * @param gridUnits    the grid units
     * @param gridRelation {@link Remapping#relationCorrelation} of the grid units
     */
    public record Remap(WorldMaps a, WorldMaps b, double codeRelation, double codeMeanMap, double memoryRelation,
                        double memoryMeanMap, int[] gridUnits, double gridRelation) {
    }

    /**
     * @param steps            every evaluated step
     * @param accUnvisited     accuracy on steps at a node never visited before (NaN if none)
     * @param accVisited       accuracy on steps at a node visited before
     * @param accZeroShot      accuracy on zero-shot links
     * @param accZeroShotWithStay accuracy on zero-shot links counting a first stay at a node as one
     *                         (torch_tem's {@code include_stay_still})
     * @param countUnvisited   number of never-visited steps
     * @param countVisited     number of visited steps ({@code countUnvisited + countVisited = steps.count()})
     * @param countZeroShot    number of zero-shot steps (a subset of the visited ones)
     * @param countZeroShotWithStay number of zero-shot steps with first stays counted
     * @param chance           1 / symbols
     * @param byNodes          curves against the fraction of nodes visited
     * @param byEdges          curves against the fraction of edges taken
     * @param worlds           maps of each evaluation world
     * @param gridScores       per unit, its grid score in the first remapping world (the larger box)
     * @param unitsByGridScore units by descending grid score, NaN last
     * @param gridScoreMedian  the median over units of the grid score
     * @param remapping        the two-world remapping analysis
     * @param gridNull         per unit, its grid-score null in the first remapping world
     * @param gridFraction     the share of units whose grid score there beats their null
     * @param squareScores     per unit, its four-fold score in the first remapping world
     * @param squareScoreMedian the median over units of the four-fold score
     * @param squareNull       per unit, its four-fold-score null there
     * @param squareFraction   the share of units whose four-fold score there beats their null
     */
    public record Result(Steps steps, double accUnvisited, double accVisited, double accZeroShot,
                         double accZeroShotWithStay, int countUnvisited, int countVisited, int countZeroShot,
                         int countZeroShotWithStay, double chance, Curves byNodes, Curves byEdges,
                         List<WorldMaps> worlds, double[] gridScores, int[] unitsByGridScore, double gridScoreMedian,
                         Remap remapping, double[] gridNull, double gridFraction, double[] squareScores,
                         double squareScoreMedian, double[] squareNull, double squareFraction) {
    }

    /**
     * The evaluation of the walks in {@code worlds} and of the remapping pair {@code remapA},
     * {@code remapB} (two worlds of the same size).
     *
     * @param symbols  observation symbols (chance is 1 / symbols)
     * @param bins     bins of the accuracy curves
     * @param shuffles spatial shuffles per unit of the grid-score null
     * @param seed     seed of the shuffles
     * @param smoothing sigma (nodes) of the {@link RateMapSmoothing} before autocorrelograms; 0: none
     */
    public static Result of(List<WalkRecord> worlds, WalkRecord remapA, WalkRecord remapB, int symbols, int bins,
                            int shuffles, long seed, double smoothing) {
        Steps steps = steps(worlds);
        double chance = 1.0 / symbols;
        boolean[] unvisited = not(steps.visited());
        List<WorldMaps> maps = worlds.stream().map(r -> worldMaps(r, smoothing)).toList();
        WorldMaps a = worldMaps(remapA, smoothing);
        double[] gridScores = a.gridScores();
        double[] gridNull = nulls(a, shuffles, seed, 0,
                m -> GridScore.of(Autocorrelogram.of(RateMapSmoothing.of(m, smoothing))));
        double[] squareNull = nulls(a, shuffles, seed, gridNull.length,
                m -> GridScore.square(Autocorrelogram.of(RateMapSmoothing.of(m, smoothing))));
        Remap remap = remap(a, worldMaps(remapB, smoothing), above(gridScores, gridNull));
        return new Result(steps,
                accuracy(steps.correct(), unvisited), accuracy(steps.correct(), steps.visited()),
                accuracy(steps.correct(), steps.zeroShot()), accuracy(steps.correct(), steps.zeroShotWithStay()),
                count(unvisited), count(steps.visited()), count(steps.zeroShot()), count(steps.zeroShotWithStay()),
                chance,
                curves(steps.fracNodesVisited(), steps, chance, bins),
                curves(steps.fracEdgesTaken(), steps, chance, bins),
                maps, gridScores, rank(gridScores), median(gridScores), remap, gridNull,
                fraction(remap.gridUnits(), gridNull), a.squareScores(), median(a.squareScores()), squareNull,
                fraction(above(a.squareScores(), squareNull), squareNull));
    }

    /**
     * Per unit, its {@link GridNull} of {@code score} in {@code world}; NaN where undefined. Unit u's
     * shuffles are drawn from stream {@code label + u} of {@code seed}.
     */
    private static double[] nulls(WorldMaps world, int shuffles, long seed, int label, ToDoubleFunction<double[][]> score) {
        double[] out = new double[world.codeMaps().length];
        for (int u = 0; u < out.length; u++) {
            out[u] = GridNull.threshold(world.codeMaps()[u], shuffles, NULL_PERCENTILE, Rng.derive(seed, label + u), score);
        }
        return out;
    }

    /** The units whose score is above their null (NaN counts as not). */
    private static int[] above(double[] scores, double[] nulls) {
        return IntStream.range(0, nulls.length).filter(u -> scores[u] > nulls[u]).toArray();
    }

    /** The share of all units that are {@code units}. */
    private static double fraction(int[] units, double[] nulls) {
        return nulls.length == 0 ? Double.NaN : units.length / (double) nulls.length;
    }

    /** The median of the defined values, NaN if none. */
    private static double median(double[] values) {
        double[] defined = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int n = defined.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? defined[n / 2] : (defined[n / 2 - 1] + defined[n / 2]) / 2;
    }

    /**
     * The rate maps, autocorrelograms and grid scores (of the maps smoothed by {@code smoothing}
     * nodes) of one recorded walk, and its memory neurons' maps.
     */
    static WorldMaps worldMaps(WalkRecord r, double smoothing) {
        WalkChunk walk = r.walk();
        BoxWorld world = walk.world[0][0];
        RateMap codes = new RateMap(world.width(), world.height(), r.codes().length == 0 ? 0 : r.codes()[0].length);
        RateMap memory = r.hasMemory() ? new RateMap(world.width(), world.height(), r.memorySteps().length) : null;
        for (int j = 0; j < r.codes().length; j++) {
            int node = walk.node[0][r.half() + j];
            codes.add(node, r.codes()[j]);
            if (memory != null) {
                memory.add(node, r.memoryWeights()[j]);
            }
        }
        double[][][] maps = codes.maps();
        double[][][] acs = new double[maps.length][][];
        double[] scores = new double[maps.length];
        double[] square = new double[maps.length];
        for (int u = 0; u < maps.length; u++) {
            acs[u] = Autocorrelogram.of(RateMapSmoothing.of(maps[u], smoothing));
            scores[u] = GridScore.of(acs[u]);
            square[u] = GridScore.square(acs[u]);
        }
        if (memory == null) {
            return new WorldMaps(world, codes.visits(), maps, acs, scores, square, new int[0], new int[0], null);
        }
        int[] nodes = Arrays.stream(r.memorySteps()).map(t -> walk.node[0][t]).toArray();
        return new WorldMaps(world, codes.visits(), maps, acs, scores, square, r.memorySteps(), nodes, memory.maps());
    }

    private static Remap remap(WorldMaps a, WorldMaps b, int[] gridUnits) {
        double memoryRelation = Double.NaN;
        double memoryMeanMap = Double.NaN;
        if (a.hasMemory()) {
            int n = Math.min(a.memoryMaps().length, b.memoryMaps().length);
            double[][][] ma = Arrays.copyOf(a.memoryMaps(), n);
            double[][][] mb = Arrays.copyOf(b.memoryMaps(), n);
            memoryRelation = Remapping.relationCorrelation(ma, mb);
            memoryMeanMap = Remapping.meanMapCorrelation(ma, mb);
        }
        double gridRelation = gridUnits.length < 3 ? Double.NaN
                : Remapping.relationCorrelation(pick(a.codeMaps(), gridUnits), pick(b.codeMaps(), gridUnits));
        return new Remap(a, b, Remapping.relationCorrelation(a.codeMaps(), b.codeMaps()),
                Remapping.meanMapCorrelation(a.codeMaps(), b.codeMaps()), memoryRelation, memoryMeanMap, gridUnits,
                gridRelation);
    }

    private static double[][][] pick(double[][][] maps, int[] units) {
        return Arrays.stream(units).mapToObj(u -> maps[u]).toArray(double[][][]::new);
    }

    /**
     * Up to {@code units} storage steps among the first {@code half} steps (at least one), at
     * distinct nodes: the first visit of nodes drawn without replacement, in ascending step order.
     */
    public static int[] chooseMemories(WalkChunk walk, int half, int units, Rng rng) {
        Map<Integer, Integer> firstVisit = new LinkedHashMap<>();
        for (int t = 0; t < half; t++) {
            firstVisit.putIfAbsent(walk.node[0][t], t);
        }
        int[] candidates = firstVisit.values().stream().mapToInt(Integer::intValue).toArray();
        for (int i = candidates.length - 1; i > 0; i--) { // Fisher-Yates
            int j = rng.nextInt(i + 1);
            int tmp = candidates[i];
            candidates[i] = candidates[j];
            candidates[j] = tmp;
        }
        int[] chosen = Arrays.copyOf(candidates, Math.min(units, candidates.length));
        Arrays.sort(chosen);
        return chosen;
    }

    private static Steps steps(List<WalkRecord> worlds) {
        int t = worlds.get(0).correct().length;
        int n = worlds.size() * t;
        Steps out = new Steps(new boolean[n], new boolean[n], new boolean[n], new boolean[n], new boolean[n],
                new double[n], new double[n]);
        for (int w = 0; w < worlds.size(); w++) {
            WalkChunk walk = worlds.get(w).walk();
            System.arraycopy(worlds.get(w).correct(), 0, out.correct(), w * t, t);
            System.arraycopy(walk.visited[0], 0, out.visited(), w * t, t);
            System.arraycopy(walk.edgeTaken[0], 0, out.edgeTaken(), w * t, t);
            System.arraycopy(walk.zeroShot[0], 0, out.zeroShot(), w * t, t);
            System.arraycopy(walk.zeroShotWithStay[0], 0, out.zeroShotWithStay(), w * t, t);
            System.arraycopy(walk.fracNodesVisited[0], 0, out.fracNodesVisited(), w * t, t);
            System.arraycopy(walk.fracEdgesTaken[0], 0, out.fracEdgesTaken(), w * t, t);
        }
        return out;
    }

    private static Curves curves(double[] fraction, Steps steps, double chance, int bins) {
        return new Curves(AccuracyCurve.of(fraction, steps.correct(), bins),
                AccuracyCurve.ofAgent(fraction, steps.visited(), chance, bins),
                AccuracyCurve.ofAgent(fraction, steps.edgeTaken(), chance, bins));
    }

    /** Indices by descending score, NaN last, ties by index. */
    private static int[] rank(double[] scores) {
        return IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble((Integer u) -> Double.isNaN(scores[u]) ? Double.POSITIVE_INFINITY : -scores[u])
                        .thenComparingInt(u -> u))
                .mapToInt(Integer::intValue).toArray();
    }

    private static double accuracy(boolean[] correct, boolean[] mask) {
        int n = 0;
        int right = 0;
        for (int t = 0; t < correct.length; t++) {
            if (mask[t]) {
                n++;
                right += correct[t] ? 1 : 0;
            }
        }
        return n == 0 ? Double.NaN : right / (double) n;
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }

    private static boolean[] not(boolean[] flags) {
        boolean[] out = new boolean[flags.length];
        for (int i = 0; i < flags.length; i++) {
            out[i] = !flags[i];
        }
        return out;
    }
}
