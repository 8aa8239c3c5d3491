package dev.topos.analysis.columns;

import dev.topos.util.Rng;
import java.util.Arrays;

/**
 * Community structure of the columns' connectivity (Columnformer spec section 8: "modularity
 * (Louvain on the top-10% edges)"), on a weighted undirected graph such as
 * {@link UndirectedGraph#topEdges}.
 *
 * <p>Newman's modularity of a partition c (Newman &amp; Girvan, Phys. Rev. E 69, 026113, 2004;
 * weighted form: Newman, Phys. Rev. E 70, 056131, 2004), with W_ii = 0, k_i = sum_j W_ij and
 * 2m = sum_i k_i:
 *
 * <pre>  Q = (1/2m) sum_ij [W_ij - k_i k_j / 2m] delta(c_i, c_j)
 *    = sum_c [ L_c / m - (K_c / 2m)^2 ]</pre>
 *
 * with L_c the weight of the edges inside community c (each counted once) and K_c the sum of its
 * k_i. Q is NaN for a graph without edges.
 *
 * <p>The partition is found by the Louvain method (Blondel, Guillaume, Lambiotte &amp; Lefebvre,
 * "Fast unfolding of communities in large networks", J. Stat. Mech. P10008, 2008):
 * <ol>
 *   <li>Local moves: every node starts alone; nodes are visited in turn and each moves to the
 *       neighbouring community with the largest modularity gain, if that gain is positive.
 *       Removing node i from its community and inserting it into community C changes Q by
 *       (1/m) [k_i,C - Sigma_C k_i / 2m], k_i,C the weight from i to C and Sigma_C the total
 *       k of C without i; the node goes where that is largest (staying wins ties, and among
 *       other communities the first one met in its neighbour list), a gain having to beat the
 *       alternative by more than 1e-12 * 2m so rounding cannot make nodes cycle. Passes repeat
 *       until one pass moves no node.</li>
 *   <li>Aggregation: each community becomes one node; the weights between communities become
 *       edges and the weight inside one a self-loop.</li>
 * </ol>
 * The two phases repeat on the aggregated graph until the local moves leave every node alone.
 * Nodes are visited in index order, or in an order shuffled (Fisher–Yates) with a given
 * {@link Rng} each pass, so the result is reproducible; several seeds and the best Q are the usual
 * guard against the order dependence of Louvain. Community labels are 0..communities-1 in order of
 * each community's lowest node.
 *
 * <p>Library check: JGraphT 1.5.3, the newest release on Maven Central, offers label propagation, Girvan–Newman,
 * Clauset–Newman–Moore greedy modularity and a modularity measurer, but no Louvain (its
 * {@code LouvainClustering} exists only on its development branch and draws its order from
 * {@code java.util.Random}); hence this implementation.
 */
public final class Modularity {
    /**
     * @param community   the community of each node, labels 0..communities-1
     * @param communities the number of communities
     * @param q           Newman's modularity of the partition (NaN for a graph without edges)
     */
    public record Partition(int[] community, int communities, double q) {
    }

    private Modularity() {
    }

    /** Louvain with nodes visited in index order. */
    public static Partition louvain(UndirectedGraph g) {
        return louvain(g, null);
    }

    /**
     * Louvain with the visiting order shuffled by {@code rng} every pass (index order when rng is
     * null).
     */
    public static Partition louvain(UndirectedGraph g, Rng rng) {
        Level level = Level.of(g);
        double twoM = 0;
        for (double k : level.strength) {
            twoM += k;
        }
        int[] community = new int[g.nodes()];
        Arrays.setAll(community, i -> i);
        if (twoM > 0) {
            while (true) {
                int[] label = relabel(localMoves(level, twoM, rng));
                int communities = count(label);
                if (communities == level.nodes()) {
                    break;
                }
                for (int x = 0; x < community.length; x++) {
                    community[x] = label[community[x]];
                }
                level = level.aggregate(label, communities);
            }
        }
        int[] canonical = relabel(community);
        return new Partition(canonical, count(canonical), q(g, canonical));
    }

    /**
     * Newman's modularity Q of a partition.
     *
     * @param community the community label of each node, in [0, nodes)
     * @throws IllegalArgumentException if community does not hold one label in [0, nodes) per node
     */
    public static double q(UndirectedGraph g, int[] community) {
        int n = g.nodes();
        if (community == null || community.length != n) {
            throw new IllegalArgumentException("community must hold one label per node (" + n + "), got "
                    + (community == null ? "null" : community.length));
        }
        for (int i = 0; i < n; i++) {
            if (community[i] < 0 || community[i] >= n) {
                throw new IllegalArgumentException("community[" + i + "] is " + community[i] + "; labels are 0.."
                        + (n - 1));
            }
        }
        double[] inside = new double[n];
        double[] total = new double[n];
        double m = 0;
        for (int e = 0; e < g.edges(); e++) {
            double w = g.weight(e);
            int a = community[g.from(e)];
            int b = community[g.to(e)];
            if (a == b) {
                inside[a] += w;
            }
            total[a] += w;
            total[b] += w;
            m += w;
        }
        if (m == 0) {
            return Double.NaN;
        }
        double q = 0;
        for (int c = 0; c < n; c++) {
            double share = total[c] / (2 * m);
            q += inside[c] / m - share * share;
        }
        return q;
    }

    /** Phase 1: the community (a node index of this level) of each node after the local moves. */
    private static int[] localMoves(Level level, double twoM, Rng rng) {
        int n = level.nodes();
        double tolerance = 1e-12 * twoM;
        int[] community = new int[n];
        Arrays.setAll(community, i -> i);
        double[] total = level.strength.clone();
        double[] links = new double[n];
        int[] met = new int[n];
        int[] metAt = new int[n];
        Arrays.fill(metAt, -1);
        int[] order = community.clone();
        int visit = 0;
        boolean moved;
        do {
            moved = false;
            if (rng != null) {
                shuffle(order, rng);
            }
            for (int i : order) {
                visit++;
                int found = 0;
                for (int e = level.offsets[i]; e < level.offsets[i + 1]; e++) {
                    int c = community[level.neighbours[e]];
                    if (metAt[c] != visit) {
                        metAt[c] = visit;
                        links[c] = 0;
                        met[found++] = c;
                    }
                    links[c] += level.weights[e];
                }
                int own = community[i];
                double k = level.strength[i];
                total[own] -= k;
                int best = own;
                double bestGain = (metAt[own] == visit ? links[own] : 0) - total[own] * k / twoM;
                for (int f = 0; f < found; f++) {
                    int c = met[f];
                    double gain = links[c] - total[c] * k / twoM;
                    if (gain > bestGain + tolerance) {
                        best = c;
                        bestGain = gain;
                    }
                }
                total[best] += k;
                if (best != own) {
                    community[i] = best;
                    moved = true;
                }
            }
        } while (moved);
        return community;
    }

    /** Labels 0, 1, ... in order of first appearance. */
    private static int[] relabel(int[] community) {
        int[] map = new int[community.length];
        Arrays.fill(map, -1);
        int[] label = new int[community.length];
        int next = 0;
        for (int i = 0; i < community.length; i++) {
            if (map[community[i]] < 0) {
                map[community[i]] = next++;
            }
            label[i] = map[community[i]];
        }
        return label;
    }

    /** The number of labels of a relabelled partition. */
    private static int count(int[] label) {
        int max = -1;
        for (int l : label) {
            max = Math.max(max, l);
        }
        return max + 1;
    }

    private static void shuffle(int[] order, Rng rng) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /**
     * One level of the Louvain hierarchy: a weighted graph in compressed rows (each edge listed at
     * both ends) plus a self-loop weight per node; strength k_i = sum of its edge weights + 2 loop_i.
     */
    private static final class Level {
        final int[] offsets;
        final int[] neighbours;
        final double[] weights;
        final double[] loop;
        final double[] strength;

        private Level(int[] offsets, int[] neighbours, double[] weights, double[] loop) {
            this.offsets = offsets;
            this.neighbours = neighbours;
            this.weights = weights;
            this.loop = loop;
            int n = loop.length;
            strength = new double[n];
            for (int i = 0; i < n; i++) {
                strength[i] = 2 * loop[i];
                for (int e = offsets[i]; e < offsets[i + 1]; e++) {
                    strength[i] += weights[e];
                }
            }
        }

        static Level of(UndirectedGraph g) {
            int n = g.nodes();
            int[] offsets = new int[n + 1];
            for (int i = 0; i < n; i++) {
                offsets[i + 1] = offsets[i] + g.degree(i);
            }
            int[] neighbours = new int[offsets[n]];
            double[] weights = new double[offsets[n]];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < g.degree(i); k++) {
                    neighbours[offsets[i] + k] = g.neighbour(i, k);
                    weights[offsets[i] + k] = g.neighbourWeight(i, k);
                }
            }
            return new Level(offsets, neighbours, weights, new double[n]);
        }

        int nodes() {
            return loop.length;
        }

        /** Phase 2: one node per community, edges summed, inner weight as a self-loop. */
        Level aggregate(int[] label, int communities) {
            int n = nodes();
            int[] memberStart = new int[communities + 1];
            for (int i = 0; i < n; i++) {
                memberStart[label[i] + 1]++;
            }
            for (int c = 0; c < communities; c++) {
                memberStart[c + 1] += memberStart[c];
            }
            int[] members = new int[n];
            int[] next = Arrays.copyOf(memberStart, communities);
            for (int i = 0; i < n; i++) {
                members[next[label[i]]++] = i;
            }
            double[] newLoop = new double[communities];
            int[] newOffsets = new int[communities + 1];
            int[] newNeighbours = new int[neighbours.length];
            double[] newWeights = new double[neighbours.length];
            double[] sum = new double[communities];
            int[] listedFor = new int[communities];
            Arrays.fill(listedFor, -1);
            int[] listed = new int[communities];
            int filled = 0;
            for (int c = 0; c < communities; c++) {
                int distinct = 0;
                for (int s = memberStart[c]; s < memberStart[c + 1]; s++) {
                    int i = members[s];
                    newLoop[c] += loop[i];
                    for (int e = offsets[i]; e < offsets[i + 1]; e++) {
                        int d = label[neighbours[e]];
                        if (d == c) {
                            newLoop[c] += weights[e] / 2; // an inner edge is listed at both its ends
                        } else {
                            if (listedFor[d] != c) {
                                listedFor[d] = c;
                                sum[d] = 0;
                                listed[distinct++] = d;
                            }
                            sum[d] += weights[e];
                        }
                    }
                }
                Arrays.sort(listed, 0, distinct);
                for (int t = 0; t < distinct; t++) {
                    newNeighbours[filled] = listed[t];
                    newWeights[filled++] = sum[listed[t]];
                }
                newOffsets[c + 1] = filled;
            }
            return new Level(newOffsets, Arrays.copyOf(newNeighbours, filled), Arrays.copyOf(newWeights, filled),
                    newLoop);
        }
    }
}
