package dev.topos.analysis.columns;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * A simple undirected graph with positive edge weights on nodes 0..n-1: no self-loops, at most
 * one edge per pair. The input of {@link Modularity} (weighted) and {@link SmallWorld} (binary:
 * weights ignored).
 *
 * <p>{@link #topEdges} makes it from a connectivity the way brain networks are usually
 * thresholded: symmetrise A as W = (A + A^T) / 2, drop the diagonal, and keep the strongest
 * round(fraction * N(N-1)/2) pairs, i.e. a fixed edge density, as the Brain Connectivity
 * Toolbox's {@code threshold_proportional} (Rubinov &amp; Sporns, "Complex network measures of
 * brain connectivity", NeuroImage 52, 2010). Only pairs with W_ij &gt; 0 can be kept, so a sparse
 * model with fewer such pairs keeps them all. Pairs with equal weight at the threshold are kept
 * in lexicographic (i, j) order, so the graph is deterministic.
 *
 * <p>Edges are stored with i &lt; j; instances are immutable.
 */
public final class UndirectedGraph {
    /** The spec's "top-10% edges" (Columnformer spec section 8). */
    public static final double TOP_FRACTION = 0.1;

    private final int nodes;
    private final int[] from;
    private final int[] to;
    private final double[] weight;
    private final int[] offsets;
    private final int[] neighbours;
    private final double[] neighbourWeights;

    private UndirectedGraph(int nodes, int[] from, int[] to, double[] weight) {
        this.nodes = nodes;
        this.from = from;
        this.to = to;
        this.weight = weight;
        offsets = new int[nodes + 1];
        for (int e = 0; e < from.length; e++) {
            offsets[from[e] + 1]++;
            offsets[to[e] + 1]++;
        }
        for (int i = 0; i < nodes; i++) {
            offsets[i + 1] += offsets[i];
        }
        neighbours = new int[2 * from.length];
        neighbourWeights = new double[2 * from.length];
        int[] next = Arrays.copyOf(offsets, nodes);
        for (int e = 0; e < from.length; e++) {
            neighbours[next[from[e]]] = to[e];
            neighbourWeights[next[from[e]]++] = weight[e];
            neighbours[next[to[e]]] = from[e];
            neighbourWeights[next[to[e]]++] = weight[e];
        }
    }

    /**
     * An unweighted graph (every weight 1) with the given edges, each a pair {i, j}.
     *
     * @throws IllegalArgumentException as {@link #of(int, int[][], double[])}
     */
    public static UndirectedGraph of(int nodes, int[][] edges) {
        double[] ones = new double[edges == null ? 0 : edges.length];
        Arrays.fill(ones, 1.0);
        return of(nodes, edges, ones);
    }

    /**
     * A weighted graph: edge e joins edges[e][0] and edges[e][1] with weight weights[e].
     *
     * @throws IllegalArgumentException if nodes &lt; 1, an edge is not a pair of distinct nodes in
     *                                  [0, nodes), a pair repeats, or a weight is not finite and &gt; 0
     */
    public static UndirectedGraph of(int nodes, int[][] edges, double[] weights) {
        if (nodes < 1) {
            throw new IllegalArgumentException("nodes must be >= 1, got " + nodes);
        }
        if (edges == null || weights == null || edges.length != weights.length) {
            throw new IllegalArgumentException("edges and weights must be equally long, got "
                    + (edges == null ? "null" : edges.length) + " and " + (weights == null ? "null" : weights.length));
        }
        int m = edges.length;
        int[] from = new int[m];
        int[] to = new int[m];
        Set<Long> seen = new HashSet<>();
        for (int e = 0; e < m; e++) {
            if (edges[e] == null || edges[e].length != 2) {
                throw new IllegalArgumentException("edge " + e + " is " + Arrays.toString(edges[e])
                        + "; an edge is a pair {i, j}");
            }
            int i = Math.min(edges[e][0], edges[e][1]);
            int j = Math.max(edges[e][0], edges[e][1]);
            if (i < 0 || j >= nodes || i == j) {
                throw new IllegalArgumentException("edge " + e + " is " + Arrays.toString(edges[e])
                        + "; endpoints must be distinct nodes in 0.." + (nodes - 1));
            }
            if (!seen.add((long) i * nodes + j)) {
                throw new IllegalArgumentException("edge " + e + " " + Arrays.toString(edges[e])
                        + " repeats an earlier edge; each pair may appear once");
            }
            if (!(weights[e] > 0) || weights[e] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("weights[" + e + "] is " + weights[e]
                        + "; edge weights must be finite and > 0");
            }
            from[e] = i;
            to[e] = j;
        }
        return new UndirectedGraph(nodes, from, to, weights.clone());
    }

    /**
     * The strongest pairs of W = (A + A^T) / 2 (see the class comment), weighted by W_ij.
     *
     * @param fraction the edge density to keep, in (0, 1]; {@link #TOP_FRACTION} in the spec
     * @throws IllegalArgumentException if fraction is not in (0, 1]
     */
    public static UndirectedGraph topEdges(Connectivity c, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
        }
        int n = c.size();
        // W_ij for i < j: bucket every half-weight A_ij / 2 by its lower index, then sum per pair.
        int[] count = new int[n + 1];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < c.rowLength(i); k++) {
                int j = c.source(i, k);
                if (j != i) {
                    count[Math.min(i, j) + 1]++;
                }
            }
        }
        for (int u = 0; u < n; u++) {
            count[u + 1] += count[u];
        }
        int[] upper = new int[count[n]];
        double[] half = new double[count[n]];
        int[] next = Arrays.copyOf(count, n);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < c.rowLength(i); k++) {
                int j = c.source(i, k);
                if (j != i) {
                    int slot = next[Math.min(i, j)]++;
                    upper[slot] = Math.max(i, j);
                    half[slot] = c.weight(i, k) / 2;
                }
            }
        }
        int pairs = 0;
        int[] pairFrom = new int[count[n]];
        int[] pairTo = new int[count[n]];
        double[] pairWeight = new double[count[n]];
        double[] sum = new double[n];
        int[] listed = new int[n];
        int[] listedFor = new int[n];
        Arrays.fill(listedFor, -1);
        for (int u = 0; u < n; u++) {
            int distinct = 0;
            for (int s = count[u]; s < count[u + 1]; s++) {
                int v = upper[s];
                if (listedFor[v] != u) {
                    listedFor[v] = u;
                    listed[distinct++] = v;
                }
                sum[v] += half[s];
            }
            Arrays.sort(listed, 0, distinct);
            for (int t = 0; t < distinct; t++) {
                int v = listed[t];
                if (sum[v] > 0) {
                    pairFrom[pairs] = u;
                    pairTo[pairs] = v;
                    pairWeight[pairs++] = sum[v];
                }
                sum[v] = 0;
            }
        }
        int keep = (int) Math.min(pairs, Math.round(fraction * ((double) n * (n - 1) / 2)));
        double threshold = Double.POSITIVE_INFINITY;
        if (keep > 0) {
            double[] sorted = Arrays.copyOf(pairWeight, pairs);
            Arrays.sort(sorted);
            threshold = sorted[pairs - keep];
        }
        int above = 0;
        for (int p = 0; p < pairs; p++) {
            if (pairWeight[p] > threshold) {
                above++;
            }
        }
        int atThreshold = keep - above;
        int[] from = new int[keep];
        int[] to = new int[keep];
        double[] weight = new double[keep];
        int e = 0;
        for (int p = 0; p < pairs && e < keep; p++) {
            if (pairWeight[p] > threshold || (pairWeight[p] == threshold && atThreshold-- > 0)) {
                from[e] = pairFrom[p];
                to[e] = pairTo[p];
                weight[e++] = pairWeight[p];
            }
        }
        return new UndirectedGraph(n, from, to, weight);
    }

    /** The number of nodes. */
    public int nodes() {
        return nodes;
    }

    /** The number of edges. */
    public int edges() {
        return from.length;
    }

    /** The lower endpoint of edge e. */
    public int from(int e) {
        return from[e];
    }

    /** The higher endpoint of edge e. */
    public int to(int e) {
        return to[e];
    }

    /** The weight of edge e. */
    public double weight(int e) {
        return weight[e];
    }

    /** The number of edges at node i. */
    public int degree(int i) {
        return offsets[i + 1] - offsets[i];
    }

    /** The k-th neighbour of node i, k &lt; degree(i). */
    public int neighbour(int i, int k) {
        return neighbours[offsets[i] + k];
    }

    /** The weight of the edge to the k-th neighbour of node i. */
    public double neighbourWeight(int i, int k) {
        return neighbourWeights[offsets[i] + k];
    }
}
