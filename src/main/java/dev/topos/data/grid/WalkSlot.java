package dev.topos.data.grid;

import dev.topos.util.Rng;

/**
 * One slot of a {@link WalkStream}: a sequence of worlds, each walked for
 * (nRestart + U{0..29}) x nodes steps (TEM {@code initialise_environments}: {@code walk_len =
 * (n_restart + choice(seq_jitter)) * n_states}, without TEM's rounding to whole chunks, so slots
 * switch mid-chunk). The slot draws everything from its own {@link Rng}.
 */
final class WalkSlot {
    private final WalkConfig config;
    private final int index;
    private final Rng rng;
    private final WalkPolicy policy;
    private long worldsStarted;
    private long stepsLeft;
    private WorldWalk current;

    WalkSlot(WalkConfig config, int index) {
        this.config = config;
        this.index = index;
        this.rng = Rng.derive(config.seed(), index);
        this.policy = WalkPolicy.create(config.policy());
    }

    /** Emits step t, first switching to a fresh world if the current one is used up. */
    void step(WalkChunk out, int t, int nRestart) {
        if (stepsLeft == 0) {
            startWorld(nRestart);
        }
        current.step(out, index, t, rng);
        stepsLeft--;
    }

    private void startWorld(int nRestart) {
        BoxWorld world = BoxWorld.random(rng, config.minSide(), config.maxSide(), config.nSymbols());
        long id = worldsStarted++ * config.batch() + index;
        current = WorldWalk.start(world, policy, id, rng);
        stepsLeft = ((long) nRestart + rng.nextInt(WalkStream.WORLD_JITTER)) * world.nodeCount();
    }

    void writeTo(StateWriter out) {
        out.put(rng.state());
        out.put(worldsStarted);
        out.put(stepsLeft);
        out.put(current == null ? 0 : 1);
        if (current != null) {
            current.writeTo(out);
        }
    }

    void readFrom(StateReader in) {
        rng.setState(in.next("rngState"));
        worldsStarted = in.nextInt("worldsStarted", 0, Integer.MAX_VALUE);
        long left = in.next("stepsLeft");
        boolean hasWorld = in.nextBoolean("hasWorld");
        if (left < 0 || (!hasWorld && left != 0)) {
            throw in.malformed("stepsLeft = " + left + " is impossible for a slot "
                    + (hasWorld ? "in a world" : "without a world"));
        }
        stepsLeft = left;
        current = hasWorld ? WorldWalk.readFrom(in, config, policy) : null;
    }
}
