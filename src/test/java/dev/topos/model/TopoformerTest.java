package dev.topos.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.nn.Engine;
import dev.topos.nn.MixedPrecisionTest;
import dev.topos.nn.Tensors;
import dev.topos.util.Rng;
import java.util.Map;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

class TopoformerTest {
    private static TopoformerConfig config(double sq, double sr) {
        return new TopoformerConfig(16, 32, 8, sq, sr, "circular", false, false, true, 0.1, 0.0, 2);
    }

    private static Topoformer model(TopoformerConfig cfg) {
        Engine.seed(11);
        return new Topoformer(cfg, 30, new Rng(1));
    }

    private static Tensor ids(long... ids) {
        return Tensors.longs(ids, 1, ids.length);
    }

    /** Appending padding changes neither the logits nor the real tokens' activations. */
    @Test
    void paddingChangesNothing() {
        try (PointerScope ignored = new PointerScope()) {
            Topoformer model = model(config(0.3, 0.3));
            Topoformer.Output a = model.forward(ids(3, 7, 12, 2), Tensors.ones(1, 4), false);
            Topoformer.Output b = model.forward(ids(3, 7, 12, 2, 1, 1, 1, 1),
                    Tensors.floats(new float[] {1, 1, 1, 1, 0, 0, 0, 0}, 1, 8), false);
            assertArrayEquals(Tensors.toFloats(a.logits()), Tensors.toFloats(b.logits()), 1e-5f);
            for (String layer : Topoformer.LAYERS) {
                assertArrayEquals(Tensors.toFloats(a.layers().get(layer)),
                        Tensors.toFloats(b.layers().get(layer).narrow(1, 0, 4)), 1e-5f, layer);
            }
        }
    }

    /** The pad token's id does not matter either: what is masked is never read. */
    @Test
    void whatSitsInPaddedSlotsIsNeverRead() {
        try (PointerScope ignored = new PointerScope()) {
            Topoformer model = model(config(0.1, 0.3));
            Tensor real = Tensors.floats(new float[] {1, 1, 1, 0, 0}, 1, 5);
            float[] a = Tensors.toFloats(model.forward(ids(3, 7, 2, 1, 1), real, false).logits());
            float[] b = Tensors.toFloats(model.forward(ids(3, 7, 2, 25, 9), real, false).logits());
            assertArrayEquals(a, b, 1e-5f);
        }
    }

    /** The control (sq = sr = -1) has exactly the Topoformer's parameters, under the same names. */
    @Test
    void controlHasTheSameParameterBudget() {
        try (PointerScope ignored = new PointerScope()) {
            Topoformer topo = model(config(0.1, 0.3));
            Topoformer control = model(config(-1, -1));
            assertEquals(topo.parameters().keySet(), control.parameters().keySet());
            assertEquals(topo.parameterCount(), control.parameterCount());
            // 30 x 16 tokens + 8 x 16 positions + 3 (16 x 16 + 16) QKV + (16 x 16 + 16) out + 2 x 32 norms
            // + (16 x 32 + 32) + (32 x 16 + 16) FFN + (16 x 2 + 2) classifier
            assertEquals(480 + 128 + 4 * 272 + 64 + 544 + 528 + 34, topo.parameterCount());
        }
    }

    /**
     * Local querying makes Q, K, V locally connected and non-negative (|W (.) M^T|, spec §2): with
     * non-negative embeddings, every query activation is at least its unit's bias; the dense
     * projections of the standard model are not so constrained.
     */
    @Test
    void localQueryingProjectionsAreNonNegativeAndKeepTheBudget() {
        try (PointerScope ignored = new PointerScope()) {
            TopoformerConfig local = new TopoformerConfig(16, 32, 8, 0.3, 0.3, "gaussian", false, true, true, 0.0, 0.0, 2);
            local.validate("model");
            Topoformer lq = model(local);
            Topoformer dense = model(config(0.1, 0.3));
            assertEquals(dense.parameterCount(), lq.parameterCount());
            Tensor ids = ids(3, 7, 12, 2);
            assertTrue(queryAboveBias(lq, ids) >= 0, "locally connected queries are non-negative maps");
            assertTrue(queryAboveBias(dense, ids) < 0, "dense queries are not");
        }
    }

    /** min over positions and units of Q - b_q, with the embedding tables made non-negative. */
    private static double queryAboveBias(Topoformer model, Tensor ids) {
        Map<String, Tensor> p = model.parameters();
        for (String table : new String[] {"embed.tokens", "embed.positions"}) {
            Tensor w = p.get(table);
            Tensors.copy(w.abs(), w);
        }
        Tensor q = model.forward(ids, Tensors.ones(1, 4), false).layers().get("query");
        return Tensors.item(q.sub(p.get("attention.query.bias")).min());
    }

    /** Dropout is on only in training. */
    @Test
    void dropoutOnlyInTraining() {
        try (PointerScope ignored = new PointerScope()) {
            Topoformer model = model(config(0.1, 0.3));
            Tensor ids = ids(3, 7, 12, 2);
            Tensor real = Tensors.ones(1, 4);
            float[] eval1 = Tensors.toFloats(model.forward(ids, real, false).logits());
            float[] eval2 = Tensors.toFloats(model.forward(ids, real, false).logits());
            float[] train = Tensors.toFloats(model.forward(ids, real, true).logits());
            assertArrayEquals(eval1, eval2);
            assertNotEquals(eval1[0], train[0]);
        }
    }

    /** The whole model under bf16 autocast stays within bf16 rounding of fp32 (see MixedPrecisionTest). */
    @Test
    void bf16ForwardAgreesWithFp32() {
        Topoformer model = model(config(0.3, 0.3));
        Tensor x = ids(3, 7, 12, 2, 9, 4, 1, 1);
        Tensor real = Tensors.floats(new float[] {1, 1, 1, 1, 1, 1, 0, 0}, 1, 8);
        MixedPrecisionTest.agree("Topoformer", () -> model.forward(x, real, false).logits());
        for (String layer : Topoformer.LAYERS) {
            MixedPrecisionTest.agree("Topoformer " + layer, () -> model.forward(x, real, false).layers().get(layer));
        }
    }
}
