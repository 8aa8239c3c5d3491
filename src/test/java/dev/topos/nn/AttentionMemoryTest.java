package dev.topos.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/** TEM-t's attention memory in float64 against its formula written out by hand, keys given in parts. */
class AttentionMemoryTest {
    private static final int E = 3;
    private static final int S = 4;
    private static final int D = 2;

    @Test
    void retrievesTheSoftmaxWeightedValuesOfTheAllowedMemories() {
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                Engine.seed(4);
                AttentionMemory mem = new AttentionMemory(E, S, D, D);
                double[] query = {0.5, -1.0, 1.5};                                     // zscored already: any row will do
                double[][] keys = {{1.0, 0.0, -1.0}, {-0.2, 1.3, 0.4}, {0.7, 0.7, -1.4}, {0.0, -2.0, 1.0}};
                long[] symbols = {2, 0, 3, 2};
                double[] mask = {1, 0, 1, 1};                                          // memory 1 may not be read
                double[] wE = Tensors.toDoubles(mem.parameters().get("w_e"));          // (E, D)
                double[] wX = Tensors.toDoubles(mem.parameters().get("w_x"));          // (S, D)
                double[] q = project(query, wE);
                double beta = 1 + Math.log(3 - 1);                                     // n = 3 allowed
                double[] a = new double[keys.length];
                double sum = 0;
                for (int k = 0; k < keys.length; k++) {
                    double[] key = project(keys[k], wE);
                    a[k] = mask[k] == 0 ? 0 : Math.exp(beta * (q[0] * key[0] + q[1] * key[1]) / Math.sqrt(D));
                    sum += a[k];
                }
                double[] expected = new double[D];
                for (int k = 0; k < keys.length; k++) {
                    a[k] /= sum;
                    for (int j = 0; j < D; j++) {
                        expected[j] += a[k] * wX[(int) symbols[k] * D + j];
                    }
                }
                Tensor keyCodes = Tensors.doubles(flat(keys), 1, keys.length, E);
                AttentionMemory.Retrieval r = mem.retrieve(Tensors.doubles(query, 1, 1, E),
                        List.of(keyCodes.narrow(1, 0, 3), keyCodes.narrow(1, 3, 1)),
                        torch.one_hot(Tensors.longs(symbols, 1, keys.length), S).toType(Engine.floatType()),
                        Tensors.doubles(mask, 1, 1, keys.length));
                assertArrayEquals(a, Tensors.toDoubles(r.attention()), 1e-12);
                assertArrayEquals(expected, Tensors.toDoubles(r.values()), 1e-12);
            }
        });
    }

    private static double[] project(double[] z, double[] w) {
        double[] out = new double[D];
        for (int j = 0; j < D; j++) {
            for (int i = 0; i < E; i++) {
                out[j] += z[i] * w[i * D + j];
            }
        }
        return out;
    }

    private static double[] flat(double[][] rows) {
        double[] out = new double[rows.length * rows[0].length];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, out, r * rows[0].length, rows[0].length);
        }
        return out;
    }
}
