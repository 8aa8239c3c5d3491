package dev.topos.analysis.topo;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Principal components of an examples x units activation matrix (Topoformer spec section 5: 10
 * components whose weight maps are drawn on the sheet; the reference uses scikit-learn's
 * {@code PCA(n_components=10)}).
 *
 * <p>Method: centre each unit's column, form the units x units covariance
 * C = X_c^T X_c / (n - 1) ({@link Columns#gram}), and decompose it with Apache Commons Math's
 * {@link SingularValueDecomposition} rather than a hand-written solver: C is symmetric positive
 * semi-definite, so its singular values are its eigenvalues (in descending order) and its right
 * singular vectors its eigenvectors. Commons Math's {@code EigenDecomposition} was the first
 * choice but fails to converge ("convergence failed") on rank-deficient covariances such as 50
 * examples of 100 units, which real activations produce. The covariance route costs one units^2 x
 * examples product plus a units^3 decomposition, independent of the number of examples beyond
 * the product, which suits activation matrices with more examples than units; an SVD of X_c
 * would square less of the condition number but is far slower in Commons Math and the
 * components wanted here carry the large, well-separated variances.
 *
 * <ul>
 *   <li>Component i is the unit-length eigenvector w_i of the i-th largest eigenvalue lambda_i
 *       (the variance of the scores along it, scikit-learn's {@code explained_variance_}).</li>
 *   <li>Sign: an eigenvector's sign is arbitrary, so each is flipped to make its entry of largest
 *       magnitude positive (the first such entry on a tie): the same data always give the same
 *       maps.</li>
 *   <li>Explained-variance ratio: lambda_i / trace(C), trace(C) the total variance; the ratios of
 *       the first k sum to at most 1. Eigenvalues that rounding leaves slightly negative are
 *       reported as 0.</li>
 *   <li>Scores: the example scores s_ei = (x_e - mean) . w_i, an examples x k matrix.</li>
 * </ul>
 */
public final class Pca {
    /** The number of components of the Topoformer analyses. */
    public static final int DEFAULT_COMPONENTS = 10;

    private final double[] mean;
    private final double[][] weights;
    private final double[] variance;
    private final double[] ratio;
    private final double[][] scores;

    private Pca(double[] mean, double[][] weights, double[] variance, double[] ratio, double[][] scores) {
        this.mean = mean;
        this.weights = weights;
        this.variance = variance;
        this.ratio = ratio;
        this.scores = scores;
    }

    /**
     * Fits the first {@code components} principal components.
     *
     * @throws IllegalArgumentException on ragged or non-finite input, fewer than 2 examples,
     *                                  components outside [1, min(examples, units)], or when
     *                                  every unit is constant (no variance to explain)
     */
    public static Pca fit(double[][] examplesByUnits, int components) {
        int units = Inputs.columns("activations (examples x units)", examplesByUnits, 2);
        int examples = examplesByUnits.length;
        int most = Math.min(examples, units);
        if (components < 1 || components > most) {
            throw new IllegalArgumentException("components must be in [1, " + most + "] (min of " + examples
                    + " examples and " + units + " units), got " + components);
        }
        double[] mean = new double[units];
        double[][] centred = Columns.centred(examplesByUnits, mean);
        double[][] covariance = Columns.gram(centred);
        double total = 0;
        for (int u = 0; u < units; u++) {
            for (int v = 0; v < units; v++) {
                covariance[u][v] /= examples - 1;
            }
            total += covariance[u][u];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("every unit is constant across the " + examples
                    + " examples: there is no variance for principal components to explain");
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(covariance, false));
        double[] lambda = svd.getSingularValues();
        RealMatrix vectors = svd.getV();
        int[] order = IntStream.range(0, units).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -lambda[i]))
                .mapToInt(Integer::intValue).limit(components).toArray();
        double[][] weights = new double[components][];
        double[] variance = new double[components];
        double[] ratio = new double[components];
        for (int i = 0; i < components; i++) {
            weights[i] = signFixed(vectors.getColumnVector(order[i]));
            variance[i] = Math.max(0.0, lambda[order[i]]);
            ratio[i] = variance[i] / total;
        }
        double[][] scores = new double[examples][components];
        for (int i = 0; i < components; i++) {
            for (int u = 0; u < units; u++) {
                double w = weights[i][u];
                for (int e = 0; e < examples; e++) {
                    scores[e][i] += centred[u][e] * w;
                }
            }
        }
        return new Pca(mean, weights, variance, ratio, scores);
    }

    /** The number of components k. */
    public int components() {
        return weights.length;
    }

    /** The per-unit means that were subtracted. */
    public double[] mean() {
        return mean.clone();
    }

    /** Component i's unit weights w_i (units-long, unit norm): the map to draw on the sheet. */
    public double[] weights(int component) {
        return weights[component].clone();
    }

    /** All k components, one row of unit weights each (k x units). */
    public double[][] weights() {
        double[][] copy = new double[weights.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = weights[i].clone();
        }
        return copy;
    }

    /** The variance lambda_i along each component, largest first. */
    public double[] explainedVariance() {
        return variance.clone();
    }

    /** lambda_i / total variance per component; sums to at most 1. */
    public double[] explainedVarianceRatio() {
        return ratio.clone();
    }

    /** The examples x k scores of the centred examples on the components. */
    public double[][] scores() {
        double[][] copy = new double[scores.length][];
        for (int e = 0; e < copy.length; e++) {
            copy[e] = scores[e].clone();
        }
        return copy;
    }

    /** The vector as an array, negated if needed so its largest-magnitude entry is positive. */
    private static double[] signFixed(RealVector vector) {
        double[] w = vector.toArray();
        int largest = 0;
        for (int u = 1; u < w.length; u++) {
            if (Math.abs(w[u]) > Math.abs(w[largest])) {
                largest = u;
            }
        }
        if (w[largest] < 0) {
            for (int u = 0; u < w.length; u++) {
                w[u] = -w[u];
            }
        }
        return w;
    }
}
