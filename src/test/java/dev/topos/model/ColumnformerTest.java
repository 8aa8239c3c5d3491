package dev.topos.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.topos.nn.LearnedPositions;
import dev.topos.nn.NamedParameters;
import dev.topos.util.Rng;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnformerTest {
    /** 2 stacked 2 x 2 layers (N = 8) reading 4 x 4 images as 4 patches of 2 x 2. */
    private static ColumnformerConfig tiny(String attention, boolean recurrent, boolean learned) {
        ColumnformerConfig d = ColumnformerConfig.defaults();
        return new ColumnformerConfig(new ColumnGeometry("stacked", 2, 2, 8, "", 2, learned, 0.5), 8, 4, 6, 2, 3,
                recurrent, attention, 3, 1, 2, -8, false, false, false, true, true, 4, 2, 0.1, d.wiringPower());
    }

    private static Columnformer model(NDManager m, ColumnformerConfig cfg, int outputs) {
        m.getEngine().setRandomSeed(11);
        return new Columnformer(m, cfg, cfg.geometry().sheet(Path.of(".")), outputs, new Rng(3));
    }

    @Test
    void forwardGivesOutputColumnsAndOneRowStochasticAttentionPerStep() {
        for (String attention : new String[] {"dense", "sparse"}) {
            try (NDManager m = NDManager.newBaseManager()) {
                Columnformer net = model(m, tiny(attention, true, false), 4);
                NDArray patches = m.randomNormal(new Shape(5, 4, 4));
                Columnformer.Output out = net.forward(patches, null);
                assertArrayEquals(new long[] {5, 4, 8}, out.outputs().getShape().getShape());
                assertArrayEquals(new long[] {8, 5, 8}, out.state().getShape().getShape());
                assertEquals(3, out.weights().size());
                long k = "dense".equals(attention) ? 8 : 4;
                for (NDArray a : out.weights()) {
                    assertArrayEquals(new long[] {5, 2, 8, k}, a.getShape().getShape());
                    NDArray rows = a.sum(new int[] {-1});
                    assertTrue(rows.sub(1).abs().max().getFloat() < 1e-5, attention + " rows sum to 1");
                }
                assertArrayEquals(new long[] {5, 4, 4}, net.reconstruct(out).getShape().getShape());
                assertArrayEquals(new long[] {5, 10}, model(m, tiny(attention, true, false), 10)
                        .classify(out).getShape().getShape());
                assertArrayEquals(new int[] {0, 1, 2, 3}, net.inputColumns());
                assertArrayEquals(new int[] {4, 5, 6, 7}, net.outputColumns());
            }
        }
    }

    @Test
    void aMaskedPatchDrivesNothing() {
        try (NDManager m = NDManager.newBaseManager()) {
            Columnformer net = model(m, tiny("dense", true, false), 4);
            NDArray patches = m.randomNormal(new Shape(1, 4, 4));
            NDArray keep = m.create(new float[] {1, 0, 1, 1}, new Shape(1, 4));
            NDArray changed = patches.duplicate();
            changed.set(new ai.djl.ndarray.index.NDIndex("0, 1, :"), 5f);
            float[] a = net.forward(patches, keep).outputs().toFloatArray();
            float[] b = net.forward(changed, keep).outputs().toFloatArray();
            assertArrayEquals(a, b, 0f);
            float[] c = net.forward(changed, null).outputs().toFloatArray();
            assertTrue(Math.abs(a[0] - c[0]) > 0, "shown, the patch changes the output");
        }
    }

    @Test
    void aNonRecurrentStackHasOneUntiedSheetPerStep() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, Parameter> rec = model(m, tiny("dense", true, false), 4).parameters();
            Map<String, Parameter> stack = model(m, tiny("dense", false, false), 4).parameters();
            long sheetParams = rec.entrySet().stream().filter(e -> e.getKey().startsWith("sheet."))
                    .mapToLong(e -> e.getValue().getArray().size()).sum();
            assertTrue(sheetParams > 0);
            assertEquals(NamedParameters.count(rec) + 2 * sheetParams, NamedParameters.count(stack));
            assertTrue(stack.containsKey("sheet2.01norm1.gamma"), stack.keySet().toString());
        }
    }

    @Test
    void theWiringCostMovesLearnedPositions() {
        try (NDManager m = NDManager.newBaseManager()) {
            Columnformer net = model(m, tiny("dense", true, true), 4);
            Parameter positions = net.parameters().get("geometry.positions");
            positions.getArray().setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                Columnformer.Wiring w = net.wiring(net.forward(m.randomNormal(new Shape(2, 4, 4)), null));
                assertTrue(w.length().getFloat() > 0);
                assertTrue(w.repulsion().getFloat() > 0);
                gc.backward(w.cost());
            }
            assertTrue(positions.getArray().getGradient().abs().sum().getFloat() > 0);
        }
    }

    @Test
    void learnedDistancesAndRepulsionMatchTheirFormulas() {
        try (NDManager m = NDManager.newBaseManager()) {
            LearnedPositions p = new LearnedPositions(new double[][] {{0, 0}, {3, 4}, {0, 1}}, 2);
            p.initialize(m, DataType.FLOAT64);
            double[] d = p.distances().toDoubleArray();
            assertEquals(2, d[0], 1e-6); // sqrt(0 + 4)
            assertEquals(Math.sqrt(29), d[1], 1e-9);
            assertEquals(Math.sqrt(5), d[2], 1e-9);
            double r = 2 * (Math.exp(-25 / 2.0) + Math.exp(-1 / 2.0) + Math.exp(-18 / 2.0)) / 6;
            assertEquals(r, p.repulsion().getDouble(), 1e-12);
        }
    }

    @Test
    void aSheetTooSmallForItsInputAndOutputColumnsIsRejected() {
        try (NDManager m = NDManager.newBaseManager()) {
            ColumnformerConfig d = ColumnformerConfig.defaults();
            ColumnformerConfig small = new ColumnformerConfig(new ColumnGeometry("stacked", 1, 7, 8, "", 2, false, 0),
                    d.dim(), d.qkDim(), d.mlpHidden(), 1, 1, true, "dense", 16, 0, 2, -8, false, false, false, false,
                    false, 28, 4, 0, 1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model(m, small, 16));
            assertTrue(e.getMessage().contains("49 columns") && e.getMessage().contains("2 x 49"), e.getMessage());
        }
    }
}
