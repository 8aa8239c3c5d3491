package dev.topos.experiment.tem;

import dev.topos.analysis.space.WalkAnalysis;
import dev.topos.analysis.space.WalkRecord;
import dev.topos.data.grid.BoxWorld;
import dev.topos.data.grid.Walk;
import dev.topos.data.grid.WalkChunk;
import dev.topos.data.grid.WalkPolicy;
import dev.topos.model.WalkPredictor;
import dev.topos.util.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluation of a trained walk model on fresh grid worlds: the worlds and walks, the memories to
 * record, the rollout ({@link TemRollout}) and its statistics ({@link WalkAnalysis}).
 *
 * <p>Each of {@code worlds} worlds is walked once for {@code steps} steps ({@link
 * Walk#inRandomWorld}, seeds derived from the evaluation seed, so the worlds are new to the model
 * and the same on every call); two more, larger worlds (gridSide x gridSide, so that grid periods
 * are resolvable) are walked for {@code gridSteps} steps for the grid scores and the remapping
 * analysis. A memory model records {@code units} memories per world, stored in
 * the first half at distinct nodes ({@link WalkAnalysis#chooseMemories}, drawn with a seeded
 * generator).
 */
public final class TemEvaluation {
    private static final long WORLD_STREAM = 1;
    private static final long REMAP_STREAM = 2;
    private static final long MEMORY_STREAM = 3;
    private static final long REMAP_MEMORY_STREAM = 4;
    private static final long NULL_STREAM = 5;

    private TemEvaluation() {
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
     * @param shuffles spatial shuffles per unit of the grid-score null
     * @param gridSide  side of the two worlds of the grid and remapping analyses
     * @param gridSteps steps walked in each of them
     * @param smoothing sigma (nodes) of the rate maps' smoothing before grid scores; 0: none
     */
    public record Settings(int minSide, int maxSide, int symbols, String policy, int worlds, int steps, long seed,
                           int chunk, int capacity, int bins, int units, int shuffles, int gridSide, int gridSteps,
                           double smoothing) {
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
            require(shuffles >= 1, "shuffles = " + shuffles);
            require(gridSide >= 2 && gridSide <= BoxWorld.MAX_SIDE, "grid side " + gridSide);
            require(gridSteps >= 2, "grid steps = " + gridSteps);
            require(smoothing >= 0, "smoothing = " + smoothing);
        }

        private static void require(boolean ok, String what) {
            if (!ok) {
                throw new IllegalArgumentException("evaluation setting out of range: " + what);
            }
        }
    }

    /** Evaluates {@code model} (its weights untouched). */
    public static WalkAnalysis.Result run(WalkPredictor model, Settings s) {
        List<WalkChunk> walks = new ArrayList<>();
        for (int w = 0; w < s.worlds(); w++) {
            walks.add(Walk.inRandomWorld(s.minSide(), s.maxSide(), s.symbols(), s.policy(), s.steps(),
                    seed(s.seed(), WORLD_STREAM, w)));
        }
        List<WalkChunk> pair = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            Rng rng = new Rng(seed(s.seed(), REMAP_STREAM, w));
            BoxWorld world = BoxWorld.random(rng, s.gridSide(), s.gridSide(), s.symbols());
            pair.add(Walk.inWorld(world, s.policy(), s.gridSteps(), rng.nextLong()));
        }
        List<WalkRecord> worlds = rollout(model, walks, s, MEMORY_STREAM);
        List<WalkRecord> remap = rollout(model, pair, s, REMAP_MEMORY_STREAM);
        return WalkAnalysis.of(worlds, remap.get(0), remap.get(1), s.symbols(), s.bins(), s.shuffles(),
                seed(s.seed(), NULL_STREAM, 0), s.smoothing());
    }

    /** The rollout of {@code walks}; the memories of walk w are drawn with the seed of item w of {@code stream}. */
    private static List<WalkRecord> rollout(WalkPredictor model, List<WalkChunk> walks, Settings s, long stream) {
        int[][] memories = new int[walks.size()][];
        for (int w = 0; w < walks.size(); w++) {
            memories[w] = WalkAnalysis.chooseMemories(walks.get(w), walks.get(w).steps() / 2, s.units(),
                    new Rng(seed(s.seed(), stream, w)));
        }
        return TemRollout.run(model, walks, s.chunk(), s.capacity(), memories);
    }

    private static long seed(long seed, long stream, long index) {
        return Rng.derive(Rng.derive(seed, stream).nextLong(), index).nextLong();
    }
}
