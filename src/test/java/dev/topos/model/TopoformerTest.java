package dev.topos.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.topos.nn.NamedParameters;
import dev.topos.util.Rng;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopoformerTest {
    private static TopoformerConfig config(double sq, double sr) {
        return new TopoformerConfig(16, 32, 8, sq, sr, "circular", false, false, true, 0.1, 0.0, 2);
    }

    private static Topoformer model(NDManager m, TopoformerConfig cfg) {
        m.getEngine().setRandomSeed(11);
        return new Topoformer(m, cfg, 30, new Rng(1));
    }

    /** Appending padding changes neither the logits nor the real tokens' activations. */
    @Test
    void paddingChangesNothing() {
        try (NDManager m = NDManager.newBaseManager()) {
            Topoformer model = model(m, config(0.3, 0.3));
            NDArray ids = m.create(new int[] {3, 7, 12, 2}, new Shape(1, 4));
            NDArray padded = m.create(new int[] {3, 7, 12, 2, 1, 1, 1, 1}, new Shape(1, 8));
            Topoformer.Output a = model.forward(ids, m.ones(new Shape(1, 4)), false);
            Topoformer.Output b = model.forward(padded, m.create(new float[] {1, 1, 1, 1, 0, 0, 0, 0}, new Shape(1, 8)), false);
            assertArrayEquals(a.logits().toFloatArray(), b.logits().toFloatArray(), 1e-5f);
            for (String layer : Topoformer.LAYERS) {
                assertArrayEquals(a.layers().get(layer).toFloatArray(),
                        b.layers().get(layer).get(":, 0:4, :").toFloatArray(), 1e-5f, layer);
            }
        }
    }

    /** The pad token's id does not matter either: what is masked is never read. */
    @Test
    void whatSitsInPaddedSlotsIsNeverRead() {
        try (NDManager m = NDManager.newBaseManager()) {
            Topoformer model = model(m, config(0.1, 0.3));
            NDArray real = m.create(new float[] {1, 1, 1, 0, 0}, new Shape(1, 5));
            float[] a = model.forward(m.create(new int[] {3, 7, 2, 1, 1}, new Shape(1, 5)), real, false).logits().toFloatArray();
            float[] b = model.forward(m.create(new int[] {3, 7, 2, 25, 9}, new Shape(1, 5)), real, false).logits().toFloatArray();
            assertArrayEquals(a, b, 1e-5f);
        }
    }

    /** The control (sq = sr = -1) has exactly the Topoformer's parameters, under the same names. */
    @Test
    void controlHasTheSameParameterBudget() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, Parameter> topo = model(m, config(0.1, 0.3)).parameters();
            Map<String, Parameter> control = model(m, config(-1, -1)).parameters();
            assertEquals(topo.keySet(), control.keySet());
            assertEquals(NamedParameters.count(topo), NamedParameters.count(control));
            // 30 x 16 tokens + 8 x 16 positions + 3 (16 x 16 + 16) QKV + (16 x 16 + 16) out + 2 x 32 norms
            // + (16 x 32 + 32) + (32 x 16 + 16) FFN + (16 x 2 + 2) classifier
            assertEquals(480 + 128 + 4 * 272 + 64 + 544 + 528 + 34, NamedParameters.count(topo));
        }
    }

    /**
     * Local querying makes Q, K, V locally connected and non-negative (|W (.) M^T|, spec §2): with
     * non-negative embeddings, every query activation is at least its unit's bias; the dense
     * projections of the standard model are not so constrained.
     */
    @Test
    void localQueryingProjectionsAreNonNegativeAndKeepTheBudget() {
        try (NDManager m = NDManager.newBaseManager()) {
            TopoformerConfig local = new TopoformerConfig(16, 32, 8, 0.3, 0.3, "gaussian", false, true, true, 0.0, 0.0, 2);
            local.validate("model");
            Topoformer lq = model(m, local);
            Topoformer dense = model(m, config(0.1, 0.3));
            assertEquals(NamedParameters.count(dense.parameters()), NamedParameters.count(lq.parameters()));
            NDArray ids = m.create(new int[] {3, 7, 12, 2}, new Shape(1, 4));
            assertTrue(queryAboveBias(lq, ids, m) >= 0, "locally connected queries are non-negative maps");
            assertTrue(queryAboveBias(dense, ids, m) < 0, "dense queries are not");
        }
    }

    /** min over positions and units of Q - b_q, with the embedding tables made non-negative. */
    private static float queryAboveBias(Topoformer model, NDArray ids, NDManager m) {
        Map<String, Parameter> p = model.parameters();
        for (String table : new String[] {"embed.token_embed", "embed.position_embed"}) {
            NDArray w = p.get(table).getArray();
            w.abs().copyTo(w);
        }
        NDArray q = model.forward(ids, m.ones(new Shape(1, 4)), false).layers().get("query");
        return q.sub(p.get("attention.01query.bias").getArray()).min().getFloat();
    }

    /** Dropout is on only in training. */
    @Test
    void dropoutOnlyInTraining() {
        try (NDManager m = NDManager.newBaseManager()) {
            Topoformer model = model(m, config(0.1, 0.3));
            NDArray ids = m.create(new int[] {3, 7, 12, 2}, new Shape(1, 4));
            NDArray real = m.ones(new Shape(1, 4));
            float[] eval1 = model.forward(ids, real, false).logits().toFloatArray();
            float[] eval2 = model.forward(ids, real, false).logits().toFloatArray();
            float[] train = model.forward(ids, real, true).logits().toFloatArray();
            assertArrayEquals(eval1, eval2);
            assertNotEquals(eval1[0], train[0]);
        }
    }
}
