package dev.topos.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.nn.Engine;
import dev.topos.nn.GradCheck;
import dev.topos.nn.Init;
import dev.topos.nn.LearnedPositions;
import dev.topos.nn.MixedPrecisionTest;
import dev.topos.nn.Tensors;
import dev.topos.train.AdamW;
import dev.topos.train.TrainConfig;
import dev.topos.util.Rng;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

class ColumnformerTest {
    /** 2 stacked 2 x 2 layers (N = 8) reading 4 x 4 images as 4 patches of 2 x 2. */
    private static ColumnformerConfig tiny(String attention, boolean recurrent, boolean learned) {
        ColumnformerConfig d = ColumnformerConfig.defaults();
        return new ColumnformerConfig(new ColumnGeometry("stacked", 2, 2, 8, "", 2, learned, 0.5), 8, 4, 6, 2, 3,
                recurrent, attention, 3, 1, 2, -8, false, false, false, true, true, 4, 2, 0.1, d.wiringPower());
    }

    private static Columnformer model(ColumnformerConfig cfg, int outputs) {
        Engine.seed(11);
        return new Columnformer(cfg, cfg.geometry().sheet(Path.of(".")), outputs, new Rng(3));
    }

    @Test
    void forwardGivesOutputColumnsAndOneRowStochasticAttentionPerStep() {
        for (String attention : new String[] {"dense", "sparse"}) {
            try (PointerScope ignored = new PointerScope()) {
                Columnformer net = model(tiny(attention, true, false), 4);
                Tensor patches = Init.normal(1, 5, 4, 4);
                Columnformer.Output out = net.forward(patches, null);
                assertArrayEquals(new long[] {5, 4, 8}, out.outputs().shape());
                assertArrayEquals(new long[] {8, 5, 8}, out.state().shape());
                assertEquals(3, out.weights().size());
                long k = "dense".equals(attention) ? 8 : 4;
                for (Tensor a : out.weights()) {
                    assertArrayEquals(new long[] {5, 2, 8, k}, a.shape());
                    Tensor rows = Tensors.sum(a, -1);
                    assertTrue(Tensors.item(Tensors.sub(rows, 1).abs().max()) < 1e-5, attention + " rows sum to 1");
                }
                assertArrayEquals(new long[] {5, 4, 4}, net.reconstruct(out).shape());
                assertArrayEquals(new long[] {5, 10}, model(tiny(attention, true, false), 10).classify(out).shape());
                assertArrayEquals(new int[] {0, 1, 2, 3}, net.inputColumns());
                assertArrayEquals(new int[] {4, 5, 6, 7}, net.outputColumns());
            }
        }
    }

    @Test
    void aMaskedPatchDrivesNothing() {
        try (PointerScope ignored = new PointerScope()) {
            Columnformer net = model(tiny("dense", true, false), 4);
            Tensor patches = Init.normal(1, 1, 4, 4);
            Tensor keep = Tensors.floats(new float[] {1, 0, 1, 1}, 1, 4);
            Tensor changed = patches.clone();
            Tensors.copy(Tensors.full(5, 4), changed.select(0, 0).select(0, 1)); // patch 1 of image 0
            float[] a = Tensors.toFloats(net.forward(patches, keep).outputs());
            float[] b = Tensors.toFloats(net.forward(changed, keep).outputs());
            assertArrayEquals(a, b, 0f);
            float[] c = Tensors.toFloats(net.forward(changed, null).outputs());
            assertTrue(Math.abs(a[0] - c[0]) > 0, "shown, the patch changes the output");
        }
    }

    @Test
    void aNonRecurrentStackHasOneUntiedSheetPerStep() {
        try (PointerScope ignored = new PointerScope()) {
            Columnformer rec = model(tiny("dense", true, false), 4);
            Columnformer stack = model(tiny("dense", false, false), 4);
            long sheetParams = rec.parameters().entrySet().stream().filter(e -> e.getKey().startsWith("sheet."))
                    .mapToLong(e -> e.getValue().numel()).sum();
            assertTrue(sheetParams > 0);
            assertEquals(rec.parameterCount() + 2 * sheetParams, stack.parameterCount());
            assertTrue(stack.parameters().containsKey("sheet2.norm1.gamma"), stack.parameters().keySet().toString());
        }
    }

    /**
     * The default exemptions from weight decay (train.no_decay) catch every bias, norm gain and shift,
     * embedding and the learned positions by name; only the weight matrices of the maps decay.
     */
    @Test
    void onlyTheWeightMatricesDecay() {
        try (PointerScope ignored = new PointerScope()) {
            Columnformer net = model(tiny("dense", true, true), 4);
            TrainConfig train = new TrainConfig(10, 1e-3, 1, 10, 0.9, 0.95, 0.05, 1, 1, 1, 1);
            BiPredicate<String, Tensor> decays = AdamW.decayRule(train::exemptFromDecay);
            Set<String> decaying = new TreeSet<>();
            net.parameters().forEach((name, p) -> {
                if (decays.test(name, p)) {
                    decaying.add(name);
                }
            });
            assertEquals(new TreeSet<>(Set.of("sheet.attention.query.weight", "sheet.attention.key.weight",
                    "sheet.fc1.weight", "sheet.fc2.weight", "head.weight")), decaying,
                    "of " + net.parameters().keySet());
            for (String exempt : new String[] {"geometry.positions", "input.position_embed", "time.step_embed",
                    "sheet.attention.local_bias", "sheet.norm1.gamma", "sheet.norm1.beta", "sheet.fc1.bias",
                    "final_norm.gamma"}) {
                assertTrue(net.parameters().get(exempt).dim() >= 2, exempt + " is exempt by its name, not its rank");
            }
        }
    }

    @Test
    void theWiringCostMovesLearnedPositions() {
        try (PointerScope ignored = new PointerScope()) {
            Columnformer net = model(tiny("dense", true, true), 4);
            Tensor positions = net.parameters().get("geometry.positions");
            Columnformer.Wiring w = net.wiring(net.forward(Init.normal(1, 2, 4, 4), null));
            assertTrue(Tensors.item(w.length()) > 0);
            assertTrue(Tensors.item(w.repulsion()) > 0);
            w.cost().backward();
            assertTrue(positions.grad().defined() && Tensors.item(positions.grad().abs().sum()) > 0);
        }
    }

    @Test
    void learnedDistancesAndRepulsionMatchTheirFormulas() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                LearnedPositions p = new LearnedPositions(new double[][] {{0, 0}, {3, 4}, {0, 1}}, 2);
                double[] d = Tensors.toDoubles(p.distances());
                assertEquals(2, d[0], 1e-6); // sqrt(0 + 4)
                assertEquals(Math.sqrt(29), d[1], 1e-9);
                assertEquals(Math.sqrt(5), d[2], 1e-9);
                double r = 2 * (Math.exp(-25 / 2.0) + Math.exp(-1 / 2.0) + Math.exp(-18 / 2.0)) / 6;
                assertEquals(r, Tensors.item(p.repulsion()), 1e-12);
            }
        });
    }

    @Test
    void aSheetTooSmallForItsInputAndOutputColumnsIsRejected() {
        ColumnformerConfig d = ColumnformerConfig.defaults();
        ColumnformerConfig small = new ColumnformerConfig(new ColumnGeometry("stacked", 1, 7, 8, "", 2, false, 0),
                d.dim(), d.qkDim(), d.mlpHidden(), 1, 1, true, "dense", 16, 0, 2, -8, false, false, false, false,
                false, 28, 4, 0, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model(small, 16));
        assertTrue(e.getMessage().contains("49 columns") && e.getMessage().contains("2 x 49"), e.getMessage());
    }

    /** Dense and sparse Columnformers under bf16 autocast stay within bf16 rounding of fp32. */
    @Test
    void bf16ForwardAgreesWithFp32() {
        for (String attention : new String[] {"dense", "sparse"}) {
            Columnformer net = model(tiny(attention, true, false), 4);
            Tensor patches = Init.normal(1, 5, 4, 4);
            MixedPrecisionTest.agree("Columnformer " + attention, () -> net.forward(patches, null).outputs());
        }
    }
}
