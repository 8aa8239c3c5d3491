package dev.topos.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Commuting-rotation path integration, in float64: its algebra, its fast form and its gradients. */
class RotationPathIntegrationTest {
    /** Two slots, five steps; slot 1 starts a new world at step 2 (its action there is ignored). */
    private static final long[] ACTIONS = {1, 2, 3, 2, 4, 2, 4, 0, 1, 3};
    private static final double[] START = {0, 0, 0, 0, 0, 0, 0, 1, 0, 0};

    private static double maxAbs(Tensor t) {
        return Tensors.item(t.abs().max());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void movesAreOrthogonalAndCommuteStayIsTheIdentity(boolean tied) {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Engine.seed(3);
                RotationPathIntegration pi = new RotationPathIntegration(7, 0.5, tied);
                Tensor w = pi.transitions().detach();
                Tensor eye = torch.eye(7, Tensors.options(Engine.floatType()));
                assertTrue(maxAbs(w.select(0, 0).sub(eye)) < 1e-12, "stay is the identity");
                for (int a = 1; a < 5; a++) {
                    Tensor wa = w.select(0, a);
                    assertTrue(maxAbs(wa.matmul(wa.t()).sub(eye)) < 1e-12, "W_" + a + " is orthogonal");
                    for (int b = 1; b < 5; b++) {
                        Tensor wb = w.select(0, b);
                        assertTrue(maxAbs(wa.matmul(wb).sub(wb.matmul(wa))) < 1e-12, "W_" + a + " W_" + b + " commute");
                    }
                }
                double northSouth = maxAbs(w.select(0, 1).matmul(w.select(0, 3)).sub(eye));
                double eastWest = maxAbs(w.select(0, 2).matmul(w.select(0, 4)).sub(eye));
                if (tied) {
                    assertTrue(northSouth < 1e-12 && eastWest < 1e-12, "tied: S undoes N and W undoes E");
                } else {
                    assertTrue(northSouth > 1e-3, "untied: S is its own move");
                }
            }
        });
    }

    /** One step at a time (what landmark correction needs) gives the summed-angle form's codes. */
    @Test
    void theStepperWalksTheSameCodes() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Engine.seed(6);
                RotationPathIntegration pi = new RotationPathIntegration(6, 0.7, true);
                Tensor e = Init.normal(1, 2, 6);
                Tensor actions = Tensors.longs(ACTIONS, 2, 5);
                Tensor start = Tensors.doubles(START, 2, 5);
                Tensor continuing = Tensors.oneMinus(start);
                Tensor codes = pi.integrate(e, actions, start, continuing).detach();
                PositionCode.Stepper stepper = pi.stepper();
                for (int t = 0; t < 5; t++) {
                    e = stepper.next(e, actions.select(1, t), start.narrow(1, t, 1), continuing.narrow(1, t, 1));
                    double err = maxAbs(codes.select(1, t).sub(e));
                    assertTrue(err < 1e-12, "step " + t + ": " + err);
                }
            }
        });
    }

    /** The cumulative-angle form equals the step-by-step product e_t = e_{t-1} W_{a_t}, starts included. */
    @Test
    void theSummedAnglesGiveTheSequentialProduct() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Engine.seed(5);
                RotationPathIntegration pi = new RotationPathIntegration(6, 0.7, false);
                Tensor e = Init.normal(1, 2, 6);
                Tensor actions = Tensors.longs(ACTIONS, 2, 5);
                Tensor start = Tensors.doubles(START, 2, 5);
                Tensor codes = pi.integrate(e, actions, start, Tensors.oneMinus(start)).detach();
                Tensor w = pi.transitions().detach();
                Tensor e0 = pi.parameters().get("e0").detach();
                for (int s = 0; s < 2; s++) {
                    Tensor x = e.select(0, s);
                    for (int t = 0; t < 5; t++) {
                        x = START[s * 5 + t] == 1 ? e0 : x.matmul(w.select(0, ACTIONS[s * 5 + t]));
                        double err = maxAbs(codes.select(0, s).select(0, t).sub(x));
                        assertTrue(err < 1e-12, "slot " + s + " step " + t + ": " + err);
                    }
                }
                assertEquals(Tensors.item(e.norm()), Tensors.item(codes.select(1, 1).norm()), 1e-12,
                        "rotations keep |e|");
            }
        });
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void gradientsReachTheBasisTheAnglesAndTheStart(boolean tied) {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Engine.seed(7);
                RotationPathIntegration pi = new RotationPathIntegration(5, 0.5, tied);
                Tensor e = Init.normal(1, 2, 5);
                Tensor actions = Tensors.longs(ACTIONS, 2, 5);
                Tensor start = Tensors.doubles(START, 2, 5);
                Tensor target = Init.normal(1, 2, 5, 5);
                List<Tensor> inputs = GradCheck.parameters(pi);
                inputs.add(e);
                GradCheck.check(inputs, () -> pi.integrate(e, actions, start, Tensors.oneMinus(start)).sub(target)
                        .square().sum(), 12);
            }
        });
    }

    @Test
    void aCodeOfOneUnitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RotationPathIntegration(1, 0.1, false));
    }
}
