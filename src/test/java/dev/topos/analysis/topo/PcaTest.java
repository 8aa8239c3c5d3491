package dev.topos.analysis.topo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.util.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PcaTest {
    @Test
    void pointsOnALineByHand() {
        // x_e = t_e (0.6, 0.8) + (1, 2), t = -2..2: mean (1, 2), one direction (0.6, 0.8) with
        // variance sum t^2 / (n - 1) = 10 / 4 = 2.5, scores t_e, nothing left for component 2
        double[] t = {-2, -1, 0, 1, 2};
        double[][] x = new double[5][];
        for (int e = 0; e < 5; e++) {
            x[e] = new double[] {1 + 0.6 * t[e], 2 + 0.8 * t[e]};
        }
        Pca pca = Pca.fit(x, 2);
        assertArrayEquals(new double[] {1, 2}, pca.mean(), 1e-12);
        assertArrayEquals(new double[] {0.6, 0.8}, pca.weights(0), 1e-12);
        assertArrayEquals(new double[] {2.5, 0}, pca.explainedVariance(), 1e-12);
        assertArrayEquals(new double[] {1, 0}, pca.explainedVarianceRatio(), 1e-12);
        for (int e = 0; e < 5; e++) {
            assertEquals(t[e], pca.scores()[e][0], 1e-12);
        }
    }

    /** Random vectors made orthonormal by Gram-Schmidt; {@code centred} first removes each one's mean. */
    private static double[][] orthonormal(int count, int length, boolean centred, Rng rng) {
        double[][] v = new double[count][length];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < length; k++) {
                v[i][k] = rng.nextGaussian();
            }
            if (centred) {
                double mean = Arrays.stream(v[i]).average().orElseThrow();
                for (int k = 0; k < length; k++) {
                    v[i][k] -= mean;
                }
            }
            for (int j = 0; j < i; j++) {
                double d = Columns.dot(v[i], v[j]);
                for (int k = 0; k < length; k++) {
                    v[i][k] -= d * v[j][k];
                }
            }
            double norm = Math.sqrt(Columns.dot(v[i], v[i]));
            for (int k = 0; k < length; k++) {
                v[i][k] /= norm;
            }
        }
        return v;
    }

    @Test
    void recoversPlantedComponentsOfALowRankMatrix() {
        // x = 5 + sum_i sd_i sqrt(n - 1) a_i w_i^T with orthonormal unit directions w_i and
        // orthonormal, centred example directions a_i: the covariance is exactly
        // sum_i sd_i^2 w_i w_i^T, eigenvalues 9, 4, 1 and 0, ratios 9/14, 4/14, 1/14
        int units = 49;
        int examples = 400;
        Rng rng = new Rng(21);
        double[][] planted = orthonormal(3, units, false, rng);
        double[][] across = orthonormal(3, examples, true, rng);
        double[] sd = {3, 2, 1};
        double[][] x = new double[examples][units];
        for (int e = 0; e < examples; e++) {
            for (int u = 0; u < units; u++) {
                x[e][u] = 5;
                for (int i = 0; i < 3; i++) {
                    x[e][u] += sd[i] * Math.sqrt(examples - 1) * across[i][e] * planted[i][u];
                }
            }
        }
        Pca pca = Pca.fit(x, Pca.DEFAULT_COMPONENTS);
        assertEquals(10, pca.components());
        for (int i = 0; i < 3; i++) {
            assertEquals(1.0, Math.abs(Columns.dot(pca.weights(i), planted[i])), 1e-9, "component " + i);
        }
        double[] ratio = pca.explainedVarianceRatio();
        assertArrayEquals(new double[] {9 / 14.0, 4 / 14.0, 1 / 14.0}, Arrays.copyOf(ratio, 3), 1e-9);
        double sum = 0;
        for (int i = 0; i < ratio.length; i++) {
            sum += ratio[i];
            assertTrue(i == 0 || ratio[i] <= ratio[i - 1]);
            assertTrue(i < 3 || ratio[i] < 1e-12, "ratio " + i + " = " + ratio[i]);
        }
        assertTrue(sum <= 1 + 1e-12, "sum " + sum);
    }

    @Test
    void componentsAreOrthonormalSignFixedAndScoresCarryTheirVariance() {
        Rng rng = new Rng(3);
        double[][] x = new double[60][12];
        for (double[] row : x) {
            double shared = rng.nextGaussian();
            for (int u = 0; u < 12; u++) {
                row[u] = (u % 3) * shared + rng.nextGaussian();
            }
        }
        Pca pca = Pca.fit(x, 6);
        double[][] w = pca.weights();
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(i == j ? 1 : 0, Columns.dot(w[i], w[j]), 1e-10, i + "," + j);
            }
            int largest = 0;
            for (int u = 1; u < 12; u++) {
                largest = Math.abs(w[i][u]) > Math.abs(w[i][largest]) ? u : largest;
            }
            assertTrue(w[i][largest] > 0);
            // the sample variance of the scores on component i is lambda_i
            double ss = 0;
            for (double[] s : pca.scores()) {
                ss += s[i] * s[i];
            }
            assertEquals(pca.explainedVariance()[i], ss / (x.length - 1), 1e-9);
        }
        // negating the data leaves the (sign-fixed) components unchanged and negates the scores
        double[][] negated = new double[60][12];
        for (int e = 0; e < 60; e++) {
            for (int u = 0; u < 12; u++) {
                negated[e][u] = -x[e][u];
            }
        }
        Pca flipped = Pca.fit(negated, 6);
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(w[i], flipped.weights(i), 1e-9);
            assertEquals(-pca.scores()[0][i], flipped.scores()[0][i], 1e-9);
        }
    }

    @Test
    void rejectsImpossibleRequests() {
        double[][] x = {{1, 2, 3}, {2, 3, 5}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pca.fit(x, 3));
        assertTrue(e.getMessage().contains("[1, 2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(x, 0));
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(new double[][] {{1, 1}, {1, 1}}, 1));
    }
}
