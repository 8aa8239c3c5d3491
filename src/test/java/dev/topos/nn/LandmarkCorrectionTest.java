package dev.topos.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

/** Landmark drift correction in float64, against its formula written out by hand, and its gradients. */
class LandmarkCorrectionTest {
    private static final int E = 4;
    private static final int D = 3;
    private static final double[] PATH = {0.3, -1.2, 0.8, 0.1};
    /** Three memories: two candidates and one that is not (another symbol, or not readable). */
    private static final double[][] CODES = {{1.0, 0.2, -0.5, 0.4}, {-0.3, 0.9, 0.6, -1.1}, {2.0, 2.0, -2.0, 0.0}};

    private static double[] zscore(double[] g) {
        double mean = 0;
        for (double v : g) {
            mean += v / g.length;
        }
        double var = 0;
        for (double v : g) {
            var += (v - mean) * (v - mean) / g.length;
        }
        double[] z = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            z[i] = (g[i] - mean) / Math.sqrt(var + 1e-5);
        }
        return z;
    }

    /** zscore(g) W_l for W_l (E, D) given row-major. */
    private static double[] key(double[] g, double[] wL) {
        double[] z = zscore(g);
        double[] k = new double[D];
        for (int j = 0; j < D; j++) {
            for (int i = 0; i < E; i++) {
                k[j] += z[i] * wL[i * D + j];
            }
        }
        return k;
    }

    private static Tensor row(double[] v) {
        return Tensors.doubles(v, 1, v.length);
    }

    private static Tensor memories(double[][] codes) {
        double[] flat = new double[codes.length * E];
        for (int m = 0; m < codes.length; m++) {
            System.arraycopy(codes[m], 0, flat, m * E, E);
        }
        return Tensors.doubles(flat, 1, codes.length, E);
    }

    private static double[] correct(LandmarkCorrection lc, double[] match) {
        Tensor codes = memories(CODES);
        return Tensors.toDoubles(lc.correct(row(PATH), List.of(AttentionMemory.zscore(codes)), List.of(codes),
                List.of(Tensors.doubles(match, 1, match.length))));
    }

    @Test
    void withoutACandidateTheCodeIsThePathIntegratedOne() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Engine.seed(1);
                assertArrayEquals(PATH, correct(new LandmarkCorrection(E, D), new double[] {0, 0, 0}), 0);
            }
        });
    }

    @Test
    void theCodeMovesByTheGateTowardsTheRetrievedOne() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Engine.seed(2);
                LandmarkCorrection lc = new LandmarkCorrection(E, D);
                double[] wL = Tensors.toDoubles(lc.parameters().get("w_l"));
                double[] wF = Tensors.toDoubles(lc.parameters().get("w_f"));
                double[] bF = {0.2, -0.4, 0.1, 0.7};
                Tensors.copy(Tensors.doubles(bF, E), lc.parameters().get("b_f"));
                // Two candidates: n = 2, so beta = 1 + ln(max(n - 1, 1)) = 1.
                double[] q = key(PATH, wL);
                double[] s = new double[2];
                for (int m = 0; m < 2; m++) {
                    double[] k = key(CODES[m], wL);
                    for (int j = 0; j < D; j++) {
                        s[m] += q[j] * k[j] / Math.sqrt(D);
                    }
                }
                double a0 = 1 / (1 + Math.exp(s[1] - s[0]));
                double[] expected = new double[E];
                for (int j = 0; j < E; j++) {
                    double[] both = new double[2 * E];
                    for (int i = 0; i < E; i++) {
                        both[i] = a0 * CODES[0][i] + (1 - a0) * CODES[1][i];
                        both[E + i] = PATH[i];
                    }
                    double pre = bF[j];
                    for (int i = 0; i < 2 * E; i++) {
                        pre += both[i] * wF[i * E + j];
                    }
                    double gate = 1 / (1 + Math.exp(-pre));
                    expected[j] = PATH[j] + gate * (both[j] - PATH[j]);
                }
                assertArrayEquals(expected, correct(lc, new double[] {1, 1, 0}), 1e-12);
            }
        });
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Engine.seed(3);
                LandmarkCorrection lc = new LandmarkCorrection(E, D);
                Tensor path = row(PATH);
                Tensor carried = memories(new double[][] {CODES[0], CODES[2]});
                Tensor own = memories(new double[][] {CODES[1]});
                Tensor target = Tensors.doubles(new double[] {0.5, -0.2, 0.3, 0.9}, 1, E);
                List<Tensor> inputs = new java.util.ArrayList<>(GradCheck.parameters(lc));
                inputs.addAll(List.of(path, carried, own));
                GradCheck.check(inputs, () -> lc.correct(path, List.of(AttentionMemory.zscore(carried),
                                AttentionMemory.zscore(own)),
                        List.of(carried, own), List.of(Tensors.doubles(new double[] {1, 1}, 1, 2),
                                Tensors.doubles(new double[] {1}, 1, 1))).mul(target).sum(), 6);
            }
        });
    }
}
