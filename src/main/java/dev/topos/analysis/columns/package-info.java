/**
 * Analyses of a Columnformer's connectivity (Columnformer spec section 8), plain Java on double
 * arrays, for dense and sparse models alike:
 * <ul>
 *   <li>{@link dev.topos.analysis.columns.Connectivity}: the attention A as rows of (source,
 *       weight), from a dense N x N matrix or a sparse N x K table; its dense matrix and one
 *       column's incoming field for drawing on the sheet.</li>
 *   <li>{@link dev.topos.analysis.columns.AttentionEntropy}: entropy of each column's incoming
 *       attention.</li>
 *   <li>{@link dev.topos.analysis.columns.WiringLength}: attention-weighted distance per column and
 *       the distribution of connection distances.</li>
 *   <li>{@link dev.topos.analysis.columns.Flow}: position of each column between the input and the
 *       output columns, feedforward / feedback / lateral attention and the net flow.</li>
 *   <li>{@link dev.topos.analysis.columns.UndirectedGraph}: the top-fraction edges of
 *       (A + A^T) / 2, the graph {@link dev.topos.analysis.columns.Modularity} (Louvain communities,
 *       Newman's Q) and {@link dev.topos.analysis.columns.SmallWorld} (clustering, efficiency and
 *       sigma against random or degree-preserving nulls) work on.</li>
 *   <li>{@link dev.topos.analysis.columns.FeatureConsistency}: cosine similarity of columns'
 *       features against their distance.</li>
 * </ul>
 *
 * <p>Conventions: column i's row of A is its incoming connectivity (i reads j with weight A_ij);
 * D is the sheet's N x N distance matrix with D[i][j] &gt;= 0; inputs are checked and errors name
 * the argument and the value. Randomness comes from a seeded {@link dev.topos.util.Rng}.
 */
package dev.topos.analysis.columns;
