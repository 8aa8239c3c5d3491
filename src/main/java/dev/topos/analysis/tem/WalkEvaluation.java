package dev.topos.analysis.tem;

import dev.topos.analysis.space.AccuracyCurve;
import dev.topos.analysis.space.Autocorrelogram;
import dev.topos.analysis.space.GridScore;
import dev.topos.analysis.space.RateMap;
import dev.topos.analysis.space.Remapping;
import dev.topos.data.grid.BoxWorld;
import dev.topos.data.grid.Walk;
import dev.topos.data.grid.WalkChunk;
import dev.topos.data.grid.WalkPolicy;
import dev.topos.model.Carry;
import dev.topos.model.TemTransformer;
import dev.topos.model.WalkBatch;
import dev.topos.model.WalkPredictor;
import dev.topos.nn.Tensors;
import dev.topos.util.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;

/**
 * Evaluation of a trained walk model on fresh grid worlds (TEM-t spec §3), run without gradients.
 *
 * <p>Each of {@code worlds} worlds is walked once for {@code steps} steps ({@link
 * Walk#inRandomWorld}, seeds derived from the evaluation seed, so the worlds are new to the model
 * and the same on every call). The worlds are the slots of one batch, fed {@code chunk} steps at a
 * time with the model's state carried across chunks; TEM-t's memory holds the last {@code
 * capacity} steps of its world ({@code capacity >= steps} keeps the whole walk). From the
 * predictions and the walk's own flags:
 * <ul>
 *   <li>accuracy (argmax of the logits == observation) on steps whose node was never visited
 *       (chance 1/symbols), was visited, and on zero-shot links (visited node, new edge);</li>
 *   <li>{@link AccuracyCurve}s against the fraction of nodes visited and of edges taken, for the
 *       model and for the node agent (knows iff visited) and edge agent (knows iff edge taken);</li>
 *   <li>{@link RateMap}s of the model's code units (TEM-t: e; LSTM: h) over the second half of each
 *       walk (steps t &gt;= steps / 2), their autocorrelograms and {@link GridScore}s; the score of
 *       a unit is its mean over the worlds where it is defined, and units are ranked by it;</li>
 *   <li>memory neurons (models with attention): {@code units} memories stored in the first half
 *       at distinct nodes (drawn with a seeded generator, the memory of each node's first visit),
 *       whose rate map is the mean attention weight they get at each node over the second half;
 *       a memory that has left the buffer gets weight 0;</li>
 *   <li>remapping: two more worlds of the same size (maxSide x maxSide), and {@link
 *       Remapping#relationCorrelation} / {@link Remapping#meanMapCorrelation} of all code units and
 *       of the memory neurons (memory neuron k = the k-th chosen memory, by storage step, in each
 *       world).</li>
 * </ul>
 */
public final class WalkEvaluation {
    private static final long WORLD_STREAM = 1;
    private static final long REMAP_STREAM = 2;
    private static final long MEMORY_STREAM = 3;
    private static final long REMAP_MEMORY_STREAM = 4;

    private WalkEvaluation() {
    }

    /**
     * What to evaluate on.
     *
     * @param minSide  smallest world side
     * @param maxSide  largest world side (the remapping worlds are maxSide x maxSide)
     * @param symbols  observation symbols (the model's)
     * @param policy   walk policy, one of {@link WalkPolicy#NAMES}
     * @param worlds   fresh worlds walked
     * @param steps    steps per world
     * @param seed     evaluation seed
     * @param chunk    steps per forward pass
     * @param capacity memories TEM-t keeps (ignored by models without a memory)
     * @param bins     bins of the accuracy curves
     * @param units    memory neurons chosen per world
     */
    public record Settings(int minSide, int maxSide, int symbols, String policy, int worlds, int steps, long seed,
                           int chunk, int capacity, int bins, int units) {
        /** @throws IllegalArgumentException naming the first field out of range */
        public Settings {
            require(minSide >= 2 && maxSide >= minSide && maxSide <= BoxWorld.MAX_SIDE, "sides " + minSide + ".." + maxSide);
            require(symbols >= 2, "symbols = " + symbols);
            require(WalkPolicy.NAMES.contains(policy), "policy = " + policy);
            require(worlds >= 1, "worlds = " + worlds);
            require(steps >= 2, "steps = " + steps);
            require(chunk >= 1, "chunk = " + chunk);
            require(capacity >= 1, "capacity = " + capacity);
            require(bins >= 1, "bins = " + bins);
            require(units >= 1, "units = " + units);
        }

        private static void require(boolean ok, String what) {
            if (!ok) {
                throw new IllegalArgumentException("evaluation setting out of range: " + what);
            }
        }
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
     * @param autocorrelograms their autocorrelograms
     * @param gridScores       their grid scores (NaN where undefined)
     * @param memorySteps      storage steps of the chosen memories, ascending (empty without attention)
     * @param memoryNodes      their nodes
     * @param memoryMaps       mean attention weight of each chosen memory, or null without attention
     */
    public record WorldMaps(BoxWorld world, int[][] visits, double[][][] codeMaps, double[][][] autocorrelograms,
                            double[] gridScores, int[] memorySteps, int[] memoryNodes, double[][][] memoryMaps) {
        public boolean hasMemory() {
            return memoryMaps != null;
        }
    }

    /**
     * Remapping between two worlds of the same size: correlations of all code units and of the
     * memory neurons (NaN for memory without attention).
     */
    public record Remap(WorldMaps a, WorldMaps b, double codeRelation, double codeMeanMap, double memoryRelation,
                        double memoryMeanMap) {
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
     * @param gridScores       per unit, the mean grid score over the worlds where it is defined
     * @param unitsByGridScore units by descending mean grid score, NaN last
     * @param remapping        the two-world remapping analysis
     */
    public record Result(Steps steps, double accUnvisited, double accVisited, double accZeroShot,
                         double accZeroShotWithStay, int countUnvisited, int countVisited, int countZeroShot,
                         int countZeroShotWithStay, double chance, Curves byNodes, Curves byEdges,
                         List<WorldMaps> worlds, double[] gridScores, int[] unitsByGridScore, Remap remapping) {
    }

    /** Evaluates {@code model} (its weights untouched); every tensor it makes is freed before it returns. */
    public static Result run(WalkPredictor model, Settings s) {
        List<WalkChunk> walks = new ArrayList<>();
        for (int w = 0; w < s.worlds(); w++) {
            walks.add(Walk.inRandomWorld(s.minSide(), s.maxSide(), s.symbols(), s.policy(), s.steps(),
                    seed(s.seed(), WORLD_STREAM, w)));
        }
        Pass pass = walk(model, walks, s, MEMORY_STREAM);
        Steps steps = steps(walks, pass.correct());
        double chance = 1.0 / s.symbols();
        boolean[] unvisited = not(steps.visited());
        double[] gridScores = meanGridScores(pass.maps());
        return new Result(steps,
                accuracy(steps.correct(), unvisited), accuracy(steps.correct(), steps.visited()),
                accuracy(steps.correct(), steps.zeroShot()), accuracy(steps.correct(), steps.zeroShotWithStay()),
                count(unvisited), count(steps.visited()), count(steps.zeroShot()), count(steps.zeroShotWithStay()),
                chance,
                curves(steps.fracNodesVisited(), steps, chance, s.bins()),
                curves(steps.fracEdgesTaken(), steps, chance, s.bins()),
                pass.maps(), gridScores, rank(gridScores),
                remap(model, s));
    }

    /** The predictions and maps of one batch of walks. */
    private record Pass(boolean[][] correct, List<WorldMaps> maps) {
    }

    /**
     * Runs the model over {@code walks} (one slot each, equally long) and builds their maps; the
     * memories of walk w are drawn with the seed of item w of {@code memoryStream}.
     */
    private static Pass walk(WalkPredictor model, List<WalkChunk> walks, Settings s, long memoryStream) {
        int b = walks.size();
        int steps = s.steps();
        int half = steps / 2;
        boolean[][] correct = new boolean[b][steps];
        int[][] memories = new int[b][];
        for (int w = 0; w < b; w++) {
            memories[w] = chooseMemories(walks.get(w), half, s.units(), new Rng(seed(s.seed(), memoryStream, w)));
        }
        RateMap[] codeMaps = new RateMap[b];
        RateMap[] memoryMaps = null;
        try (NoGradGuard noGrad = new NoGradGuard();
             Carry carry = model instanceof TemTransformer tem
                     ? tem.initialCarry(b, s.capacity()) : model.initialCarry(b)) {
            for (int c0 = 0; c0 < steps; c0 += s.chunk()) {
                int len = Math.min(s.chunk(), steps - c0);
                try (PointerScope scope = new PointerScope()) {
                    WalkPredictor.Prediction p = model.forward(carry, batch(walks, c0, len));
                    long[] predicted = Tensors.toLongs(p.logits().argmax(new org.bytedeco.pytorch.LongOptional(-1), false));
                    for (int w = 0; w < b; w++) {
                        for (int j = 0; j < len; j++) {
                            correct[w][c0 + j] = predicted[w * len + j] == walks.get(w).obs[0][c0 + j];
                        }
                    }
                    if (c0 + len <= half) {
                        continue;
                    }
                    int units = (int) p.codes().size(2);
                    float[] codes = Tensors.toFloats(p.codes());
                    for (int w = 0; w < b; w++) {
                        BoxWorld world = walks.get(w).world[0][0];
                        codeMaps[w] = codeMaps[w] != null ? codeMaps[w] : new RateMap(world.width(), world.height(), units);
                        for (int j = Math.max(0, half - c0); j < len; j++) {
                            codeMaps[w].add(walks.get(w).node[0][c0 + j],
                                    Arrays.copyOfRange(codes, (w * len + j) * units, (w * len + j + 1) * units));
                        }
                    }
                    if (p.attention() != null) {
                        memoryMaps = memoryMaps != null ? memoryMaps : new RateMap[b];
                        addAttention(memoryMaps, p.attention(), walks, memories, c0, len, half);
                    }
                }
            }
        }
        List<WorldMaps> maps = new ArrayList<>();
        for (int w = 0; w < b; w++) {
            maps.add(worldMaps(walks.get(w), codeMaps[w], memories[w], memoryMaps == null ? null : memoryMaps[w]));
        }
        return new Pass(correct, maps);
    }

    /**
     * Adds the second-half attention weights of the chosen memories. The memory stored at step tau
     * sits, in a chunk starting at c0 with a buffer of {@code cap} carried memories, at index
     * {@code cap + tau - c0} (negative: it has left the buffer, weight 0).
     */
    private static void addAttention(RateMap[] maps, Tensor attention, List<WalkChunk> walks, int[][] memories,
                                     int c0, int len, int half) {
        int k = (int) attention.size(2);
        int cap = k - len;
        float[] att = Tensors.toFloats(attention);
        for (int w = 0; w < walks.size(); w++) {
            BoxWorld world = walks.get(w).world[0][0];
            int[] tau = memories[w];
            maps[w] = maps[w] != null ? maps[w] : new RateMap(world.width(), world.height(), tau.length);
            float[] weights = new float[maps[w].units()];
            for (int j = Math.max(0, half - c0); j < len; j++) {
                for (int m = 0; m < tau.length; m++) {
                    int index = cap + tau[m] - c0;
                    weights[m] = index < 0 ? 0f : att[(w * len + j) * k + index];
                }
                maps[w].add(walks.get(w).node[0][c0 + j], weights);
            }
        }
    }

    /**
     * Up to {@code units} storage steps among the first {@code half} steps (at least one), at
     * distinct nodes: the first visit of nodes drawn without replacement, in ascending step order.
     */
    private static int[] chooseMemories(WalkChunk walk, int half, int units, Rng rng) {
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

    private static WorldMaps worldMaps(WalkChunk walk, RateMap codes, int[] memorySteps, RateMap memory) {
        double[][][] maps = codes.maps();
        double[][][] acs = new double[maps.length][][];
        double[] scores = new double[maps.length];
        for (int u = 0; u < maps.length; u++) {
            acs[u] = Autocorrelogram.of(maps[u]);
            scores[u] = GridScore.of(acs[u]);
        }
        if (memory == null) {
            return new WorldMaps(walk.world[0][0], codes.visits(), maps, acs, scores, new int[0], new int[0], null);
        }
        int[] nodes = Arrays.stream(memorySteps).map(t -> walk.node[0][t]).toArray();
        return new WorldMaps(walk.world[0][0], codes.visits(), maps, acs, scores, memorySteps, nodes, memory.maps());
    }

    /** Steps [c0, c0 + len) of every walk as one batch, slot w = walk w. */
    private static WalkBatch batch(List<WalkChunk> walks, int c0, int len) {
        int b = walks.size();
        int[][] obs = new int[b][];
        int[][] actions = new int[b][];
        boolean[][] start = new boolean[b][];
        long[][] world = new long[b][];
        for (int w = 0; w < b; w++) {
            WalkChunk walk = walks.get(w);
            obs[w] = Arrays.copyOfRange(walk.obs[0], c0, c0 + len);
            actions[w] = Arrays.copyOfRange(walk.actionIn[0], c0, c0 + len);
            start[w] = Arrays.copyOfRange(walk.worldStart[0], c0, c0 + len);
            world[w] = Arrays.copyOfRange(walk.worldId[0], c0, c0 + len);
        }
        return WalkBatch.of(obs, actions, start, world);
    }

    private static Remap remap(WalkPredictor model, Settings s) {
        List<WalkChunk> walks = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            Rng rng = new Rng(seed(s.seed(), REMAP_STREAM, w));
            BoxWorld world = BoxWorld.random(rng, s.maxSide(), s.maxSide(), s.symbols());
            walks.add(Walk.inWorld(world, s.policy(), s.steps(), rng.nextLong()));
        }
        List<WorldMaps> maps = walk(model, walks, s, REMAP_MEMORY_STREAM).maps();
        WorldMaps a = maps.get(0);
        WorldMaps b = maps.get(1);
        double memoryRelation = Double.NaN;
        double memoryMeanMap = Double.NaN;
        if (a.hasMemory()) {
            int n = Math.min(a.memoryMaps().length, b.memoryMaps().length);
            double[][][] ma = Arrays.copyOf(a.memoryMaps(), n);
            double[][][] mb = Arrays.copyOf(b.memoryMaps(), n);
            memoryRelation = Remapping.relationCorrelation(ma, mb);
            memoryMeanMap = Remapping.meanMapCorrelation(ma, mb);
        }
        return new Remap(a, b, Remapping.relationCorrelation(a.codeMaps(), b.codeMaps()),
                Remapping.meanMapCorrelation(a.codeMaps(), b.codeMaps()), memoryRelation, memoryMeanMap);
    }

    private static Steps steps(List<WalkChunk> walks, boolean[][] correct) {
        int t = correct[0].length;
        int n = walks.size() * t;
        Steps out = new Steps(new boolean[n], new boolean[n], new boolean[n], new boolean[n], new boolean[n],
                new double[n], new double[n]);
        for (int w = 0; w < walks.size(); w++) {
            WalkChunk walk = walks.get(w);
            System.arraycopy(correct[w], 0, out.correct(), w * t, t);
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

    /** Per unit, the mean of its grid scores over the worlds where they are not NaN (else NaN). */
    private static double[] meanGridScores(List<WorldMaps> worlds) {
        int units = worlds.get(0).gridScores().length;
        double[] mean = new double[units];
        for (int u = 0; u < units; u++) {
            final int unit = u;
            mean[u] = worlds.stream().mapToDouble(w -> w.gridScores()[unit]).filter(v -> !Double.isNaN(v))
                    .average().orElse(Double.NaN);
        }
        return mean;
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

    /** The seed of item {@code index} of an evaluation stream (worlds, remapping worlds, memory draws). */
    private static long seed(long seed, long stream, long index) {
        return Rng.derive(Rng.derive(seed, stream).nextLong(), index).nextLong();
    }
}
