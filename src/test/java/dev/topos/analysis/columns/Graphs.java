package dev.topos.analysis.columns;

import java.util.ArrayList;
import java.util.List;

/** Test graphs with known structure. */
final class Graphs {
    private Graphs() {
    }

    /** Cliques of the given size, clique c on nodes c*size .. c*size + size - 1, plus extra edges. */
    static List<int[]> cliques(int count, int size) {
        List<int[]> edges = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            for (int a = 0; a < size; a++) {
                for (int b = a + 1; b < size; b++) {
                    edges.add(new int[] {c * size + a, c * size + b});
                }
            }
        }
        return edges;
    }

    /** The Watts–Strogatz ring lattice: each of n nodes joined to its k/2 nearest on either side. */
    static List<int[]> ringLattice(int n, int k) {
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int o = 1; o <= k / 2; o++) {
                edges.add(new int[] {i, (i + o) % n});
            }
        }
        return edges;
    }

    static UndirectedGraph of(int n, List<int[]> edges) {
        return UndirectedGraph.of(n, edges.toArray(new int[0][]));
    }
}
