package dev.topos.util;

import java.util.Collections;
import java.util.List;

/**
 * A seeded pseudo-random generator whose whole state is one {@code long}, so a checkpoint can
 * store it and a resumed run continues the exact same stream.
 *
 * <p>SplitMix64 (Steele, Lea &amp; Flood, "Fast splittable pseudorandom number generators",
 * OOPSLA 2014): state += 0x9E3779B97F4A7C15, output = mix(state). Passes BigCrush; period 2^64.
 * {@link java.util.Random} and {@link java.util.SplittableRandom} hide their state, which is why
 * Topos does not use them for anything a run must reproduce.
 */
public final class Rng {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    /** An independent stream derived from this seed and a label (e.g. a slot or world index). */
    public static Rng derive(long seed, long label) {
        return new Rng(mix(seed ^ mix(label + GOLDEN)));
    }

    public long state() {
        return state;
    }

    /** Restores a state returned by {@link #state()}; clears any cached gaussian. */
    public void setState(long state) {
        this.state = state;
    }

    public long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform integer in [0, bound). Lemire's unbiased bounded method would be overkill here:
     *  rejection sampling on the top bits keeps it exact. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        long r;
        do {
            r = nextLong() >>> 1;
        } while (r >= limit);
        return (int) (r % bound);
    }

    /** Uniform in [lo, hi). */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Standard normal by the Box–Muller transform (no cached pair, so the state is one long). */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble(); // (0, 1]
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** Shuffles {@code list} in place by Fisher–Yates (Knuth, TAOCP vol. 2, Algorithm P): every
     *  order equally likely, one {@link #nextInt} per position, so a seed fixes the order. */
    public <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, nextInt(i + 1));
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
