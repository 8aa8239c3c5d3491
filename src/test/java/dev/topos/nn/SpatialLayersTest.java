package dev.topos.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.topos.geometry.Mask;
import dev.topos.geometry.Masks;
import dev.topos.geometry.Sheets;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.Test;

/**
 * Spatial querying and spatial reweighting against small cases computed by hand, and their
 * gradients against finite differences; all in float64 but the initialisation test.
 */
class SpatialLayersTest {
    /**
     * A 2 x 2 torus with r = 0.3: rho = sqrt(0.3 / pi) = 0.309; neighbours are 0.5 apart, so every
     * field holds only the unit itself: M = I, ||M||_F = 2, and Q~ = Q / 2.
     */
    @Test
    void spatialQueryingWithIdentityFieldHalvesQueries() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Mask mask = Masks.circular(Sheets.grid(2, true), 0.3);
                SpatialQuerying sq = new SpatialQuerying(mask, false);
                Tensor q = Tensors.doubles(new double[] {1, 2, 3, 4, -1, 0, 5, 2}, 2, 4);
                assertArrayEquals(new double[] {0.5, 1, 1.5, 2, -0.5, 0, 2.5, 1}, Tensors.toDoubles(sq.pool(q)), 1e-12);
            }
        });
    }

    /**
     * A 3 x 3 torus with r = 0.5: rho = sqrt(0.5 / pi) = 0.399; the four axis neighbours are 1/3
     * away, the diagonals 0.471: each field is the unit and its 4 neighbours, ||M||_F = sqrt(45).
     * For Q = e_0 (only unit 0 active), Q~[n] = M[0][n] / sqrt(45): 1/sqrt(45) at units 0, 1, 2
     * (row neighbours on the torus), 3 and 6 (column neighbours), 0 elsewhere.
     */
    @Test
    void spatialQueryingPoolsTheQueriesAroundEachUnit() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Mask mask = Masks.circular(Sheets.grid(3, true), 0.5);
                SpatialQuerying sq = new SpatialQuerying(mask, false);
                Tensor q = Tensors.doubles(new double[] {1, 0, 0, 0, 0, 0, 0, 0, 0}, 1, 9);
                double c = 1 / Math.sqrt(45);
                assertArrayEquals(new double[] {c, c, c, c, 0, 0, c, 0, 0}, Tensors.toDoubles(sq.pool(q)), 1e-12);
                assertEquals(0, sq.parameterCount(), "the mask is a constant, not a parameter");
            }
        });
    }

    /**
     * The same 3 x 3 field; W[o][i] = o - i, b = 1. W~[o][i] = |o - i| where i's field holds o.
     * For X = e_4 (input unit 4, the centre), Y[o] = W~[o][4] + 1 = |o - 4| + 1 for o in
     * field(4) = {1, 3, 4, 5, 7}, and 1 elsewhere: Y = [1, 4, 1, 2, 1, 2, 1, 4, 1].
     */
    @Test
    void spatialReweightingIsNonNegativeAndLocal() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Mask mask = Masks.circular(Sheets.grid(3, true), 0.5);
                SpatialReweighting sr = new SpatialReweighting(mask);
                double[] w = new double[81];
                for (int o = 0; o < 9; o++) {
                    for (int i = 0; i < 9; i++) {
                        w[o * 9 + i] = o - i;
                    }
                }
                Map<String, Tensor> p = sr.parameters();
                Tensors.copy(Tensors.doubles(w, 9, 9), p.get("weight"));
                Tensors.copy(Tensors.ones(9), p.get("bias"));
                Tensor x = Tensors.doubles(new double[] {0, 0, 0, 0, 1, 0, 0, 0, 0}, 1, 9);
                assertArrayEquals(new double[] {1, 4, 1, 2, 1, 2, 1, 4, 1}, Tensors.toDoubles(sr.apply(x)), 1e-12);
            }
        });
    }

    /** Reference init: W = 10 |U(-1/sqrt(N), 1/sqrt(N))|, so 0 &lt;= W &lt;= 10 / sqrt(N), mean 5 / sqrt(N). */
    @Test
    void spatialReweightingStartsNonNegativeAtTenTimesTheDefaultScale() {
        try (PointerScope ignored = new PointerScope()) {
            Engine.seed(3);
            SpatialReweighting sr = new SpatialReweighting(Masks.circular(Sheets.grid(20, true), 0.3));
            Tensor w = sr.parameters().get("weight");
            assertEquals(0, Tensors.item(w.min()), 1e-3);
            assertEquals(10 / 20.0, Tensors.item(w.max()), 1e-3);
            assertEquals(5 / 20.0, Tensors.item(w.mean()), 5e-3);
        }
    }

    @Test
    void learnedSpatialQueryingGradients() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Engine.seed(5);
                SpatialQuerying sq = new SpatialQuerying(Masks.circular(Sheets.grid(3, true), 0.5), true);
                Tensor q = Init.normal(1, 2, 3, 9);
                Tensor target = Init.normal(1, 2, 3, 9);
                List<Tensor> inputs = GradCheck.parameters(sq);
                inputs.add(q);
                GradCheck.check(inputs, () -> sq.pool(q).sub(target).square().sum(), 12);
            }
        });
    }

    @Test
    void spatialReweightingGradients() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Engine.seed(6);
                SpatialReweighting sr = new SpatialReweighting(
                        Masks.gaussian(Sheets.grid(3, true), 0.3, new dev.topos.util.Rng(2)));
                Tensor x = Init.normal(1, 4, 9);
                Tensor target = Init.normal(1, 4, 9);
                List<Tensor> inputs = GradCheck.parameters(sr);
                inputs.add(x);
                GradCheck.check(inputs, () -> sr.apply(x).sub(target).square().sum(), 20);
            }
        });
    }

    /**
     * Training folds M^ into the query projection: (X W^T + b) M^ = X (M^T W)^T + M^T b, so the
     * pooled queries and the attention output equal the unfolded (evaluation) path's to float64
     * rounding, the training result carries no unpooled Q, and gradients through the fold check.
     */
    @Test
    void foldingSpatialQueryingIntoTheQueryWeightsChangesNothing() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Engine.seed(11);
                Mask field = Masks.circular(Sheets.grid(3, true), 0.5);
                Dense query = new Dense(9, 9, true);
                SpatialQuerying sq = new SpatialQuerying(field, true);
                Tensor x = Init.normal(1, 2, 4, 9);
                assertArrayEquals(Tensors.toDoubles(sq.pool(query.apply(x))),
                        Tensors.toDoubles(query.applyThen(x, sq.matrix())), 1e-12);
                TopographicAttention att = new TopographicAttention(9, query, new Dense(9, 9, true),
                        new Dense(9, 9, false), sq, new SpatialReweighting(field), 0);
                Tensor real = Tensors.doubles(new double[] {1, 1, 1, 0, 1, 1, 1, 1}, 2, 4);
                TopographicAttention.Result folded = att.attend(x, real, true);
                assertNull(folded.query());
                assertArrayEquals(Tensors.toDoubles(att.attend(x, real, false).output()),
                        Tensors.toDoubles(folded.output()), 1e-12);
                Tensor target = Init.normal(1, 2, 4, 9);
                List<Tensor> inputs = GradCheck.parameters(att);
                inputs.add(x);
                GradCheck.check(inputs, () -> att.attend(x, real, true).output().sub(target).square().sum(), 8);
            }
        });
    }

    /** The whole attention (dense Q, K, V; SQ; SR output) with a padded key, in float64. */
    @Test
    void topographicAttentionGradients() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Engine.seed(7);
                Mask field = Masks.circular(Sheets.grid(3, true), 0.5);
                TopographicAttention att = new TopographicAttention(9, new Dense(9, 9, true), new Dense(9, 9, true),
                        new Dense(9, 9, false), new SpatialQuerying(field, true), new SpatialReweighting(field), 0);
                Tensor x = Init.normal(1, 2, 4, 9);
                Tensor real = Tensors.doubles(new double[] {1, 1, 1, 0, 1, 1, 1, 1}, 2, 4);
                Tensor target = Init.normal(1, 2, 4, 9);
                List<Tensor> inputs = GradCheck.parameters(att);
                inputs.add(x);
                GradCheck.check(inputs, () -> att.attend(x, real, false).output().sub(target).square().sum(), 8);
            }
        });
    }

    /**
     * Attention written out by hand for one sequence of 2 tokens plus a pad, with identity-like
     * projections: Q~ = Q M^ with M = I (N = 4, ||M||_F = 2), scores Q~ K^T / 2.
     */
    @Test
    void attentionIgnoresPaddingKeys() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Engine.seed(8);
                Mask field = Masks.circular(Sheets.grid(2, true), 0.3);
                TopographicAttention att = new TopographicAttention(4, new Dense(4, 4, false), new Dense(4, 4, false),
                        new Dense(4, 4, false), new SpatialQuerying(field, false), new Dense(4, 4, false), 0);
                for (Tensor p : att.parameters().values()) {
                    Tensors.copy(torch.eye(4, Tensors.options(ScalarType.Double)), p);
                }
                double[] tokens = {1, 0, 0, 0, 0, 2, 0, 0, 9, 9, 9, 9};
                Tensor x = Tensors.doubles(tokens, 1, 3, 4);
                Tensor real = Tensors.doubles(new double[] {1, 1, 0}, 1, 3);
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
                assertArrayEquals(expected, Tensors.toDoubles(r.output()), 1e-12);
                assertEquals(0, Tensors.item(r.weights().select(2, 2).abs().max()), 1e-300);
            }
        });
    }

    private static double dot(double[] x, int a, int b) {
        double s = 0;
        for (int u = 0; u < 4; u++) {
            s += x[a * 4 + u] * x[b * 4 + u];
        }
        return s;
    }
}
