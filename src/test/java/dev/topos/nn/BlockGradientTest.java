package dev.topos.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Finite-difference gradient checks of the walk models' layers, in float64. */
class BlockGradientTest {
    private static Tensor random(long... shape) {
        return Init.normal(1, shape);
    }

    private static double maxAbs(Tensor t) {
        return Tensors.item(t.abs().max());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void pathIntegrationOverThreeSteps(boolean orthogonal) {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Engine.seed(1);
                PathIntegration pi = new PathIntegration(6, 5, 4, 0.1, "linear", true, orthogonal);
                Tensor e = random(3, 6);
                Tensor actions = Tensors.longs(new long[] {1, 4, 0}, 3);
                Tensor target = random(3, 6);
                List<Tensor> inputs = GradCheck.parameters(pi);
                inputs.add(e);
                GradCheck.check(inputs, () -> {
                    Tensor w = pi.sideBySide(pi.transitions());
                    Tensor x = e;
                    for (int t = 0; t < 3; t++) {
                        x = pi.step(x, w, actions);
                    }
                    return x.sub(target).square().sum();
                }, 12);
            }
        });
    }

    @Test
    void orthogonalTransitionsAreOrthogonalAndStayIsTheIdentity() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Engine.seed(4);
                PathIntegration pi = new PathIntegration(5, 5, 3, 0.5, "linear", false, true);
                Tensor w = pi.transitions().detach();
                Tensor eye = torch.eye(5, Tensors.options(Engine.floatType()));
                for (int a = 0; a < 5; a++) {
                    Tensor wa = w.select(0, a);
                    double err = maxAbs(wa.matmul(wa.t()).sub(eye));
                    assertTrue(err < 1e-10, "W_" + a + " W_" + a + "^T - I = " + err);
                }
                assertTrue(maxAbs(w.select(0, 0).sub(eye)) == 0, "stay is exactly the identity");
                assertTrue(maxAbs(w.select(0, 1).sub(eye)) > 0.01, "moves start away from the identity");
            }
        });
    }

    @Test
    void attentionMemoryWithMaskAndTemperature() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Engine.seed(2);
                AttentionMemory mem = new AttentionMemory(5, 4, 3, 3);
                Tensor q = random(2, 3, 5);
                Tensor k = random(2, 4, 5);
                Tensor x = torch.one_hot(Tensors.longs(new long[] {0, 1, 3, 2, 1, 1, 0, 3}, 2, 4), 4)
                        .toType(Engine.floatType());
                Tensor mask = Tensors.doubles(new double[] {1, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 1,
                                                            1, 0, 0, 0, 1, 1, 0, 1, 0, 1, 1, 1}, 2, 3, 4);
                Tensor target = random(2, 3, 3);
                List<Tensor> inputs = GradCheck.parameters(mem);
                inputs.add(q);
                inputs.add(k);
                GradCheck.check(inputs, () -> {
                    AttentionMemory.Retrieval out = mem.retrieve(AttentionMemory.zscore(q),
                            List.of(AttentionMemory.zscore(k.narrow(1, 0, 1)), AttentionMemory.zscore(k.narrow(1, 1, 3))),
                            x, mask);
                    return out.values().sub(target).square().sum().add(out.attention().square().sum());
                }, 12);
            }
        });
    }

    @Test
    void lstmCellOverTwoSteps() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Engine.seed(3);
                LstmCell cell = new LstmCell(4, 3);
                Tensor x = random(2, 4);
                Tensor h0 = random(2, 3);
                Tensor c0 = random(2, 3);
                List<Tensor> inputs = GradCheck.parameters(cell);
                inputs.add(x);
                inputs.add(h0);
                GradCheck.check(inputs, () -> {
                    LstmCell.State s = cell.step(cell.inputProjection(x), h0, c0);
                    s = cell.step(cell.inputProjection(Tensors.mul(x, 0.5)), s.h(), s.c());
                    return s.h().sum().add(s.c().square().sum());
                }, 12);
            }
        });
    }
}
