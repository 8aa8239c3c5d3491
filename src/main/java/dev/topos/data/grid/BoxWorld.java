package dev.topos.data.grid;

import dev.topos.util.Rng;

import java.util.Arrays;

/**
 * A rectangular box world: {@code width x height} nodes, 4-connected plus a "stay" self-loop,
 * no wrap-around, and one observation symbol per node.
 *
 * <p>Node id = {@code y * width + x} with y growing downwards (row-major, as the TEM code's
 * {@code Rectangle} world counts "across then down"). Actions: {@link #STAY}, {@link #NORTH}
 * (y - 1), {@link #EAST} (x + 1), {@link #SOUTH} (y + 1), {@link #WEST} (x - 1). Symbols are drawn
 * uniformly from {@code nSymbols} with repeats allowed (TEM {@code state_data}; TEM-t spec §1:
 * sides 8..11, 45 symbols). Immutable.
 */
public final class BoxWorld {
    public static final int STAY = 0;
    public static final int NORTH = 1;
    public static final int EAST = 2;
    public static final int SOUTH = 3;
    public static final int WEST = 4;
    public static final int N_ACTIONS = 5;
    /** Largest side accepted anywhere in this package (keeps node ids and state arrays small). */
    public static final int MAX_SIDE = 1024;

    private static final int[] DX = {0, 0, 1, 0, -1};
    private static final int[] DY = {0, -1, 0, 1, 0};

    private final int width;
    private final int height;
    private final int nSymbols;
    private final int[] symbols;

    /**
     * @param symbols one symbol in [0, nSymbols) per node, indexed by node id (copied)
     * @throws IllegalArgumentException if a side is outside [1, MAX_SIDE], the world has fewer
     *     than 2 nodes (no edge to walk), or a symbol is out of range
     */
    public BoxWorld(int width, int height, int[] symbols, int nSymbols) {
        this.width = Check.inRange("width", width, 1, MAX_SIDE);
        this.height = Check.inRange("height", height, 1, MAX_SIDE);
        Check.inRange("width * height", (long) width * height, 2, (long) MAX_SIDE * MAX_SIDE);
        this.nSymbols = Check.inRange("nSymbols", nSymbols, 1, Integer.MAX_VALUE);
        Check.inRange("symbols.length", symbols.length, width * height, width * height);
        for (int i = 0; i < symbols.length; i++) {
            Check.inRange("symbols[" + i + "]", symbols[i], 0, nSymbols - 1L);
        }
        this.symbols = symbols.clone();
    }

    /** A fresh world: each side uniform in [minSide, maxSide], each node's symbol uniform. */
    public static BoxWorld random(Rng rng, int minSide, int maxSide, int nSymbols) {
        Check.inRange("minSide", minSide, 1, MAX_SIDE);
        Check.inRange("maxSide", maxSide, minSide, MAX_SIDE);
        Check.inRange("nSymbols", nSymbols, 1, Integer.MAX_VALUE);
        int w = minSide + rng.nextInt(maxSide - minSide + 1);
        int h = minSide + rng.nextInt(maxSide - minSide + 1);
        int[] symbols = new int[w * h];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = rng.nextInt(nSymbols);
        }
        return new BoxWorld(w, h, symbols, nSymbols);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int nodeCount() {
        return width * height;
    }

    public int nSymbols() {
        return nSymbols;
    }

    public int x(int node) {
        return node % width;
    }

    public int y(int node) {
        return node / width;
    }

    public int node(int x, int y) {
        return y * width + x;
    }

    /** The observation symbol at a node, in [0, nSymbols). */
    public int symbol(int node) {
        return symbols[node];
    }

    /** The node reached from {@code node} by {@code action}, or -1 if that leaves the box. */
    public int neighbour(int node, int action) {
        int nx = x(node) + DX[action];
        int ny = y(node) + DY[action];
        return nx < 0 || ny < 0 || nx >= width || ny >= height ? -1 : node(nx, ny);
    }

    /** The actions that stay inside the box from {@code node}, stay included, in action order. */
    public int[] availableActions(int node) {
        int[] actions = new int[N_ACTIONS];
        int n = 0;
        for (int a = 0; a < N_ACTIONS; a++) {
            if (neighbour(node, a) >= 0) {
                actions[n++] = a;
            }
        }
        return Arrays.copyOf(actions, n);
    }

    /** Number of directed non-stay edges: 2(w-1)h horizontal plus 2w(h-1) vertical. */
    public int directedEdgeCount() {
        return 2 * (width - 1) * height + 2 * width * (height - 1);
    }

    void writeTo(StateWriter out) {
        out.put(width);
        out.put(height);
        for (int s : symbols) {
            out.put(s);
        }
    }

    /** Reads a world written by {@link #writeTo}, whose sides must lie in [minSide, maxSide]. */
    static BoxWorld readFrom(StateReader in, int minSide, int maxSide, int nSymbols) {
        int w = in.nextInt("width", minSide, maxSide);
        int h = in.nextInt("height", minSide, maxSide);
        int[] symbols = new int[w * h];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = in.nextInt("symbol", 0, nSymbols - 1L);
        }
        return new BoxWorld(w, h, symbols, nSymbols);
    }
}
