package dev.topos.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Finite-difference gradient checks of the blocks Topos writes by hand. */
class BlockGradientTest {
    private static final DataType F64 = DataType.FLOAT64;

    private static NDArray random(NDManager m, long... shape) {
        return m.randomNormal(0, 1, new Shape(shape), F64);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void pathIntegrationOverThreeSteps(boolean orthogonal) {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(1);
            PathIntegration pi = new PathIntegration(6, 5, 4, 0.1f, "linear", true, orthogonal);
            pi.initialize(m, F64, new Shape(1, 6), new Shape(1));
            NDArray e = random(m, 3, 6);
            NDArray actions = m.create(new int[] {1, 4, 0}).oneHot(5, F64);
            NDArray target = random(m, 3, 6);
            List<NDArray> inputs = GradCheck.parameters(pi);
            inputs.add(e);
            GradCheck.check(inputs, () -> {
                NDArray w = pi.transitions();
                NDArray x = e;
                for (int t = 0; t < 3; t++) {
                    x = pi.step(x, pi.select(w, actions));
                }
                return x.sub(target).square().sum();
            }, 12);
        }
    }

    @Test
    void orthogonalTransitionsAreOrthogonalAndStayIsTheIdentity() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(4);
            PathIntegration pi = new PathIntegration(5, 5, 3, 0.5f, "linear", false, true);
            pi.initialize(m, F64, new Shape(1, 5), new Shape(1));
            NDArray w = pi.transitions();
            NDArray eye = m.eye(5).toType(F64, false);
            for (int a = 0; a < 5; a++) {
                NDArray wa = w.get(a);
                double err = wa.matMul(wa.transpose()).sub(eye).abs().max().getDouble();
                assertTrue(err < 1e-10, "W_" + a + " W_" + a + "^T - I = " + err);
            }
            assertTrue(w.get(0).sub(eye).abs().max().getDouble() == 0, "stay is exactly the identity");
            assertTrue(w.get(1).sub(eye).abs().max().getDouble() > 0.01, "moves start away from the identity");
        }
    }

    @Test
    void attentionMemoryWithMaskAndTemperature() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(2);
            AttentionMemory mem = new AttentionMemory(5, 4, 3, 3);
            mem.initialize(m, F64, new Shape(1, 1, 5));
            NDArray q = random(m, 2, 3, 5);
            NDArray k = random(m, 2, 4, 5);
            NDArray x = m.create(new int[] {0, 1, 3, 2, 1, 1, 0, 3}).reshape(2, 4).oneHot(4, F64);
            NDArray mask = m.create(new double[] {1, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 1,
                                                  1, 0, 0, 0, 1, 1, 0, 1, 0, 1, 1, 1}).reshape(2, 3, 4);
            NDArray target = random(m, 2, 3, 3);
            List<NDArray> inputs = GradCheck.parameters(mem);
            inputs.add(q);
            inputs.add(k);
            GradCheck.check(inputs, () -> {
                NDList out = mem.retrieve(AttentionMemory.zscore(q), AttentionMemory.zscore(k), x, mask);
                return out.get(0).sub(target).square().sum().add(out.get(1).square().sum());
            }, 12);
        }
    }

    @Test
    void lstmCellOverTwoSteps() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(3);
            LstmCell cell = new LstmCell(4, 3);
            cell.initialize(m, F64, new Shape(1, 4));
            NDArray x = random(m, 2, 4);
            NDArray h0 = random(m, 2, 3);
            NDArray c0 = random(m, 2, 3);
            List<NDArray> inputs = GradCheck.parameters(cell);
            inputs.add(x);
            inputs.add(h0);
            GradCheck.check(inputs, () -> {
                NDList s = cell.step(cell.inputProjection(x), h0, c0);
                s = cell.step(cell.inputProjection(x.mul(0.5)), s.get(0), s.get(1));
                return s.get(0).sum().add(s.get(1).square().sum());
            }, 12);
        }
    }
}
