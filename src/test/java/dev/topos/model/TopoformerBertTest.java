package dev.topos.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.config.ConfigException;
import dev.topos.nn.Dense;
import dev.topos.nn.Engine;
import dev.topos.nn.GradCheck;
import dev.topos.nn.Init;
import dev.topos.nn.MixedPrecisionTest;
import dev.topos.nn.Module;
import dev.topos.nn.SpatialQuerying;
import dev.topos.nn.SpatialReweighting;
import dev.topos.nn.Tensors;
import dev.topos.util.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

class TopoformerBertTest {
    private static final int V = 50;
    private static final int N = 16;

    /** 2 layers on a 4 x 4 sheet, F = 8, vocabulary 50, 8 tokens, sq = sr = 0.3, no dropout. */
    private static TopoformerBertConfig topographic() {
        return new TopoformerBertConfig(2, 4, 8, V, 8, 0.3, 0.3, "circular", "topographic", false, true, 1e-12,
                0.0, 0.0);
    }

    private static TopoformerBert model(TopoformerBertConfig cfg) {
        Engine.seed(7);
        return new TopoformerBert(cfg, new Rng(1));
    }

    private static Tensor ids(long... ids) {
        return Tensors.longs(ids, 1, ids.length);
    }

    private static Module attention(TopoformerBert m, int layer) {
        return m.layers().get(layer).children().get("attention");
    }

    @Test
    void shapes() {
        try (PointerScope ignored = new PointerScope()) {
            TopoformerBert m = model(topographic());
            Tensor ids = Tensors.longs(new long[] {3, 7, 12, 2, 9, 4, 1, 8, 0, 0}, 2, 5);
            TopoformerBert.Output out = m.forward(ids, Tensors.ones(2, 5), false);
            assertArrayEquals(new long[] {2, 5, V}, out.logits().shape());
            assertEquals(2, out.layers().size());
            for (Map<String, Tensor> layer : out.layers()) {
                assertEquals(TopoformerBert.LAYERS, List.copyOf(layer.keySet()));
                for (Tensor t : layer.values()) {
                    assertArrayEquals(new long[] {2, 5, N}, t.shape());
                }
            }
            assertArrayEquals(new long[] {2, 5, 5}, out.weights().get(1).shape());
            assertThrows(IllegalArgumentException.class,
                    () -> m.forward(Tensors.zeros(1, 9).toType(org.bytedeco.pytorch.global.torch.ScalarType.Long),
                            Tensors.ones(1, 9), false), "longer than length");
        }
    }

    /**
     * E is counted once and all three variants have the same parameters under the same names:
     * no decoder bias, E 50 x 16, position scale 1, embedding norm 32; per layer norms 2 x 32, Q K V
     * 3 x 256 (no bias), output 256 + 16, GELU-GLU 16 x 16 + 16 x 8; final norm 32, head 256, head
     * norm 32.
     */
    @Test
    void parameterCountCountsTheTiedMatrixOnceAndControlsMatch() {
        try (PointerScope ignored = new PointerScope()) {
            TopoformerBert topo = model(topographic());
            long perLayer = 64 + 768 + 272 + 256 + 128;
            assertEquals(800 + 1 + 32 + 2 * perLayer + 32 + 256 + 32, topo.parameterCount());
            assertEquals(1, topo.parameters().keySet().stream().filter(k -> k.startsWith("embed.")).count());
            for (TopoformerBertConfig c : List.of(topographic().literal(), topographic().dense())) {
                TopoformerBert control = model(c);
                assertEquals(topo.parameters().keySet(), control.parameters().keySet(), c.control());
                assertEquals(topo.parameterCount(), control.parameterCount(), c.control());
            }
        }
    }

    /** The decoder weight is the input table: a step on an output logit moves that token's lookup. */
    @Test
    void decoderIsTiedToTheInputEmbeddings() {
        try (PointerScope ignored = new PointerScope()) {
            TopoformerBert m = model(topographic());
            Tensor e = m.parameters().get("embed.weight");
            assertSame(m.embeddings().weight(), e);
            Tensor probe = ids(5, 6);
            float[] before = Tensors.toFloats(m.embeddings().lookup(probe));
            // the logit of token 5 read off at a position where token 9 sits; only the decoder reaches E[5]
            m.forward(ids(9, 3), Tensors.ones(1, 2), false).logits().select(2, 5).sum().backward();
            Tensors.copy(e.sub(e.grad()), e);
            float[] after = Tensors.toFloats(m.embeddings().lookup(probe));
            double moved = 0;
            double kept = 0;
            for (int j = 0; j < N; j++) {
                moved += Math.abs(after[j] - before[j]);
                kept += Math.abs(after[N + j] - before[N + j]);
            }
            assertTrue(moved > 1e-3, "E[5] moved by " + moved);
            assertEquals(0, kept, 0, "E[6], in neither input nor output, kept");
        }
    }

    /** Pre-LN: with every parameter of a layer zero, both branches give 0 and the layer is the identity. */
    @Test
    void zeroedLayerIsTheIdentity() {
        try (PointerScope ignored = new PointerScope()) {
            for (TopoformerBertConfig c : List.of(topographic(), topographic().literal(), topographic().dense())) {
                TopoformerBert m = model(c);
                TopoformerBertLayer layer = m.layers().get(0);
                Tensor x = Init.normal(1, 1, 4, N);
                Tensor real = Tensors.ones(1, 4);
                float[] y = Tensors.toFloats(layer.forward(x, real, false).output());
                assertFalse(max(x, y) < 1e-3, c.control() + ": a random layer is not the identity");
                for (Tensor p : layer.parameters().values()) {
                    Tensors.zero(p);
                }
                y = Tensors.toFloats(layer.forward(x, real, false).output());
                assertArrayEquals(Tensors.toFloats(x), y, 0f, c.control());
            }
        }
    }

    private static double max(Tensor x, float[] y) {
        float[] a = Tensors.toFloats(x);
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - y[i]));
        }
        return d;
    }

    /** Padding keys are masked: what sits in padded slots, or how many there are, never reaches a real token. */
    @Test
    void paddingIsNeverRead() {
        try (PointerScope ignored = new PointerScope()) {
            for (TopoformerBertConfig c : List.of(topographic(), topographic().literal(), topographic().dense())) {
                TopoformerBert m = model(c);
                Tensor real = Tensors.floats(new float[] {1, 1, 1, 0, 0}, 1, 5);
                Tensor a = m.forward(ids(3, 7, 2, 0, 0), real, false).logits().narrow(1, 0, 3);
                Tensor b = m.forward(ids(3, 7, 2, 25, 9), real, false).logits().narrow(1, 0, 3);
                Tensor d = m.forward(ids(3, 7, 2), Tensors.ones(1, 3), false).logits();
                assertArrayEquals(Tensors.toFloats(a), Tensors.toFloats(b), 1e-5f, c.control());
                assertArrayEquals(Tensors.toFloats(a), Tensors.toFloats(d), 1e-5f, c.control());
            }
        }
    }

    /**
     * The literal control pools every query unit to the same value (M^ = 1 1^T / N), so the scores
     * s[t, u] = c_t k_u are rank one: log A[t, u] - log A[t, 0] = c_t (k_u - k_0), whose 2 x 2
     * minors vanish. Its output weights |W (.) M^T| are non-negative and dense.
     */
    @Test
    void literalControlPoolsQueriesGloballyAndHasRankOneScores() {
        try (PointerScope ignored = new PointerScope()) {
            TopoformerBert m = model(topographic().literal());
            TopoformerBert.Output out = m.forward(ids(3, 7, 12, 2, 9, 4), Tensors.ones(1, 6), false);
            for (int l = 0; l < 2; l++) {
                Module att = attention(m, l);
                Tensor q = out.layers().get(l).get("query");
                double[][] pooled = Tensors.toDoubleRows(((SpatialQuerying) att.children().get("spatial_querying"))
                        .pool(q).select(0, 0));
                for (double[] row : pooled) {
                    for (double v : row) {
                        assertEquals(row[0], v, 1e-6, "every query unit is the same pooled value");
                    }
                }
                double[][] logA = Tensors.toDoubleRows(out.weights().get(l).log().select(0, 0));
                double[] worst = minors(logA);
                assertTrue(worst[0] < 1e-4 * worst[1], "rank-one scores: largest minor " + worst[0]
                        + " against products up to " + worst[1]);
                assertTrue(worst[1] > 1e-4, "the scores vary: products up to " + worst[1]);
                float[] w = Tensors.toFloats(((SpatialReweighting) att.children().get("output")).effectiveWeight());
                for (float v : w) {
                    assertTrue(v > 0, "full mask: every output weight is positive");
                }
            }
            // the topographic model's scores are not rank one
            TopoformerBert topo = model(topographic());
            double[][] logA = Tensors.toDoubleRows(topo.forward(ids(3, 7, 12, 2, 9, 4), Tensors.ones(1, 6), false)
                    .weights().get(0).log().select(0, 0));
            double[] worst = minors(logA);
            assertTrue(worst[0] > 1e-2 * worst[1], "topographic: largest minor " + worst[0] + " against products up to "
                    + worst[1]);
        }
    }

    /**
     * With D[t][u] = logA[t][u] - logA[t][0] (the scores up to a per-row constant), the largest 2 x 2
     * minor |D[i][u] D[j][w] - D[i][w] D[j][u]| and the largest product |D[i][u] D[j][w]|.
     */
    private static double[] minors(double[][] logA) {
        int t = logA.length;
        double minor = 0;
        double product = 0;
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) {
                for (int u = 1; u < t; u++) {
                    for (int w = 1; w < t; w++) {
                        double p = (logA[i][u] - logA[i][0]) * (logA[j][w] - logA[j][0]);
                        double q = (logA[i][w] - logA[i][0]) * (logA[j][u] - logA[j][0]);
                        minor = Math.max(minor, Math.abs(p - q));
                        product = Math.max(product, Math.abs(p));
                    }
                }
            }
        }
        return new double[] {minor, product};
    }

    /** The dense control is standard attention: A = softmax(Q K^T / sqrt(N)), a dense output projection. */
    @Test
    void denseControlHasStandardAttention() {
        try (PointerScope ignored = new PointerScope()) {
            TopoformerBert m = model(topographic().dense());
            Module att = attention(m, 0);
            assertNull(att.children().get("spatial_querying"));
            assertInstanceOf(Dense.class, att.children().get("output"));
            Tensor ids = ids(3, 7, 12, 2, 9);
            TopoformerBert.Output out = m.forward(ids, Tensors.ones(1, 5), false);
            for (int l = 0; l < 2; l++) {
                Map<String, Tensor> a = out.layers().get(l);
                Tensor expected = Tensors.div(a.get("query").matmul(a.get("key").transpose(-2, -1)), Math.sqrt(N))
                        .softmax(-1);
                assertArrayEquals(Tensors.toFloats(expected), Tensors.toFloats(out.weights().get(l)), 1e-5f);
            }
            // under spatial querying the same formula does not hold
            TopoformerBert topo = model(topographic());
            Map<String, Tensor> a = topo.forward(ids, Tensors.ones(1, 5), false).layers().get(0);
            Tensor standard = Tensors.div(a.get("query").matmul(a.get("key").transpose(-2, -1)), Math.sqrt(N))
                    .softmax(-1);
            Tensor actual = topo.forward(ids, Tensors.ones(1, 5), false).weights().get(0);
            assertTrue(Tensors.item(standard.sub(actual).abs().max()) > 1e-4);
        }
    }

    /**
     * Under the topographic model sq = -1 turns spatial querying alone off (standard scores, SR output)
     * and sr = -1 spatial reweighting alone (pooled queries, dense output): the ablations that say
     * which constraint costs what.
     */
    @Test
    void eachConstraintTurnsOffAlone() {
        try (PointerScope ignored = new PointerScope()) {
            TopoformerBert noSq = model(new TopoformerBertConfig(2, 4, 8, V, 8, -1, 0.3, "circular", "topographic",
                    false, true, 1e-12, 0, 0));
            Module att = attention(noSq, 0);
            assertNull(att.children().get("spatial_querying"));
            assertInstanceOf(SpatialReweighting.class, att.children().get("output"));
            Tensor ids = ids(3, 7, 12, 2, 9);
            TopoformerBert.Output out = noSq.forward(ids, Tensors.ones(1, 5), false);
            Map<String, Tensor> a = out.layers().get(1);
            Tensor expected = Tensors.div(a.get("query").matmul(a.get("key").transpose(-2, -1)), Math.sqrt(N))
                    .softmax(-1);
            assertArrayEquals(Tensors.toFloats(expected), Tensors.toFloats(out.weights().get(1)), 1e-5f);
            assertEquals("topographic without spatial querying", noSq.config().label());

            TopoformerBert noSr = model(new TopoformerBertConfig(2, 4, 8, V, 8, 0.3, -1, "circular", "topographic",
                    false, true, 1e-12, 0, 0));
            att = attention(noSr, 0);
            assertInstanceOf(SpatialQuerying.class, att.children().get("spatial_querying"));
            assertInstanceOf(Dense.class, att.children().get("output"));
            assertEquals("topographic without spatial reweighting", noSr.config().label());
            assertEquals("topographic", topographic().label());
            assertEquals("dense", topographic().dense().label());
        }
    }

    /** Training (spatial querying folded into W_q) and evaluation give the same logits without dropout. */
    @Test
    void foldedQueryPoolingMatchesEvaluation() {
        try (PointerScope ignored = new PointerScope()) {
            TopoformerBert m = model(topographic());
            Tensor ids = ids(3, 7, 12, 2, 9);
            Tensor real = Tensors.floats(new float[] {1, 1, 1, 1, 0}, 1, 5);
            assertArrayEquals(Tensors.toFloats(m.forward(ids, real, false).logits()),
                    Tensors.toFloats(m.forward(ids, real, true).logits()), 1e-4f);
        }
    }

    /** Finite differences in float64 through a whole 1-layer model: tied E, positions, SQ, SR, GELU-GLU, head. */
    @Test
    void gradientsMatchFiniteDifferences() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                TopoformerBertConfig c = new TopoformerBertConfig(1, 3, 4, 11, 6, 0.3, 0.3, "circular",
                        "topographic", true, true, 1e-5, 0.0, 0.0);
                TopoformerBert m = model(c);
                Tensor ids = ids(3, 7, 1, 0);
                Tensor real = Tensors.doubles(new double[] {1, 1, 1, 0}, 1, 4);
                Tensor target = Init.normal(1, 1, 4, 11);
                List<Tensor> inputs = new ArrayList<>(GradCheck.parameters(m));
                GradCheck.check(inputs, () -> m.forward(ids, real, true).logits().mul(target).sum(), 4);
            }
        });
    }

    @Test
    void configErrorsNameTheField() {
        TopoformerBertConfig ok = topographic();
        ok.validate("model");
        ok.literal().validate("model");
        ok.dense().validate("model");
        ConfigException e = assertThrows(ConfigException.class, () -> new TopoformerBertConfig(2, 4, 8, V, 8, 0.3,
                0.3, "full", "topographic", false, true, 1e-12, 0, 0).validate("model"));
        assertTrue(e.getMessage().startsWith("model.mask"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> new TopoformerBertConfig(2, 4, 8, V, 8, 0.3, 1, "full",
                "literal", false, true, 1e-12, 0, 0).validate("model"));
        assertTrue(e.getMessage().startsWith("model.sq"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> new TopoformerBertConfig(2, 4, 8, V, 8, -1, 0.3, "circular",
                "dense", false, true, 1e-12, 0, 0).validate("model"));
        assertTrue(e.getMessage().startsWith("model.sr"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> new TopoformerBertConfig(2, 4, 8, V, 8, 0.3, 0.3, "circular",
                "sparse", false, true, 1e-12, 0, 0).validate("model"));
        assertTrue(e.getMessage().startsWith("model.control"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> new TopoformerBertConfig(0, 4, 8, V, 8, 0.3, 0.3, "circular",
                "topographic", false, true, 1e-12, 0, 0).validate("model"));
        assertTrue(e.getMessage().startsWith("model.layers"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> new TopoformerBertConfig(2, 4, 8, V, 8, -1, -1, "circular",
                "topographic", false, true, 1e-12, 0, 0).validate("model"));
        assertTrue(e.getMessage().startsWith("model.sq"), e.getMessage());
    }

    /** Per token: L (8N^2 + 4TN + 6NF) + (2N^2 + 2NV) on the predicted share, plus 2N^3 per layer for the folded SQ. */
    @Test
    void forwardFlops() {
        TopoformerBert m = model(topographic());
        double layers = 2 * (8 * 256 + 4 * 8 * 16 + 6 * 16 * 8);
        double head = 2 * 256 + 2 * 16 * V;
        assertEquals(3 * 8 * (layers + head) + 2 * 2 * 4096, m.forwardFlops(3, 8, 1), 1e-6);
        assertEquals(3 * 8 * (layers + head), model(topographic().dense()).forwardFlops(3, 8, 1), 1e-6);
        assertEquals(3 * 8 * (layers + 0.25 * head), model(topographic().dense()).forwardFlops(3, 8, 0.25), 1e-6);
    }

    /**
     * bfloat16 autocast against fp32 on the same weights, for every control: each layer's output
     * (attention, GELU-GLU and the residual stream), and the logits at the end of the whole model,
     * within the bound of {@link MixedPrecisionTest}.
     */
    @Test
    void bf16AgreesWithFp32LayerByLayer() {
        for (TopoformerBertConfig cfg : List.of(topographic(), topographic().literal(), topographic().dense())) {
            TopoformerBert m = model(cfg);
            for (Tensor p : m.parameters().values()) {
                Tensors.copy(Init.normal(0.3, p.shape()), p);
            }
            Tensor x = Init.normal(1, 2, 6, N);
            Tensor real = Tensors.ones(2, 6);
            for (int l = 0; l < cfg.layers(); l++) {
                TopoformerBertLayer layer = m.layers().get(l);
                String name = cfg.control() + " layer " + l;
                MixedPrecisionTest.agree(name + " attention", () -> layer.forward(x, real, false).attention().output());
                MixedPrecisionTest.agree(name + " GELU-GLU", () -> layer.forward(x, real, false).ffn());
                MixedPrecisionTest.agree(name + " output", () -> layer.forward(x, real, false).output());
            }
            MixedPrecisionTest.agree(cfg.control() + " logits",
                    () -> m.forward(ids(2, 7, 9, 11, 4, 3), Tensors.ones(1, 6), false).logits());
        }
    }
}
