package dev.topos.data.grid;

/**
 * A block of walk steps for B slots x T steps; every array is indexed {@code [slot][step]}.
 * The arrays are the chunk's own (not copied on access) and belong to the caller.
 *
 * <p>At step t the agent is at {@code node}, sees {@code obs = world.symbol(node)}, and got there
 * by {@code actionIn} from its node at step t-1 (possibly in the previous chunk; {@link
 * BoxWorld#STAY} at a world's first step). The history flags and fractions describe the current
 * world BEFORE this step:
 * <ul>
 *   <li>{@code visited}: the node was visited earlier in this world (the loss is taken only on
 *       such steps, TEM-t spec §1);</li>
 *   <li>{@code edgeTaken}: the directed edge (previous node, actionIn) was traversed earlier;</li>
 *   <li>{@code zeroShot}: visited &amp;&amp; !edgeTaken &amp;&amp; actionIn != stay &amp;&amp;
 *       !worldStart, i.e. a known node reached through a new edge (zero-shot link inference,
 *       TEM's {@code inference_opportunity}, minus self-loops);</li>
 *   <li>{@code zeroShotWithStay}: visited &amp;&amp; !edgeTaken &amp;&amp; !worldStart, the same with a
 *       first stay at a node counted as a new (self-loop) edge, as torch_tem's
 *       {@code include_stay_still} counts it;</li>
 *   <li>{@code fracNodesVisited}, {@code fracEdgesTaken}: fractions of the world's nodes and of
 *       its directed non-stay edges.</li>
 * </ul>
 * {@code worldStart} marks a world's first step (models reset their state there); {@code worldId}
 * identifies the world and {@code world} gives its size and symbols, to place nodes on a map.
 */
public final class WalkChunk {
    public final int[][] node;
    public final int[][] obs;
    public final int[][] actionIn;
    public final boolean[][] worldStart;
    public final long[][] worldId;
    public final boolean[][] visited;
    public final boolean[][] edgeTaken;
    public final boolean[][] zeroShot;
    public final boolean[][] zeroShotWithStay;
    public final double[][] fracNodesVisited;
    public final double[][] fracEdgesTaken;
    public final BoxWorld[][] world;

    WalkChunk(int batch, int steps) {
        node = new int[batch][steps];
        obs = new int[batch][steps];
        actionIn = new int[batch][steps];
        worldStart = new boolean[batch][steps];
        worldId = new long[batch][steps];
        visited = new boolean[batch][steps];
        edgeTaken = new boolean[batch][steps];
        zeroShot = new boolean[batch][steps];
        zeroShotWithStay = new boolean[batch][steps];
        fracNodesVisited = new double[batch][steps];
        fracEdgesTaken = new double[batch][steps];
        world = new BoxWorld[batch][steps];
    }

    public int batch() {
        return node.length;
    }

    public int steps() {
        return node[0].length;
    }

    /** Fills step t of slot s: arrival at {@code to} from {@code from} (-1 at a world's start). */
    void put(int s, int t, BoxWorld w, long id, int from, int action, int to, VisitLog log) {
        boolean start = from < 0;
        node[s][t] = to;
        obs[s][t] = w.symbol(to);
        actionIn[s][t] = action;
        worldStart[s][t] = start;
        worldId[s][t] = id;
        visited[s][t] = log.visited(to);
        edgeTaken[s][t] = !start && log.edgeTaken(from, action);
        zeroShotWithStay[s][t] = visited[s][t] && !edgeTaken[s][t] && !start;
        zeroShot[s][t] = zeroShotWithStay[s][t] && action != BoxWorld.STAY;
        fracNodesVisited[s][t] = log.fracNodesVisited();
        fracEdgesTaken[s][t] = log.fracEdgesTaken();
        world[s][t] = w;
    }
}
