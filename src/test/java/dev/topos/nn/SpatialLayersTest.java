package dev.topos.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.topos.geometry.Mask;
import dev.topos.geometry.Masks;
import dev.topos.geometry.Sheets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Spatial querying and spatial reweighting against small cases computed by hand, and their
 * gradients against finite differences.
 */
class SpatialLayersTest {
    private static final DataType F64 = DataType.FLOAT64;

    /**
     * A 2 x 2 torus with r = 0.3: rho = sqrt(0.3 / pi) = 0.309; neighbours are 0.5 apart, so every
     * field holds only the unit itself: M = I, ||M||_F = 2, and Q~ = Q / 2.
     */
    @Test
    void spatialQueryingWithIdentityFieldHalvesQueries() {
        try (NDManager m = NDManager.newBaseManager()) {
            Mask mask = Masks.circular(Sheets.grid(2, true), 0.3);
            SpatialQuerying sq = new SpatialQuerying(mask, false);
            sq.initialize(m, F64, new Shape(1, 4));
            NDArray q = m.create(new double[] {1, 2, 3, 4, -1, 0, 5, 2}, new Shape(2, 4));
            assertArrayEquals(new double[] {0.5, 1, 1.5, 2, -0.5, 0, 2.5, 1}, sq.pool(q).toDoubleArray(), 1e-12);
        }
    }

    /**
     * A 3 x 3 torus with r = 0.5: rho = sqrt(0.5 / pi) = 0.399; the four axis neighbours are 1/3
     * away, the diagonals 0.471: each field is the unit and its 4 neighbours, ||M||_F = sqrt(45).
     * For Q = e_0 (only unit 0 active), Q~[n] = M[0][n] / sqrt(45): 1/sqrt(45) at units 0, 1, 2
     * (row neighbours on the torus), 3 and 6 (column neighbours), 0 elsewhere.
     */
    @Test
    void spatialQueryingPoolsTheQueriesAroundEachUnit() {
        try (NDManager m = NDManager.newBaseManager()) {
            Mask mask = Masks.circular(Sheets.grid(3, true), 0.5);
            SpatialQuerying sq = new SpatialQuerying(mask, false);
            sq.initialize(m, F64, new Shape(1, 9));
            NDArray q = m.create(new double[] {1, 0, 0, 0, 0, 0, 0, 0, 0}, new Shape(1, 9));
            double c = 1 / Math.sqrt(45);
            assertArrayEquals(new double[] {c, c, c, c, 0, 0, c, 0, 0}, sq.pool(q).toDoubleArray(), 1e-12);
        }
    }

    /**
     * The same 3 x 3 field; W[o][i] = o - i, b = 1. W~[o][i] = |o - i| where i's field holds o.
     * For X = e_4 (input unit 4, the centre), Y[o] = W~[o][4] + 1 = |o - 4| + 1 for o in
     * field(4) = {1, 3, 4, 5, 7}, and 1 elsewhere: Y = [1, 4, 1, 2, 1, 2, 1, 4, 1].
     */
    @Test
    void spatialReweightingIsNonNegativeAndLocal() {
        try (NDManager m = NDManager.newBaseManager()) {
            Mask mask = Masks.circular(Sheets.grid(3, true), 0.5);
            SpatialReweighting sr = new SpatialReweighting(mask);
            sr.initialize(m, F64, new Shape(1, 9));
            double[] w = new double[81];
            for (int o = 0; o < 9; o++) {
                for (int i = 0; i < 9; i++) {
                    w[o * 9 + i] = o - i;
                }
            }
            Map<String, Parameter> p = NamedParameters.of(sr);
            m.create(w, new Shape(9, 9)).copyTo(p.get("weight").getArray());
            m.ones(new Shape(9), F64).copyTo(p.get("bias").getArray());
            NDArray x = m.create(new double[] {0, 0, 0, 0, 1, 0, 0, 0, 0}, new Shape(1, 9));
            assertArrayEquals(new double[] {1, 4, 1, 2, 1, 2, 1, 4, 1}, sr.apply(x).toDoubleArray(), 1e-12);
        }
    }

    /** Reference init: W = 10 |U(-1/sqrt(N), 1/sqrt(N))|, so 0 &lt;= W &lt;= 10 / sqrt(N), mean 5 / sqrt(N). */
    @Test
    void spatialReweightingStartsNonNegativeAtTenTimesTheDefaultScale() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(3);
            SpatialReweighting sr = new SpatialReweighting(Masks.circular(Sheets.grid(20, true), 0.3));
            sr.initialize(m, DataType.FLOAT32, new Shape(1, 400));
            NDArray w = NamedParameters.of(sr).get("weight").getArray();
            assertEquals(0, w.min().getFloat(), 1e-3);
            assertEquals(10 / 20.0, w.max().getFloat(), 1e-3);
            assertEquals(5 / 20.0, w.mean().getFloat(), 5e-3);
        }
    }

    @Test
    void learnedSpatialQueryingGradients() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(5);
            SpatialQuerying sq = new SpatialQuerying(Masks.circular(Sheets.grid(3, true), 0.5), true);
            sq.initialize(m, F64, new Shape(1, 9));
            NDArray q = m.randomNormal(0, 1, new Shape(2, 3, 9), F64);
            NDArray target = m.randomNormal(0, 1, new Shape(2, 3, 9), F64);
            List<NDArray> inputs = params(sq);
            inputs.add(q);
            GradCheck.check(inputs, () -> sq.pool(q).sub(target).square().sum(), 12);
        }
    }

    @Test
    void spatialReweightingGradients() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(6);
            SpatialReweighting sr = new SpatialReweighting(Masks.gaussian(Sheets.grid(3, true), 0.3, new dev.topos.util.Rng(2)));
            sr.initialize(m, F64, new Shape(1, 9));
            NDArray x = m.randomNormal(0, 1, new Shape(4, 9), F64);
            NDArray target = m.randomNormal(0, 1, new Shape(4, 9), F64);
            List<NDArray> inputs = params(sr);
            inputs.add(x);
            GradCheck.check(inputs, () -> sr.apply(x).sub(target).square().sum(), 20);
        }
    }

    /** The whole attention (dense Q, K, V; SQ; SR output) with a padded key, in float64. */
    @Test
    void topographicAttentionGradients() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(7);
            Mask field = Masks.circular(Sheets.grid(3, true), 0.5);
            TopographicAttention att = new TopographicAttention(9, new Dense(9, 9, true), new Dense(9, 9, true),
                    new Dense(9, 9, false), new SpatialQuerying(field, true), new SpatialReweighting(field), 0f);
            att.initialize(m, F64, new Shape(1, 4, 9), new Shape(1, 4));
            NDArray x = m.randomNormal(0, 1, new Shape(2, 4, 9), F64);
            NDArray real = m.create(new double[] {1, 1, 1, 0, 1, 1, 1, 1}, new Shape(2, 4));
            NDArray target = m.randomNormal(0, 1, new Shape(2, 4, 9), F64);
            List<NDArray> inputs = params(att);
            inputs.add(x);
            GradCheck.check(inputs, () -> att.attend(x, real, false).output().sub(target).square().sum(), 8);
        }
    }

    /**
     * Attention written out by hand for one sequence of 2 tokens plus a pad, with identity-like
     * projections: Q~ = Q M^ with M = I (N = 4, ||M||_F = 2), scores Q~ K^T / 2.
     */
    @Test
    void attentionIgnoresPaddingKeys() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(8);
            Mask field = Masks.circular(Sheets.grid(2, true), 0.3);
            TopographicAttention att = new TopographicAttention(4, new Dense(4, 4, false), new Dense(4, 4, false),
                    new Dense(4, 4, false), new SpatialQuerying(field, false), new Dense(4, 4, false), 0f);
            att.initialize(m, F64, new Shape(1, 3, 4), new Shape(1, 3));
            for (Parameter p : NamedParameters.of(att).values()) {
                m.eye(4).toType(F64, false).copyTo(p.getArray());
            }
            double[] tokens = {1, 0, 0, 0, 0, 2, 0, 0, 9, 9, 9, 9};
            NDArray x = m.create(tokens, new Shape(1, 3, 4));
            NDArray real = m.create(new double[] {1, 1, 0}, new Shape(1, 3));
            TopographicAttention.Result r = att.attend(x, real, false);
            // Row t: scores s_tj = (x_t / 2) . x_j / 2 over real j in {0, 1}.
            double[] expected = new double[12];
            for (int t = 0; t < 3; t++) {
                double s0 = dot(tokens, t, 0) / 4;
                double s1 = dot(tokens, t, 1) / 4;
                double z = Math.exp(s0) + Math.exp(s1);
                for (int u = 0; u < 4; u++) {
                    expected[t * 4 + u] = (Math.exp(s0) * tokens[u] + Math.exp(s1) * tokens[4 + u]) / z;
                }
            }
            assertArrayEquals(expected, r.output().toDoubleArray(), 1e-12);
            assertEquals(0, r.weights().get(":, :, 2").abs().max().getDouble(), 1e-300);
        }
    }

    private static double dot(double[] x, int a, int b) {
        double s = 0;
        for (int u = 0; u < 4; u++) {
            s += x[a * 4 + u] * x[b * 4 + u];
        }
        return s;
    }

    private static List<NDArray> params(ai.djl.nn.Block b) {
        List<NDArray> out = new ArrayList<>();
        for (Parameter p : NamedParameters.of(b).values()) {
            out.add(p.getArray());
        }
        return out;
    }
}
