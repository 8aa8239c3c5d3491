package dev.topos.data.grid;

/**
 * Settings of a {@link WalkStream}. Defaults follow the TEM-t spec §1: 16 slots, sides 8..11,
 * 45 symbols, the straight-bias policy.
 *
 * @param batch number of parallel slots, in [1, 4096]
 * @param minSide smallest world side, in [2, {@link BoxWorld#MAX_SIDE}]
 * @param maxSide largest world side, in [minSide, {@link BoxWorld#MAX_SIDE}]
 * @param nSymbols number of observation symbols, at least 1
 * @param policy one of {@link WalkPolicy#NAMES}
 * @param seed the stream's seed; slot s draws from {@code Rng.derive(seed, s)}
 */
public record WalkConfig(int batch, int minSide, int maxSide, int nSymbols, String policy, long seed) {
    public static final int MAX_BATCH = 4096;

    /** @throws IllegalArgumentException naming the field, its value and the allowed range */
    public WalkConfig {
        Check.inRange("batch", batch, 1, MAX_BATCH);
        Check.inRange("minSide", minSide, 2, BoxWorld.MAX_SIDE);
        Check.inRange("maxSide", maxSide, minSide, BoxWorld.MAX_SIDE);
        Check.inRange("nSymbols", nSymbols, 1, Integer.MAX_VALUE);
        if (policy == null || !WalkPolicy.NAMES.contains(policy)) {
            throw new IllegalArgumentException(
                    "policy = " + (policy == null ? "null" : "\"" + policy + "\"") + " is not one of " + WalkPolicy.NAMES);
        }
    }

    /** 16 slots, sides 8..11, 45 symbols, straight-bias walks. */
    public static WalkConfig defaults(long seed) {
        return new WalkConfig(16, 8, 11, 45, StraightBiasPolicy.NAME, seed);
    }
}
