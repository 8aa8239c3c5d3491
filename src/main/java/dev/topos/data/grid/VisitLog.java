package dev.topos.data.grid;

/**
 * What an agent has experienced so far in one world: the nodes visited and the directed edges
 * (node, action) traversed, stay self-loops included. Fractions are over all nodes and over the
 * world's directed non-stay edges, the x-axes of TEM's node-agent / edge-agent curves (TEM-t spec
 * §3). Mirrors TEM's {@code edge_visits} bookkeeping ({@code data_utils.get_next_batch}), keyed by
 * the source node instead of the arrival node.
 */
final class VisitLog {
    private final BoxWorld world;
    private final boolean[] visited;
    private final boolean[] taken;
    private int visitedCount;
    private int takenCount;

    VisitLog(BoxWorld world) {
        this(world, new boolean[world.nodeCount()], new boolean[world.nodeCount() * BoxWorld.N_ACTIONS]);
    }

    private VisitLog(BoxWorld world, boolean[] visited, boolean[] taken) {
        this.world = world;
        this.visited = visited;
        this.taken = taken;
        for (boolean v : visited) {
            visitedCount += v ? 1 : 0;
        }
        for (int e = 0; e < taken.length; e++) {
            takenCount += taken[e] && e % BoxWorld.N_ACTIONS != BoxWorld.STAY ? 1 : 0;
        }
    }

    boolean visited(int node) {
        return visited[node];
    }

    /** Whether the edge leaving {@code from} by {@code action} was traversed before. */
    boolean edgeTaken(int from, int action) {
        return taken[from * BoxWorld.N_ACTIONS + action];
    }

    double fracNodesVisited() {
        return visitedCount / (double) world.nodeCount();
    }

    double fracEdgesTaken() {
        return takenCount / (double) world.directedEdgeCount();
    }

    /** Records arrival at {@code node}; {@code from} is -1 when the agent was just placed there. */
    void record(int from, int action, int node) {
        if (!visited[node]) {
            visited[node] = true;
            visitedCount++;
        }
        if (from >= 0 && !taken[from * BoxWorld.N_ACTIONS + action]) {
            taken[from * BoxWorld.N_ACTIONS + action] = true;
            takenCount += action != BoxWorld.STAY ? 1 : 0;
        }
    }

    void writeTo(StateWriter out) {
        out.putBits(visited);
        out.putBits(taken);
    }

    static VisitLog readFrom(StateReader in, BoxWorld world) {
        boolean[] visited = in.nextBits("visited", world.nodeCount());
        boolean[] taken = in.nextBits("edgesTaken", world.nodeCount() * BoxWorld.N_ACTIONS);
        return new VisitLog(world, visited, taken);
    }
}
