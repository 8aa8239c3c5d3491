package dev.topos.analysis.columns;

import dev.topos.util.Rng;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Small-worldness of the columns' connectivity (Columnformer spec section 8, "clustering and
 * efficiency vs random nulls, as in Achterberg et al. 2023"), on the binary undirected graph of
 * {@link UndirectedGraph#topEdges} (edge weights are ignored).
 *
 * <ul>
 *   <li>Average clustering coefficient (Watts &amp; Strogatz, "Collective dynamics of 'small-world'
 *       networks", Nature 393, 1998): C = (1/n) sum_i C_i, C_i = e_i / (k_i (k_i - 1) / 2) with
 *       e_i the number of edges among the k_i neighbours of i; C_i = 0 when k_i &lt; 2.</li>
 *   <li>Global efficiency (Latora &amp; Marchiori, "Efficient behavior of small-world networks",
 *       Phys. Rev. Lett. 87, 198701, 2001): E = (1 / (n (n - 1))) sum_{i != j} 1 / d_ij, d_ij
 *       the hop distance (breadth-first search), 1/inf = 0 between disconnected nodes.</li>
 *   <li>Small-worldness, the efficiency form of Humphries &amp; Gurney's sigma ("Network
 *       'small-world-ness'", PLoS ONE 3, e0002051, 2008) used for spatially embedded RNNs by
 *       Achterberg, Akarca, Strouse, Duncan &amp; Astle (Nat. Mach. Intell. 5, 1369, 2023):
 *       <pre>  sigma = (C / C_null) / (E_null / E)</pre>
 *       with C_null, E_null the means over null graphs of the same size: sigma &gt; 1 means more
 *       clustered than chance at comparable efficiency. sigma is NaN when C_null or E is 0.</li>
 * </ul>
 *
 * <p>Null models ({@link NullModel}): Erdős–Rényi G(n, m) graphs (Erdős &amp; Rényi, Publ. Math.
 * Debrecen 6, 1959), m pairs drawn uniformly without replacement by Floyd's algorithm (Bentley &amp;
 * Floyd, "Programming pearls: a sample of brilliance", CACM 30, 1987); or degree-preserving
 * rewiring (Maslov &amp; Sneppen, "Specificity and stability in topology of protein networks",
 * Science 296, 2002): {@link #SWAPS_PER_EDGE} x m attempts, each picking two edges {a, b},
 * {c, d} (and an orientation of the second) and replacing them by {a, d}, {c, b} unless that
 * makes a self-loop or a repeated pair, as the Brain Connectivity Toolbox's {@code randmio_und}.
 */
public final class SmallWorld {
    /** Rewiring attempts per edge of the degree-preserving null (BCT's usual ITER = 10). */
    public static final int SWAPS_PER_EDGE = 10;

    /** Which random graphs C and E are compared with. */
    public enum NullModel {
        /** G(n, m): same numbers of nodes and edges. */
        RANDOM,
        /** Maslov–Sneppen edge swaps: same degree of every node. */
        DEGREE_PRESERVING
    }

    /**
     * @param clustering       C of the graph
     * @param efficiency       E of the graph
     * @param nullClustering   C_null, the mean C of the null graphs
     * @param nullEfficiency   E_null, the mean E of the null graphs
     * @param sigma            (C / C_null) / (E_null / E), NaN when C_null or E is 0
     * @param nullClusterings  C of each null graph
     * @param nullEfficiencies E of each null graph
     */
    public record Result(double clustering, double efficiency, double nullClustering, double nullEfficiency,
                         double sigma, double[] nullClusterings, double[] nullEfficiencies) {
    }

    private SmallWorld() {
    }

    /**
     * C, E, their null means and sigma.
     *
     * @param nullGraphs how many null graphs to average, &gt;= 1
     * @throws IllegalArgumentException if the graph has fewer than 2 nodes, nullGraphs &lt; 1, or
     *                                  model or rng is null
     */
    public static Result compute(UndirectedGraph g, NullModel model, int nullGraphs, Rng rng) {
        if (model == null || rng == null) {
            throw new IllegalArgumentException("model and rng are required, got " + model + " and " + rng);
        }
        if (nullGraphs < 1) {
            throw new IllegalArgumentException("nullGraphs must be >= 1, got " + nullGraphs);
        }
        double c = clustering(g);
        double e = efficiency(g);
        double[] cs = new double[nullGraphs];
        double[] es = new double[nullGraphs];
        for (int r = 0; r < nullGraphs; r++) {
            UndirectedGraph random = model == NullModel.RANDOM
                    ? randomGraph(g.nodes(), g.edges(), rng)
                    : degreePreserving(g, SWAPS_PER_EDGE, rng);
            cs[r] = clustering(random);
            es[r] = efficiency(random);
        }
        double cNull = Arrays.stream(cs).average().orElseThrow();
        double eNull = Arrays.stream(es).average().orElseThrow();
        double sigma = cNull > 0 && e > 0 ? (c / cNull) / (eNull / e) : Double.NaN;
        return new Result(c, e, cNull, eNull, sigma, cs, es);
    }

    /** The average clustering coefficient C (nodes of degree &lt; 2 count as 0). */
    public static double clustering(UndirectedGraph g) {
        int n = g.nodes();
        int[] neighbourOf = new int[n];
        Arrays.fill(neighbourOf, -1);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int k = g.degree(i);
            if (k < 2) {
                continue;
            }
            for (int a = 0; a < k; a++) {
                neighbourOf[g.neighbour(i, a)] = i;
            }
            long ends = 0; // each edge among the neighbours is seen from both of its ends
            for (int a = 0; a < k; a++) {
                int j = g.neighbour(i, a);
                for (int b = 0; b < g.degree(j); b++) {
                    if (neighbourOf[g.neighbour(j, b)] == i) {
                        ends++;
                    }
                }
            }
            sum += ends / ((double) k * (k - 1));
        }
        return sum / n;
    }

    /**
     * The global efficiency E.
     *
     * @throws IllegalArgumentException if the graph has fewer than 2 nodes (no pairs)
     */
    public static double efficiency(UndirectedGraph g) {
        int n = g.nodes();
        if (n < 2) {
            throw new IllegalArgumentException("efficiency needs at least 2 nodes, got " + n);
        }
        int[] hops = new int[n];
        int[] queue = new int[n];
        double sum = 0;
        for (int s = 0; s < n; s++) {
            Arrays.fill(hops, -1);
            hops[s] = 0;
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            while (head < tail) {
                int u = queue[head++];
                for (int k = 0; k < g.degree(u); k++) {
                    int v = g.neighbour(u, k);
                    if (hops[v] < 0) {
                        hops[v] = hops[u] + 1;
                        sum += 1.0 / hops[v];
                        queue[tail++] = v;
                    }
                }
            }
        }
        return sum / ((double) n * (n - 1));
    }

    /**
     * A G(n, m) graph: m distinct pairs of n nodes, every such set equally likely.
     *
     * @throws IllegalArgumentException if nodes &lt; 1 or edges is not in [0, n(n-1)/2]
     */
    public static UndirectedGraph randomGraph(int nodes, int edges, Rng rng) {
        if (nodes < 1) {
            throw new IllegalArgumentException("nodes must be >= 1, got " + nodes);
        }
        long pairs = (long) nodes * (nodes - 1) / 2;
        if (edges < 0 || edges > pairs) {
            throw new IllegalArgumentException("edges must be in [0, " + pairs + "] for " + nodes + " nodes, got "
                    + edges);
        }
        Set<Long> chosen = new HashSet<>();
        long[] picked = new long[edges];
        int e = 0;
        for (long j = pairs - edges; j < pairs; j++) { // Floyd: one draw per pair, no rejection
            long t = uniform(rng, j + 1);
            long pair = chosen.contains(t) ? j : t;
            chosen.add(pair);
            picked[e++] = pair;
        }
        Arrays.sort(picked);
        int[][] list = new int[edges][];
        for (int p = 0; p < edges; p++) {
            list[p] = pairOf(picked[p]);
        }
        return UndirectedGraph.of(nodes, list);
    }

    /**
     * A degree-preserving rewiring of g by {@code swapsPerEdge} x m Maslov–Sneppen attempts (see
     * the class comment); unweighted.
     *
     * @throws IllegalArgumentException if swapsPerEdge &lt; 0
     */
    public static UndirectedGraph degreePreserving(UndirectedGraph g, int swapsPerEdge, Rng rng) {
        if (swapsPerEdge < 0) {
            throw new IllegalArgumentException("swapsPerEdge must be >= 0, got " + swapsPerEdge);
        }
        int n = g.nodes();
        int m = g.edges();
        int[] a = new int[m];
        int[] b = new int[m];
        Set<Long> present = new HashSet<>();
        for (int e = 0; e < m; e++) {
            a[e] = g.from(e);
            b[e] = g.to(e);
            present.add(key(a[e], b[e], n));
        }
        long attempts = (long) swapsPerEdge * m;
        for (long t = 0; t < attempts && m >= 2; t++) {
            int e1 = rng.nextInt(m);
            int e2 = rng.nextInt(m - 1);
            if (e2 >= e1) {
                e2++;
            }
            int p = a[e1];
            int q = b[e1];
            int r = a[e2];
            int s = b[e2];
            if (rng.nextInt(2) == 1) {
                int swap = r;
                r = s;
                s = swap;
            }
            // {p, q}, {r, s} -> {p, s}, {r, q}
            if (p == s || r == q || present.contains(key(p, s, n)) || present.contains(key(r, q, n))) {
                continue;
            }
            present.remove(key(p, q, n));
            present.remove(key(r, s, n));
            present.add(key(p, s, n));
            present.add(key(r, q, n));
            a[e1] = p;
            b[e1] = s;
            a[e2] = r;
            b[e2] = q;
        }
        int[][] list = new int[m][];
        for (int e = 0; e < m; e++) {
            list[e] = new int[] {a[e], b[e]};
        }
        return UndirectedGraph.of(n, list);
    }

    private static long key(int i, int j, int n) {
        return (long) Math.min(i, j) * n + Math.max(i, j);
    }

    /** The pair {i, j}, i &lt; j, of triangular index p = j (j - 1) / 2 + i. */
    private static int[] pairOf(long p) {
        long j = (long) ((1 + Math.sqrt(1 + 8.0 * p)) / 2);
        while (j * (j - 1) / 2 > p) {
            j--;
        }
        while ((j + 1) * j / 2 <= p) {
            j++;
        }
        return new int[] {(int) (p - j * (j - 1) / 2), (int) j};
    }

    /** Uniform in [0, bound) by rejection on the top 63 bits, as {@link Rng#nextInt}. */
    private static long uniform(Rng rng, long bound) {
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        long r;
        do {
            r = rng.nextLong() >>> 1;
        } while (r >= limit);
        return r % bound;
    }
}
