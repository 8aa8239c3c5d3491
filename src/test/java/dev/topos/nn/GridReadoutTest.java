package dev.topos.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

/** The grid units p = relu(zscore(e) W_p + b_p) against the formula written out by hand, in float64. */
class GridReadoutTest {
    private static final int E = 4;
    private static final int G = 3;

    @Test
    void unitsAreTheRectifiedReadoutOfTheZscoredCode() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Engine.seed(5);
                GridReadout grid = new GridReadout(E, G);
                Tensors.copy(Tensors.doubles(new double[] {0.5, -0.2, 0.1}, G), grid.parameters().get("linear.bias"));
                double[] w = Tensors.toDoubles(grid.parameters().get("linear.weight"));         // (G, E)
                double[] b = {0.5, -0.2, 0.1};
                double[] e = {2, -1, 0.5, 3};
                double mean = (2 - 1 + 0.5 + 3) / 4.0;
                double var = 0;
                for (double v : e) {
                    var += (v - mean) * (v - mean) / 4;
                }
                double[] expected = new double[G];
                int active = 0;
                for (int i = 0; i < G; i++) {
                    double pre = b[i];
                    for (int j = 0; j < E; j++) {
                        pre += (e[j] - mean) / Math.sqrt(var + 1e-5) * w[i * E + j];
                    }
                    expected[i] = Math.max(0, pre);
                    active += pre > 0 ? 1 : 0;
                }
                assertArrayEquals(expected, Tensors.toDoubles(grid.apply(Tensors.doubles(e, 1, E))), 1e-12);
                assertEquals(G, grid.units());
                assertTrue(active > 0 && active < G, "the case should have units on both sides of 0");
            }
        });
    }

    @Test
    void gradients() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Engine.seed(6);
                GridReadout grid = new GridReadout(E, G);
                Tensor e = Init.normal(1, 2, 5, E);
                Tensor target = Init.normal(1, 2, 5, G);
                List<Tensor> inputs = GradCheck.parameters(grid);
                inputs.add(e);
                GradCheck.check(inputs, () -> grid.apply(e).sub(target).square().sum(), 10);
            }
        });
    }
}
