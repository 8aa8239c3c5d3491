package dev.topos.experiment.topoformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.data.text.MlmMasking;
import dev.topos.model.TopoformerBert;
import dev.topos.model.TopoformerBertConfig;
import dev.topos.nn.Engine;
import dev.topos.nn.Tensors;
import dev.topos.util.Rng;
import java.util.Arrays;
import java.util.Map;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

class AttentionSharpnessTest {
    private static final int T = 6;

    private static TopoformerBert model() {
        Engine.seed(3);
        return new TopoformerBert(new TopoformerBertConfig(2, 4, 8, 30, T, 0.3, 0.3, "circular", "topographic",
                false, true, 1e-12, 0.0, 0.0), new Rng(1));
    }

    private static MlmMasking.Masked sequences() {
        int[][] inputs = {{2, 5, 9, 11, 3, 7}, {4, 4, 8, 20, 1, 6}, {12, 13, 14, 15, 16, 17}};
        int[][] targets = new int[inputs.length][T];
        for (int[] t : targets) {
            Arrays.fill(t, MlmMasking.IGNORE);
        }
        return new MlmMasking.Masked(inputs, targets);
    }

    /** Multiplies every layer's query weights by {@code factor}. */
    private static void scaleQueries(TopoformerBert m, double factor) {
        try (NoGradGuard g = new NoGradGuard()) {
            for (Map.Entry<String, Tensor> p : m.parameters().entrySet()) {
                if (p.getKey().endsWith("attention.query.weight")) {
                    p.getValue().mul_(Tensors.scalar(factor));
                }
            }
        }
    }

    /** Zero query weights give equal scores: uniform attention, normalised entropy 1 in every layer. */
    @Test
    void zeroQueriesAttendUniformly() {
        try (PointerScope ignored = new PointerScope()) {
            TopoformerBert m = model();
            scaleQueries(m, 0);
            AttentionSharpness s = AttentionSharpness.of(m, sequences(), 3, 2);
            assertEquals(2, s.perLayer().length);
            for (double h : s.perLayer()) {
                assertEquals(1, h, 1e-5);
            }
        }
    }

    /**
     * Against the entropy of the forward pass's attention weights computed with tensor operations, on
     * a model whose query weights are scaled up so that it attends sharply.
     */
    @Test
    void matchesTheEntropyOfTheAttentionWeights() {
        try (PointerScope ignored = new PointerScope()) {
            TopoformerBert m = model();
            scaleQueries(m, 40);
            MlmMasking.Masked seqs = sequences();
            AttentionSharpness s = AttentionSharpness.of(m, seqs, 3, 2);
            long[] ids = Arrays.stream(seqs.inputs()).flatMapToInt(Arrays::stream).asLongStream().toArray();
            try (NoGradGuard g = new NoGradGuard()) {
                TopoformerBert.Output out = m.forward(Tensors.longs(ids, 3, T), Tensors.ones(3, T), false);
                double mean = 0;
                for (int l = 0; l < 2; l++) {
                    Tensor a = out.weights().get(l);
                    double h = -Tensors.item(a.mul(a.log()).sum(-1).mean()) / Math.log(T);
                    assertEquals(h, s.perLayer()[l], 1e-5);
                    assertTrue(h > 0.05 && h < 0.95, "layer " + l + ": " + h);
                    mean += h / 2;
                }
                assertEquals(mean, s.mean(), 1e-5);
            }
        }
    }
}
