package dev.topos.data.grid;

import dev.topos.util.Rng;

import java.util.List;

/**
 * How an agent chooses its next move in a {@link BoxWorld}. A policy may carry state across steps
 * (e.g. a heading); that state is one {@code long} so walks can be checkpointed. All randomness
 * comes from the caller's {@link Rng}, so a walk is reproducible from the generator's state.
 */
public interface WalkPolicy {
    /** The policy names accepted by {@link #create(String)}. */
    List<String> NAMES = List.of(StraightBiasPolicy.NAME, UniformPolicy.NAME);

    /** A new policy by name: {@code "straight-bias"} or {@code "uniform"}. */
    static WalkPolicy create(String name) {
        if (StraightBiasPolicy.NAME.equals(name)) {
            return new StraightBiasPolicy();
        }
        if (UniformPolicy.NAME.equals(name)) {
            return new UniformPolicy();
        }
        throw new IllegalArgumentException("policy = \"" + name + "\" is not one of " + NAMES);
    }

    String name();

    /** Resets the per-world state when the agent is placed in a new world. */
    void startWorld(Rng rng);

    /** The next action from {@code node}; always one of {@code world.availableActions(node)}. */
    int nextAction(BoxWorld world, int node, Rng rng);

    /** The policy's whole state. */
    long saveState();

    /** Restores a state returned by {@link #saveState()}. */
    void loadState(long state);
}
