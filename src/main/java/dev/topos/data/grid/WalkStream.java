package dev.topos.data.grid;

import java.util.Arrays;

/**
 * The training data stream of TEM-t (spec §1): B parallel slots, each walking its own box world
 * and switching to a fresh world (new size, new symbols) at its own time. A world lasts
 * (nRestart + U{0..29}) x nodes steps, nRestart being the value passed to the {@link #next} call
 * in which the world starts (the trainer anneals it from 40 to 5).
 *
 * <p>Seeded and reproducible: slot s draws from {@code Rng.derive(seed, s)} only, so a slot's
 * walk does not depend on the batch size or the other slots. World ids are
 * {@code k * batch + s} for the k-th world of slot s. {@link #saveState()} captures everything;
 * {@link #restore} continues the exact same stream.
 */
public final class WalkStream {
    /** Worlds last nRestart + U{0..WORLD_JITTER-1} times their node count (TEM seq_jitter). */
    public static final int WORLD_JITTER = 30;

    private static final long MAGIC = 0x544F504F5357414CL; // "TOPOSWAL"
    private static final long VERSION = 1;

    private final WalkConfig config;
    private final WalkSlot[] slots;

    public WalkStream(WalkConfig config) {
        this.config = config;
        this.slots = new WalkSlot[config.batch()];
        for (int s = 0; s < slots.length; s++) {
            slots[s] = new WalkSlot(config, s);
        }
    }

    /**
     * A stream that continues exactly where the one that produced {@code state} stopped.
     *
     * @throws IllegalArgumentException if {@code state} is malformed or was saved under a
     *     different config
     */
    public static WalkStream restore(WalkConfig config, long[] state) {
        WalkStream stream = new WalkStream(config);
        StateReader in = new StateReader(state);
        if (in.next("magic") != MAGIC) {
            throw in.malformed("not a walk-stream state (wrong magic number)");
        }
        long version = in.next("version");
        if (version != VERSION) {
            throw in.malformed("version = " + version + ", this code reads version " + VERSION);
        }
        long[] saved = new long[6];
        for (int i = 0; i < saved.length; i++) {
            saved[i] = in.next("config");
        }
        long[] expected = header(config);
        String[] names = {"batch", "minSide", "maxSide", "nSymbols", "policy index", "seed"};
        for (int i = 0; i < saved.length; i++) {
            if (saved[i] != expected[i]) {
                throw new IllegalArgumentException("walk-stream state was saved with " + names[i] + " = "
                        + saved[i] + " but the config has " + names[i] + " = " + expected[i]);
            }
        }
        for (WalkSlot slot : stream.slots) {
            slot.readFrom(in);
        }
        in.finish();
        return stream;
    }

    public WalkConfig config() {
        return config;
    }

    /**
     * The next {@code steps} steps of every slot.
     *
     * @param nRestart base length, in multiples of the node count, of worlds starting in this call
     */
    public WalkChunk next(int steps, int nRestart) {
        Check.inRange("steps", steps, 1, Integer.MAX_VALUE);
        Check.inRange("nRestart", nRestart, 1, Integer.MAX_VALUE - WORLD_JITTER);
        WalkChunk chunk = new WalkChunk(slots.length, steps);
        for (WalkSlot slot : slots) {
            for (int t = 0; t < steps; t++) {
                slot.step(chunk, t, nRestart);
            }
        }
        return chunk;
    }

    /** The whole stream state: config fingerprint, then per slot rng, counters, world and history. */
    public long[] saveState() {
        StateWriter out = new StateWriter();
        out.put(MAGIC);
        out.put(VERSION);
        Arrays.stream(header(config)).forEach(out::put);
        for (WalkSlot slot : slots) {
            slot.writeTo(out);
        }
        return out.toArray();
    }

    private static long[] header(WalkConfig c) {
        return new long[] {c.batch(), c.minSide(), c.maxSide(), c.nSymbols(),
                WalkPolicy.NAMES.indexOf(c.policy()), c.seed()};
    }
}
