package dev.topos.data.grid;

import dev.topos.util.Rng;

/**
 * Uniform random walk: each step picks uniformly among the moves that stay inside the box,
 * "stay" included (TEM {@code walk} without bias: {@code np.random.choice(available)}). Its
 * stationary distribution is proportional to the number of available moves at each node.
 * Stateless.
 */
public final class UniformPolicy implements WalkPolicy {
    public static final String NAME = "uniform";

    /** One uniform draw over the available moves at {@code node}, stay included. */
    static int uniformMove(BoxWorld world, int node, Rng rng) {
        int[] actions = world.availableActions(node);
        return actions[rng.nextInt(actions.length)];
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void startWorld(Rng rng) {
    }

    @Override
    public int nextAction(BoxWorld world, int node, Rng rng) {
        return uniformMove(world, node, rng);
    }

    @Override
    public long saveState() {
        return 0;
    }

    @Override
    public void loadState(long state) {
        if (state != 0) {
            throw new IllegalArgumentException("uniform policy has no state, got " + state);
        }
    }
}
