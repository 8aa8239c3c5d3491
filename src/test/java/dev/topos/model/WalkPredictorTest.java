package dev.topos.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.nn.Engine;
import dev.topos.nn.MixedPrecisionTest;
import dev.topos.nn.Tensors;
import dev.topos.util.Rng;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants of both walk models: no step sees its future, carrying state across chunks equals one
 * long chunk, and nothing crosses a world switch.
 */
class WalkPredictorTest {
    private static final int S = 7;
    private static final int B = 2;
    private static final int T = 12;
    private static final TemModelConfig CFG = new TemModelConfig("tem-t", 8, 4, 4, "relu", "additive", false, true, 5, 0.1, 64, 9, 6, false, false, 0.9, 0);
    /** With landmark correction and a conjunctive memory (a low threshold, so that some steps are not stored). */
    private static final TemModelConfig PAPER = new TemModelConfig("tem-t", 8, 4, 4, "relu", "additive", false, true, 5, 0.1, 64, 9, 6, true, true, 0.3, 0);

    /** The memory reads positions through 6 non-negative grid units. */
    private static final TemModelConfig GRID = new TemModelConfig("tem-t", 8, 4, 4, "linear", "rotation", true, false, 5, 1, 64, 9, 6, false, false, 0.9, 6);

    static Stream<IntFunction<WalkPredictor>> models() {
        return Stream.of(seed -> {
            Engine.seed(seed);
            return new TemTransformer(CFG, S, 5);
        }, seed -> {
            Engine.seed(seed);
            return new TemTransformer(GRID, S, 5);
        }, seed -> {
            Engine.seed(seed);
            return new TemTransformer(PAPER, S, 5);
        }, seed -> {
            Engine.seed(seed);
            return new LstmBaseline(CFG, S, 5);
        });
    }

    private record Walk(int[][] obs, int[][] act, boolean[][] start, long[][] world) {
        static Walk random(long seed, int switchAt) {
            Rng r = new Rng(seed);
            int[][] obs = new int[B][T];
            int[][] act = new int[B][T];
            boolean[][] start = new boolean[B][T];
            long[][] world = new long[B][T];
            for (int b = 0; b < B; b++) {
                for (int t = 0; t < T; t++) {
                    obs[b][t] = r.nextInt(S);
                    act[b][t] = r.nextInt(5);
                    start[b][t] = t == 0 || (b == 1 && t == switchAt);
                    world[b][t] = b == 1 && t >= switchAt ? 1 : 0;
                }
            }
            return new Walk(obs, act, start, world);
        }

        Walk slice(int from, int to) {
            int[][] o = new int[B][];
            int[][] a = new int[B][];
            boolean[][] s = new boolean[B][];
            long[][] w = new long[B][];
            for (int b = 0; b < B; b++) {
                o[b] = java.util.Arrays.copyOfRange(obs[b], from, to);
                a[b] = java.util.Arrays.copyOfRange(act[b], from, to);
                s[b] = java.util.Arrays.copyOfRange(start[b], from, to);
                w[b] = java.util.Arrays.copyOfRange(world[b], from, to);
            }
            return new Walk(o, a, s, w);
        }

        WalkBatch batch() {
            return WalkBatch.of(obs, act, start, world);
        }
    }

    private static float[] logits(WalkPredictor model, Walk walk) {
        try (Carry carry = model.initialCarry(B)) {
            return Tensors.toFloats(model.forward(carry, walk.batch()).logits());
        }
    }

    private static float[] step(float[] logits, int b, int t) {
        int from = (b * T + t) * S;
        return java.util.Arrays.copyOfRange(logits, from, from + S);
    }

    @ParameterizedTest
    @MethodSource("models")
    void noStepSeesItsFuture(IntFunction<WalkPredictor> make) {
        try (PointerScope scope = new PointerScope()) {
            WalkPredictor model = make.apply(5);
            Walk walk = Walk.random(1, 7);
            float[] before = logits(model, walk);
            int changed = 5;
            walk.obs()[0][changed] = (walk.obs()[0][changed] + 1) % S;
            walk.act()[0][changed + 1] = (walk.act()[0][changed + 1] + 1) % 5;
            float[] after = logits(model, walk);
            for (int t = 0; t <= changed; t++) {
                assertArrayEquals(step(before, 0, t), step(after, 0, t), 0f, "step " + t + " saw the future");
            }
            boolean later = false;
            for (int t = changed + 1; t < T; t++) {
                later |= !java.util.Arrays.equals(step(before, 0, t), step(after, 0, t));
            }
            assertTrue(later, "the change should reach later predictions");
            for (int t = 0; t < T; t++) {
                assertArrayEquals(step(before, 1, t), step(after, 1, t), 0f, "slots must be independent");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void carryingStateAcrossChunksEqualsOneLongChunk(IntFunction<WalkPredictor> make) {
        try (PointerScope scope = new PointerScope()) {
            WalkPredictor model = make.apply(6);
            Walk walk = Walk.random(2, 7);
            float[] whole = logits(model, walk);
            Carry carry = model.initialCarry(B);
            float[] first = Tensors.toFloats(model.forward(carry, walk.slice(0, 5).batch()).logits());
            float[] second = Tensors.toFloats(model.forward(carry, walk.slice(5, T).batch()).logits());
            carry.close();
            for (int b = 0; b < B; b++) {
                for (int t = 0; t < T; t++) {
                    float[] chunked = t < 5 ? java.util.Arrays.copyOfRange(first, (b * 5 + t) * S, (b * 5 + t + 1) * S)
                            : java.util.Arrays.copyOfRange(second, (b * 7 + t - 5) * S, (b * 7 + t - 4) * S);
                    assertArrayEquals(step(whole, b, t), chunked, 1e-5f, "slot " + b + " step " + t);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void nothingCrossesAWorldSwitch(IntFunction<WalkPredictor> make) {
        try (PointerScope scope = new PointerScope()) {
            WalkPredictor model = make.apply(7);
            Walk walk = Walk.random(3, 6);
            float[] before = logits(model, walk);
            for (int t = 0; t < 6; t++) { // slot 1's old world
                walk.obs()[1][t] = (walk.obs()[1][t] + 3) % S;
                walk.act()[1][t] = (walk.act()[1][t] + 2) % 5;
            }
            float[] after = logits(model, walk);
            for (int t = 6; t < T; t++) {
                assertArrayEquals(step(before, 1, t), step(after, 1, t), 0f, "step " + t + " saw the old world");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void attentionRowsSumToOneOverValidMemoriesOnly() {
        try (PointerScope scope = new PointerScope()) {
            Engine.seed(9);
            TemTransformer model = new TemTransformer(CFG, S, 5);
            Walk walk = Walk.random(4, 6);
            Tensor att = model.forward(model.initialCarry(B), walk.batch()).attention();
            // shape (B, T, capacity + T); step t of slot 1 after the switch at 6 sees steps 6..t-1 only
            assertEquals(64 + T, att.size(2));
            float[] row = Tensors.toFloats(att.select(0, 1).select(0, 9));
            float sum = 0;
            for (int k = 0; k < row.length; k++) {
                boolean valid = k >= 64 + 6 && k < 64 + 9;
                if (!valid) {
                    assertEquals(0f, row[k], 0f, "memory " + k);
                }
                sum += row[k];
            }
            assertEquals(1f, sum, 1e-5f);
            float[] first = Tensors.toFloats(att.select(0, 0).select(0, 0));
            for (float v : first) {
                assertEquals(0f, v, 0f, "the first step of a world has nothing to read");
            }
        }
    }

    /** With grid units the model reports p = relu(zscore(g) W_p + b_p) of each step's code, and the analyses read them. */
    @org.junit.jupiter.api.Test
    void gridUnitsAreTheReadoutOfEachStepsCode() {
        try (PointerScope scope = new PointerScope()) {
            Engine.seed(10);
            TemTransformer model = new TemTransformer(GRID, S, 5);
            WalkPredictor.Prediction p = model.forward(model.initialCarry(B), Walk.random(4, 6).batch());
            assertEquals(6, p.gridUnits().size(2));
            Tensor w = model.parameters().get("grid.linear.weight");
            Tensor b = model.parameters().get("grid.linear.bias");
            Tensor z = torch.layer_norm(p.codes(), 8);
            assertArrayEquals(Tensors.toFloats(z.matmul(w.t()).add(b).relu()), Tensors.toFloats(p.gridUnits()), 1e-5f);
            assertTrue(Tensors.item(p.gridUnits().min()) >= 0);
            assertTrue(p.positionUnits() == p.gridUnits());
        }
    }

    /** TEM-t and the LSTM under bf16 autocast stay within bf16 rounding of fp32 over a 12-step walk. */
    @ParameterizedTest
    @MethodSource("models")
    void bf16ForwardAgreesWithFp32(IntFunction<WalkPredictor> make) {
        WalkPredictor model = make.apply(3);
        Walk walk = Walk.random(5, 6);
        MixedPrecisionTest.agree(model.getClass().getSimpleName(), () -> {
            try (Carry carry = model.initialCarry(B)) {
                return model.forward(carry, walk.batch()).logits();
            }
        });
    }
}
