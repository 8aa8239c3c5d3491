/**
 * The statistics of the Topoformer analyses (Topoformer spec section 5), plain Java on double
 * arrays:
 * <ul>
 *   <li>{@link dev.topos.analysis.topo.Selectivity}: per-unit Student or Welch t-tests between the
 *       two conditions of a contrast, the map sign(t) (-log10 p), and with
 *       {@link dev.topos.analysis.topo.BenjaminiHochberg} the FDR-thresholded map.</li>
 *   <li>{@link dev.topos.analysis.topo.MoransI} and {@link dev.topos.analysis.topo.GaussianSmoothing}:
 *       spatial autocorrelation of a map on the s x s lattice, optionally after smoothing.</li>
 *   <li>{@link dev.topos.analysis.topo.TopographyIndex}: the reference's topography statistic
 *       from {@link dev.topos.analysis.topo.UnitCorrelations} and the sheet's distances.</li>
 *   <li>{@link dev.topos.analysis.topo.Pca}: principal components whose weights are drawn as maps.</li>
 * </ul>
 *
 * <p>Conventions: activations are examples (or items) x units, one row per example; a map holds
 * one value per unit in the sheet's row-major order (unit n at row n / s, column n % s). Inputs
 * must be finite; errors name the value and what is allowed.
 *
 * <p>Numerics: the Student t distribution, Spearman's rank correlation and the symmetric
 * eigen-decomposition come from Apache Commons Math 3 ({@code TDistribution},
 * {@code SpearmansCorrelation}, {@code SingularValueDecomposition}) rather than hand-written code; only
 * the statistics themselves are written here.
 */
package dev.topos.analysis.topo;
