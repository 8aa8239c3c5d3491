package dev.topos.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.geometry.Neighbours;
import dev.topos.geometry.Sheet;
import dev.topos.geometry.Sheets;
import dev.topos.util.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Columnformer's untied layers and column attention against hand-computed values, gradients and
 * invariants; in float64 but the initialisation and rewiring tests.
 */
class ColumnLayersTest {
    /** Every parameter of {@code m} drawn from N(0, 0.5^2), so that nothing sits at its initial 0 or 1. */
    private static void randomise(Module m) {
        for (Tensor p : GradCheck.parameters(m)) {
            Tensors.copy(Init.normal(0.5, p.shape()), p);
        }
    }

    @Test
    void untiedLinearIsOneAffineMapPerColumn() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                UntiedLinear lin = new UntiedLinear(3, 2, 4, true);
                randomise(lin);
                Tensor x = Init.normal(1, 3, 5, 2);
                double[] y = Tensors.toDoubles(lin.apply(x));
                Map<String, Tensor> p = lin.parameters();
                assertEquals(List.of("weight", "bias"), List.copyOf(p.keySet()));
                double[] w = Tensors.toDoubles(p.get("weight")); // (3, 4, 2)
                double[] beta = Tensors.toDoubles(p.get("bias")); // (3, 1, 4)
                double[] xs = Tensors.toDoubles(x);
                for (int n = 0; n < 3; n++) {
                    for (int b = 0; b < 5; b++) {
                        for (int o = 0; o < 4; o++) {
                            double expected = beta[n * 4 + o];
                            for (int i = 0; i < 2; i++) {
                                expected += w[(n * 4 + o) * 2 + i] * xs[(n * 5 + b) * 2 + i];
                            }
                            assertEquals(expected, y[(n * 5 + b) * 4 + o], 1e-12,
                                    "column " + n + " image " + b + " out " + o);
                        }
                    }
                }
            }
        });
    }

    @Test
    void untiedWeightsStartAsTruncatedNormalWithZeroBias() {
        try (PointerScope ignored = new PointerScope()) {
            UntiedLinear lin = new UntiedLinear(64, 32, 32, true);
            Tensor w = lin.parameters().get("weight");
            assertTrue(Tensors.item(w.abs().max()) <= 2 * UntiedLinear.INIT_STD + 1e-6, "truncated at 2 std");
            double std = Tensors.item(w.square().mean().sqrt());
            assertEquals(0.88 * UntiedLinear.INIT_STD, std, 0.05 * UntiedLinear.INIT_STD, "std of N(0, s) cut at 2s");
            assertEquals(0, Tensors.item(lin.parameters().get("bias").abs().sum()));
        }
    }

    /** d y[n] / d W[m] = 0 for m != n: the gradient of column n's output reaches only column n's weights. */
    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void columnOutputDependsOnlyOnItsOwnWeights(int column) {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                UntiedLinear fc = new UntiedLinear(4, 3, 5, true);
                UntiedLayerNorm norm = new UntiedLayerNorm(4, 5);
                randomise(fc);
                randomise(norm);
                Tensor x = Init.normal(1, 4, 2, 3);
                List<Tensor> all = new ArrayList<>(GradCheck.parameters(fc));
                all.addAll(GradCheck.parameters(norm));
                norm.apply(fc.apply(x)).select(0, column).square().sum().backward();
                for (Tensor p : all) {
                    Tensor g = p.grad();
                    for (int n = 0; n < 4; n++) {
                        double size = Tensors.item(g.select(0, n).abs().sum());
                        if (n == column) {
                            assertTrue(size > 0, "own weights get a gradient");
                        } else {
                            assertEquals(0, size, "column " + n + " of " + java.util.Arrays.toString(p.shape()));
                        }
                    }
                }
            }
        });
    }

    @Test
    void untiedLayerNormNormalisesChannelsThenAppliesItsColumnsAffine() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                UntiedLayerNorm norm = new UntiedLayerNorm(2, 2);
                Map<String, Tensor> p = norm.parameters();
                Tensors.copy(Tensors.doubles(new double[] {1, 1, 2, 3}, 2, 1, 2), p.get("gamma"));
                Tensors.copy(Tensors.doubles(new double[] {0, 0, 10, 20}, 2, 1, 2), p.get("beta"));
                Tensor x = Tensors.doubles(new double[] {1, 3, 5, 9}, 2, 1, 2);
                // each row (a, b) normalises to (-1, 1) up to eps: var = ((b - a) / 2)^2
                double s0 = 1 / Math.sqrt(1 + 1e-5);
                double s1 = 2 / Math.sqrt(4 + 1e-5);
                assertArrayEquals(new double[] {-s0, s0, 10 - 2 * s1, 20 + 3 * s1}, Tensors.toDoubles(norm.apply(x)),
                        1e-6);
            }
        });
    }

    @Test
    void untiedLayersPassGradientChecks() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                UntiedLinear fc = new UntiedLinear(3, 4, 2, true);
                UntiedLayerNorm norm = new UntiedLayerNorm(3, 4);
                randomise(fc);
                randomise(norm);
                Tensor x = Init.normal(1, 3, 2, 4);
                Tensor target = Init.normal(1, 3, 2, 2);
                List<Tensor> inputs = new ArrayList<>(GradCheck.parameters(fc));
                inputs.addAll(GradCheck.parameters(norm));
                inputs.add(x);
                GradCheck.check(inputs, () -> fc.apply(norm.apply(x)).sub(target).square().sum(), 10);
            }
        });
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
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                assertArrayEquals(new double[] {0, -0.5, -4.5, -8},
                        Tensors.toDoubles(b.at(Tensors.doubles(new double[] {0, 2, 6, 100}, 2, 2))), 1e-12);
            }
        });
        assertThrows(IllegalArgumentException.class, () -> new LocalBias(0, -8));
    }

    @Test
    void atBirthWithoutQueriesAttentionIsTheSoftmaxOfTheLocalBias() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                double[][] d = lineDistances(4);
                DenseColumnAttention att = new DenseColumnAttention(d, 2, 2, 1, new LocalBias(2, -8), false, false);
                assertEquals(List.of("local_bias", "query.weight", "query.bias", "key.weight"),
                        List.copyOf(att.parameters().keySet()));
                att.parameters().forEach((name, p) -> {
                    if (!name.equals("local_bias")) { // query/key weights and query bias -> 0
                        Tensors.zero(p);
                    }
                });
                Tensor u = Init.normal(1, 4, 3, 2);
                ColumnAttention.Result r = att.attend(u);
                double[] a = Tensors.toDoubles(r.weights()); // (3, 1, 4, 4)
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
                Tensor expected = r.weights().select(0, 0).select(0, 0).matmul(u.select(1, 0));
                assertArrayEquals(Tensors.toDoubles(expected), Tensors.toDoubles(r.output().select(1, 0)), 1e-12);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void denseAttentionPassesGradientCheck(int heads) {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Engine.seed(3);
                DenseColumnAttention att = new DenseColumnAttention(lineDistances(4), 4, 4, heads,
                        new LocalBias(2, -8), true, true);
                randomise(att);
                Tensor u = Init.normal(1, 4, 2, 4);
                Tensor target = Init.normal(1, 4, 2, 4);
                List<Tensor> inputs = GradCheck.parameters(att);
                inputs.add(u);
                GradCheck.check(inputs, () -> att.attend(u).output().sub(target).square().sum(), 8);
            }
        });
    }

    @Test
    void sparseAttentionPassesGradientCheck() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Engine.seed(4);
                Neighbours table = Neighbours.nearest(Sheets.stackedGrid(1, 3), 3, 1, new Rng(5));
                SparseColumnAttention att = new SparseColumnAttention(table, 4, 4, 2, new LocalBias(2, -8), true,
                        false);
                randomise(att);
                Tensor u = Init.normal(1, 9, 2, 4);
                Tensor target = Init.normal(1, 9, 2, 4);
                List<Tensor> inputs = GradCheck.parameters(att);
                inputs.add(u);
                GradCheck.check(inputs, () -> att.attend(u).output().sub(target).square().sum(), 8);
            }
        });
    }

    /** With every column as a source, sparse attention is dense attention with the columns listed in another order. */
    @Test
    void sparseAttentionOverAllColumnsEqualsDenseAttention() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Sheet sheet = Sheets.stackedGrid(2, 2);
                int n = sheet.size();
                Neighbours all = Neighbours.nearest(sheet, n, 0, new Rng(1));
                LocalBias init = new LocalBias(2, -8);
                DenseColumnAttention dense = new DenseColumnAttention(sheet.distances(), 4, 4, 2, init, true, true);
                SparseColumnAttention sparse = new SparseColumnAttention(all, 4, 4, 2, init, true, true);
                Map<String, Tensor> dp = dense.parameters();
                Map<String, Tensor> sp = sparse.parameters();
                assertEquals(dp.keySet(), sp.keySet());
                for (String name : dp.keySet()) {
                    if (!name.equals("local_bias")) { // the biases differ in layout: (N, N) and (N, K)
                        Tensors.copy(Init.normal(0.5, dp.get(name).shape()), dp.get(name));
                        Tensors.copy(dp.get(name), sp.get(name));
                    }
                }
                Tensor u = Init.normal(1, n, 3, 4);
                ColumnAttention.Result a = dense.attend(u);
                ColumnAttention.Result b = sparse.attend(u);
                assertArrayEquals(Tensors.toDoubles(a.output()), Tensors.toDoubles(b.output()), 1e-10);
                double[] wd = Tensors.toDoubles(a.weights()); // (3, 2, n, n)
                double[] ws = Tensors.toDoubles(b.weights()); // (3, 2, n, n) in table order
                for (int bh = 0; bh < 6; bh++) {
                    for (int i = 0; i < n; i++) {
                        for (int k = 0; k < n; k++) {
                            int j = all.index()[i][k];
                            assertEquals(wd[(bh * n + i) * n + j], ws[(bh * n + i) * n + k], 1e-10);
                        }
                    }
                }
            }
        });
    }

    @Test
    void rewiringResetsOnlyTheReplacedSourcesBias() {
        try (PointerScope ignored = new PointerScope()) {
            Sheet sheet = Sheets.stackedGrid(1, 4);
            Neighbours table = Neighbours.nearest(sheet, 5, 0, new Rng(1));
            LocalBias init = new LocalBias(2, -8);
            SparseColumnAttention att = new SparseColumnAttention(table, 2, 2, 1, init, false, false);
            Tensor bias = att.parameters().get("local_bias");
            Tensors.copy(Tensors.add(bias, 1), bias); // "learned"
            double[][] mean = new double[16][5];
            for (double[] row : mean) {
                java.util.Arrays.fill(row, 0.2);
                row[3] = 0.01; // weakest non-self source in every row
            }
            Neighbours next = new PruneAndGrow(0.25).apply(table, mean, sheet, new Rng(2));
            att.rewire(next);
            float[] b = Tensors.toFloats(bias);
            for (int i = 0; i < 16; i++) {
                for (int k = 0; k < 5; k++) {
                    float expected = k == 3 ? init.at(next.distance()[i][k]) : init.at(table.distance()[i][k]) + 1f;
                    assertEquals(expected, b[i * 5 + k], 1e-6, "column " + i + " slot " + k);
                }
                assertEquals(sheet.between(i, next.index()[i][3]), next.distance()[i][3], 1e-12);
            }
            assertArrayEquals(new long[] {16, 5}, att.sourceDistances().shape());
            assertEquals(next.distance()[7][3], Tensors.item(att.sourceDistances().select(0, 7).select(0, 3)), 1e-5);
        }
    }

    /** After rewiring, column i reads its new sources: the output is that of a fresh attention over the new table. */
    @Test
    void aRewiredAttentionReadsItsNewSources() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Sheet sheet = Sheets.stackedGrid(1, 4);
                Neighbours table = Neighbours.nearest(sheet, 5, 0, new Rng(1));
                LocalBias init = new LocalBias(2, -8);
                SparseColumnAttention att = new SparseColumnAttention(table, 2, 2, 1, init, false, false);
                double[][] mean = new double[16][5];
                for (double[] row : mean) {
                    java.util.Arrays.fill(row, 0.2);
                    row[2] = 0.01;
                }
                Neighbours next = new PruneAndGrow(0.25).apply(table, mean, sheet, new Rng(2));
                SparseColumnAttention fresh = new SparseColumnAttention(next, 2, 2, 1, init, false, false);
                for (String name : att.parameters().keySet()) {
                    if (!name.equals("local_bias")) {
                        Tensors.copy(Init.normal(0.5, att.parameters().get(name).shape()), att.parameters().get(name));
                        Tensors.copy(att.parameters().get(name), fresh.parameters().get(name));
                    }
                }
                att.rewire(next);
                // the kept slots' biases are still their birth values, as all of fresh's are
                Tensor u = Init.normal(1, 16, 3, 2);
                assertArrayEquals(Tensors.toDoubles(fresh.attend(u).output()), Tensors.toDoubles(att.attend(u).output()),
                        1e-6);
            }
        });
    }

    @Test
    void wiringCostWeighsAttentionByNormalisedDistance() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Tensor a = Tensors.doubles(new double[] {1, 0, 0.5, 0.5}, 1, 1, 2, 2);
                Tensor d = Tensors.doubles(new double[] {1, 3, 2, 4}, 2, 2);
                // rows: 1*1 = 1 and 0.5*2 + 0.5*4 = 3 -> mean length 2
                assertEquals(2, Tensors.item(WiringCost.length(a, d)), 1e-12);
                // p = 2: rows 1 and 0.5*4 + 0.5*16 = 10 -> 5.5; mean D^2 = 7.5; lambda 0.1
                Tensor cost = new WiringCost(0.1, 2).of(a, d, Tensors.scalar(7.5));
                assertEquals(0.1 * 5.5 / 7.5, Tensors.item(cost), 1e-12);
            }
        });
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
