package dev.topos.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.topos.geometry.Neighbours;
import dev.topos.geometry.Sheet;
import dev.topos.geometry.Sheets;
import dev.topos.util.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Columnformer's untied layers and column attention against hand-computed values, gradients and invariants. */
class ColumnLayersTest {
    private static final DataType F64 = DataType.FLOAT64;

    private static void randomise(ai.djl.nn.Block b, NDManager m) {
        for (NDArray p : GradCheck.parameters(b)) {
            m.randomNormal(0, 0.5f, p.getShape(), F64).copyTo(p);
        }
    }

    @Test
    void untiedLinearIsOneAffineMapPerColumn() {
        try (NDManager m = NDManager.newBaseManager()) {
            UntiedLinear lin = new UntiedLinear(3, 2, 4, true);
            lin.initialize(m, F64, new Shape(3, 5, 2));
            randomise(lin, m);
            NDArray x = m.randomNormal(0, 1, new Shape(3, 5, 2), F64);
            double[] y = lin.apply(x).toDoubleArray();
            double[] w = GradCheck.parameters(lin).get(0).toDoubleArray(); // (3, 4, 2)
            double[] beta = GradCheck.parameters(lin).get(1).toDoubleArray(); // (3, 1, 4)
            double[] xs = x.toDoubleArray();
            for (int n = 0; n < 3; n++) {
                for (int b = 0; b < 5; b++) {
                    for (int o = 0; o < 4; o++) {
                        double expected = beta[n * 4 + o];
                        for (int i = 0; i < 2; i++) {
                            expected += w[(n * 4 + o) * 2 + i] * xs[(n * 5 + b) * 2 + i];
                        }
                        assertEquals(expected, y[(n * 5 + b) * 4 + o], 1e-12, "column " + n + " image " + b + " out " + o);
                    }
                }
            }
        }
    }

    @Test
    void untiedWeightsStartAsTruncatedNormalWithZeroBias() {
        try (NDManager m = NDManager.newBaseManager()) {
            UntiedLinear lin = new UntiedLinear(64, 32, 32, true);
            lin.initialize(m, DataType.FLOAT32, new Shape(64, 1, 32));
            NDArray w = GradCheck.parameters(lin).get(0);
            assertTrue(w.abs().max().getFloat() <= 2 * UntiedLinear.INIT_STD + 1e-6, "truncated at 2 std");
            double std = w.square().mean().sqrt().getFloat();
            assertEquals(0.88 * UntiedLinear.INIT_STD, std, 0.05 * UntiedLinear.INIT_STD, "std of N(0, s) cut at 2s");
            assertEquals(0, GradCheck.parameters(lin).get(1).abs().sum().getFloat());
        }
    }

    /** d y[n] / d W[m] = 0 for m != n: the gradient of column n's output reaches only column n's weights. */
    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void columnOutputDependsOnlyOnItsOwnWeights(int column) {
        try (NDManager m = NDManager.newBaseManager()) {
            UntiedLinear fc = new UntiedLinear(4, 3, 5, true);
            UntiedLayerNorm norm = new UntiedLayerNorm(4, 5);
            fc.initialize(m, F64, new Shape(4, 2, 3));
            norm.initialize(m, F64, new Shape(4, 2, 5));
            randomise(fc, m);
            randomise(norm, m);
            NDArray x = m.randomNormal(0, 1, new Shape(4, 2, 3), F64);
            List<NDArray> all = new ArrayList<>(GradCheck.parameters(fc));
            all.addAll(GradCheck.parameters(norm));
            all.forEach(p -> p.setRequiresGradient(true));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(norm.apply(fc.apply(x)).get(column).square().sum());
            }
            for (NDArray p : all) {
                NDArray g = p.getGradient().toType(F64, false);
                for (int n = 0; n < 4; n++) {
                    double size = g.get(n).abs().sum().getDouble();
                    if (n == column) {
                        assertTrue(size > 0, "own weights get a gradient");
                    } else {
                        assertEquals(0, size, "column " + n + " of " + p.getShape());
                    }
                }
            }
        }
    }

    @Test
    void untiedLayerNormNormalisesChannelsThenAppliesItsColumnsAffine() {
        try (NDManager m = NDManager.newBaseManager()) {
            UntiedLayerNorm norm = new UntiedLayerNorm(2, 2);
            norm.initialize(m, F64, new Shape(2, 1, 2));
            GradCheck.parameters(norm).get(0).set(new double[] {1, 1, 2, 3}); // gamma (2, 1, 2)
            GradCheck.parameters(norm).get(1).set(new double[] {0, 0, 10, 20}); // beta
            NDArray x = m.create(new double[] {1, 3, 5, 9}, new Shape(2, 1, 2));
            // each row (a, b) normalises to (-1, 1) up to eps: var = ((b - a) / 2)^2
            double s0 = 1 / Math.sqrt(1 + 1e-5);
            double s1 = 2 / Math.sqrt(4 + 1e-5);
            assertArrayEquals(new double[] {-s0, s0, 10 - 2 * s1, 20 + 3 * s1}, norm.apply(x).toDoubleArray(), 1e-6);
        }
    }

    @Test
    void untiedLayersPassGradientChecks() {
        try (NDManager m = NDManager.newBaseManager()) {
            UntiedLinear fc = new UntiedLinear(3, 4, 2, true);
            UntiedLayerNorm norm = new UntiedLayerNorm(3, 4);
            fc.initialize(m, F64, new Shape(3, 2, 4));
            norm.initialize(m, F64, new Shape(3, 2, 4));
            randomise(fc, m);
            randomise(norm, m);
            NDArray x = m.randomNormal(0, 1, new Shape(3, 2, 4), F64);
            NDArray target = m.randomNormal(0, 1, new Shape(3, 2, 2), F64);
            List<NDArray> inputs = new ArrayList<>(GradCheck.parameters(fc));
            inputs.addAll(GradCheck.parameters(norm));
            inputs.add(x);
            GradCheck.check(inputs, () -> fc.apply(norm.apply(x)).sub(target).square().sum(), 10);
        }
    }

    private static double[][] lineDistances(int n) {
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = Math.abs(i - j);
            }
        }
        return d;
    }

    @Test
    void localBiasIsAClippedGaussianLogField() {
        LocalBias b = new LocalBias(2, -8);
        assertEquals(0, b.at(0), 0);
        assertEquals(-0.5f, b.at(2), 1e-7);
        assertEquals(-4.5f, b.at(6), 1e-6);
        assertEquals(-8f, b.at(100), 0);
        assertThrows(IllegalArgumentException.class, () -> new LocalBias(0, -8));
    }

    @Test
    void atBirthWithoutQueriesAttentionIsTheSoftmaxOfTheLocalBias() {
        try (NDManager m = NDManager.newBaseManager()) {
            double[][] d = lineDistances(4);
            DenseColumnAttention att = new DenseColumnAttention(d, 2, 2, 1, new LocalBias(2, -8), false, false);
            att.initialize(m, F64, new Shape(4, 3, 2));
            for (NDArray p : GradCheck.parameters(att)) {
                if (p.getShape().dimension() == 3) { // query/key weights and query bias -> 0
                    p.muli(0);
                }
            }
            NDArray u = m.randomNormal(0, 1, new Shape(4, 3, 2), F64);
            ColumnAttention.Result r = att.attend(u);
            double[] a = r.weights().toDoubleArray(); // (3, 1, 4, 4)
            for (int i = 0; i < 4; i++) {
                double z = 0;
                for (int j = 0; j < 4; j++) {
                    z += Math.exp(-d[i][j] * d[i][j] / 8);
                }
                for (int j = 0; j < 4; j++) {
                    assertEquals(Math.exp(-d[i][j] * d[i][j] / 8) / z, a[i * 4 + j], 1e-12);
                }
            }
            // out_i = sum_j A_ij u_j with value = u
            NDArray expected = r.weights().get(0).get(0).matMul(u.get(":, 0, :"));
            assertArrayEquals(expected.toDoubleArray(), r.output().get(":, 0, :").toDoubleArray(), 1e-12);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void denseAttentionPassesGradientCheck(int heads) {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(3);
            DenseColumnAttention att = new DenseColumnAttention(lineDistances(4), 4, 4, heads, new LocalBias(2, -8),
                    true, true);
            att.initialize(m, F64, new Shape(4, 2, 4));
            randomise(att, m);
            NDArray u = m.randomNormal(0, 1, new Shape(4, 2, 4), F64);
            NDArray target = m.randomNormal(0, 1, new Shape(4, 2, 4), F64);
            List<NDArray> inputs = GradCheck.parameters(att);
            inputs.add(u);
            GradCheck.check(inputs, () -> att.attend(u).output().sub(target).square().sum(), 8);
        }
    }

    @Test
    void sparseAttentionPassesGradientCheck() {
        try (NDManager m = NDManager.newBaseManager()) {
            Neighbours table = Neighbours.nearest(Sheets.stackedGrid(1, 3), 3, 1, new Rng(5));
            SparseColumnAttention att = new SparseColumnAttention(table, 4, 4, 2, new LocalBias(2, -8), true, false);
            att.initialize(m, F64, new Shape(9, 2, 4));
            randomise(att, m);
            NDArray u = m.randomNormal(0, 1, new Shape(9, 2, 4), F64);
            NDArray target = m.randomNormal(0, 1, new Shape(9, 2, 4), F64);
            List<NDArray> inputs = GradCheck.parameters(att);
            inputs.add(u);
            GradCheck.check(inputs, () -> att.attend(u).output().sub(target).square().sum(), 8);
        }
    }

    /** With every column as a source, sparse attention is dense attention with the columns listed in another order. */
    @Test
    void sparseAttentionOverAllColumnsEqualsDenseAttention() {
        try (NDManager m = NDManager.newBaseManager()) {
            Sheet sheet = Sheets.stackedGrid(2, 2);
            int n = sheet.size();
            Neighbours all = Neighbours.nearest(sheet, n, 0, new Rng(1));
            LocalBias init = new LocalBias(2, -8);
            DenseColumnAttention dense = new DenseColumnAttention(sheet.distances(), 4, 4, 2, init, true, true);
            SparseColumnAttention sparse = new SparseColumnAttention(all, 4, 4, 2, init, true, true);
            dense.initialize(m, F64, new Shape(n, 3, 4));
            sparse.initialize(m, F64, new Shape(n, 3, 4));
            List<NDArray> dp = GradCheck.parameters(dense);
            List<NDArray> sp = GradCheck.parameters(sparse);
            for (int i = 0; i < dp.size(); i++) {
                if (dp.get(i).getShape().dimension() == 3) {
                    m.randomNormal(0, 0.5f, dp.get(i).getShape(), F64).copyTo(dp.get(i));
                    dp.get(i).copyTo(sp.get(i));
                }
            }
            NDArray u = m.randomNormal(0, 1, new Shape(n, 3, 4), F64);
            ColumnAttention.Result a = dense.attend(u);
            ColumnAttention.Result b = sparse.attend(u);
            // Dense attention keeps its distance table in float32, sparse its in the model's dtype:
            // the biases at birth agree to float rounding.
            assertArrayEquals(a.output().toDoubleArray(), b.output().toDoubleArray(), 1e-6);
            double[] wd = a.weights().toDoubleArray(); // (3, 2, n, n)
            double[] ws = b.weights().toDoubleArray(); // (3, 2, n, n) in table order
            for (int bh = 0; bh < 6; bh++) {
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < n; k++) {
                        int j = all.index()[i][k];
                        assertEquals(wd[(bh * n + i) * n + j], ws[(bh * n + i) * n + k], 1e-6);
                    }
                }
            }
        }
    }

    @Test
    void rewiringResetsOnlyTheReplacedSourcesBias() {
        try (NDManager m = NDManager.newBaseManager()) {
            Sheet sheet = Sheets.stackedGrid(1, 4);
            Neighbours table = Neighbours.nearest(sheet, 5, 0, new Rng(1));
            LocalBias init = new LocalBias(2, -8);
            SparseColumnAttention att = new SparseColumnAttention(table, 2, 2, 1, init, false, false);
            att.initialize(m, DataType.FLOAT32, new Shape(16, 1, 2));
            NDArray bias = GradCheck.parameters(att).stream().filter(p -> p.getShape().dimension() == 2).findFirst().orElseThrow();
            bias.addi(1f); // "learned"
            double[][] mean = new double[16][5];
            for (double[] row : mean) {
                java.util.Arrays.fill(row, 0.2);
                row[3] = 0.01; // weakest non-self source in every row
            }
            Neighbours next = new PruneAndGrow(0.25).apply(table, mean, sheet, new Rng(2));
            att.rewire(next);
            float[] b = bias.toFloatArray();
            for (int i = 0; i < 16; i++) {
                for (int k = 0; k < 5; k++) {
                    float expected = k == 3 ? init.at(next.distance()[i][k]) : init.at(table.distance()[i][k]) + 1f;
                    assertEquals(expected, b[i * 5 + k], 1e-6, "column " + i + " slot " + k);
                }
                assertEquals(sheet.between(i, next.index()[i][3]), next.distance()[i][3], 1e-12);
            }
            assertArrayEquals(new long[] {16, 5}, att.sourceDistances().getShape().getShape());
            assertEquals(next.distance()[7][3], att.sourceDistances().getFloat(7, 3), 1e-5);
        }
    }

    @Test
    void wiringCostWeighsAttentionByNormalisedDistance() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new double[] {1, 0, 0.5, 0.5}, new Shape(1, 1, 2, 2));
            NDArray d = m.create(new double[] {1, 3, 2, 4}, new Shape(2, 2));
            // rows: 1*1 = 1 and 0.5*2 + 0.5*4 = 3 -> mean length 2
            assertEquals(2, WiringCost.length(a, d).getDouble(), 1e-12);
            // p = 2: rows 1 and 0.5*4 + 0.5*16 = 10 -> 5.5; mean D^2 = 7.5; lambda 0.1
            NDArray cost = new WiringCost(0.1, 2).of(a, d, m.create(7.5));
            assertEquals(0.1 * 5.5 / 7.5, cost.getDouble(), 1e-12);
        }
    }

    @Test
    void meanDistancePowerIsExactOnSmallSheetsAndEstimatedOnLargeOnes() {
        Sheet line = Sheet.of("line", new double[][] {{0}, {1}, {3}}, (x, y) -> Math.abs(x[0] - y[0]));
        // pairs: 0,1,3 / 1,0,2 / 3,2,0 -> sum 12 over 9
        assertEquals(12.0 / 9, new WiringCost(0.1, 1).meanPower(line, new Rng(1)), 1e-12);
        Sheet big = Sheets.stackedGrid(1, 64); // 4096^2 pairs > EXACT_PAIRS: sampled
        double exactMean = 0;
        for (int i = 0; i < big.size(); i += 7) {
            for (double x : big.distancesFrom(i)) {
                exactMean += x;
            }
        }
        exactMean /= (double) ((big.size() + 6) / 7) * big.size();
        assertEquals(exactMean, new WiringCost(0.1, 1).meanPower(big, new Rng(3)), 0.01 * exactMean);
    }
}
