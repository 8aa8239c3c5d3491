package dev.topos.data.grid;

import dev.topos.util.Rng;

/**
 * One agent walking one world: the world, the agent's node, its policy and the {@link VisitLog}.
 * Each {@link #step} emits one step into a {@link WalkChunk}; the first places the agent at its
 * uniformly drawn start node (TEM {@code start_state}), later ones move it by the policy. Shared
 * by {@link WalkStream} (one per slot and world) and {@link Walk}.
 */
final class WorldWalk {
    private final BoxWorld world;
    private final WalkPolicy policy;
    private final VisitLog log;
    private final long id;
    private int node;
    private boolean started;

    private WorldWalk(BoxWorld world, WalkPolicy policy, VisitLog log, long id, int node, boolean started) {
        this.world = world;
        this.policy = policy;
        this.log = log;
        this.id = id;
        this.node = node;
        this.started = started;
    }

    /** Places the agent at a uniform start node and resets the policy for this world. */
    static WorldWalk start(BoxWorld world, WalkPolicy policy, long id, Rng rng) {
        int startNode = rng.nextInt(world.nodeCount());
        policy.startWorld(rng);
        return new WorldWalk(world, policy, new VisitLog(world), id, startNode, false);
    }

    /** Emits this world's next step as step t of slot s. */
    void step(WalkChunk out, int s, int t, Rng rng) {
        int from = -1;
        int action = BoxWorld.STAY;
        if (started) {
            action = policy.nextAction(world, node, rng);
            from = node;
            node = world.neighbour(node, action);
        }
        started = true;
        out.put(s, t, world, id, from, action, node, log);
        log.record(from, action, node);
    }

    void writeTo(StateWriter out) {
        world.writeTo(out);
        out.put(id);
        out.put(node);
        out.put(started ? 1 : 0);
        out.put(policy.saveState());
        log.writeTo(out);
    }

    static WorldWalk readFrom(StateReader in, WalkConfig config, WalkPolicy policy) {
        BoxWorld world = BoxWorld.readFrom(in, config.minSide(), config.maxSide(), config.nSymbols());
        long id = in.next("worldId");
        int node = in.nextInt("node", 0, world.nodeCount() - 1L);
        boolean started = in.nextBoolean("started");
        long policyState = in.next("policyState");
        try {
            policy.loadState(policyState);
        } catch (IllegalArgumentException e) {
            throw in.malformed(e.getMessage());
        }
        return new WorldWalk(world, policy, VisitLog.readFrom(in, world), id, node, started);
    }
}
