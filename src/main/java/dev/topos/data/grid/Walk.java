package dev.topos.data.grid;

import dev.topos.util.Rng;

/**
 * Single walks for evaluation: one world, one walk of a given length, returned as a
 * {@link WalkChunk} of batch 1 with the same per-step fields as the training stream (world id 0,
 * {@code worldStart} only at step 0). Everything is drawn from {@code new Rng(seed)}.
 */
public final class Walk {
    private Walk() {
    }

    /** A walk of {@code length} steps in {@code world} from a uniform start node. */
    public static WalkChunk inWorld(BoxWorld world, String policy, int length, long seed) {
        return walk(world, policy, length, new Rng(seed));
    }

    /** A walk in a fresh world: sides uniform in [minSide, maxSide], symbols uniform. */
    public static WalkChunk inRandomWorld(int minSide, int maxSide, int nSymbols, String policy, int length,
                                          long seed) {
        Rng rng = new Rng(seed);
        return walk(BoxWorld.random(rng, minSide, maxSide, nSymbols), policy, length, rng);
    }

    private static WalkChunk walk(BoxWorld world, String policy, int length, Rng rng) {
        Check.inRange("length", length, 1, Integer.MAX_VALUE);
        WorldWalk walk = WorldWalk.start(world, WalkPolicy.create(policy), 0, rng);
        WalkChunk chunk = new WalkChunk(1, length);
        for (int t = 0; t < length; t++) {
            walk.step(chunk, 0, t, rng);
        }
        return chunk;
    }
}
