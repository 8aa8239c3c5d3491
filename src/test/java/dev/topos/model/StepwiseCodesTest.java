package dev.topos.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.nn.AttentionMemory;
import dev.topos.nn.Engine;
import dev.topos.nn.RotationPathIntegration;
import dev.topos.nn.Tensors;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The conjunctive memory: a step is stored only when no memory holds its (code, observation)
 * conjunction. Rotation path integration makes the codes exact (stay is the identity, and with tied
 * inverses S undoes N), so which steps repeat a conjunction is known by hand.
 */
class StepwiseCodesTest {
    private static final int S = 6;
    private static final int STAY = 0;
    private static final int N = 1;
    private static final int SOUTH = 3;

    private static WalkBatch walk(int[][] obs, int[][] actions, boolean firstStarts) {
        int b = obs.length;
        int t = obs[0].length;
        boolean[][] start = new boolean[b][t];
        long[][] world = new long[b][t];
        for (int i = 0; i < b; i++) {
            start[i][0] = firstStarts;
        }
        return WalkBatch.of(obs, actions, start, world);
    }

    private static float[] stored(StepwiseCodes.Codes codes) {
        return Tensors.toFloats(codes.stored());
    }

    @Test
    void aRepeatedConjunctionIsStoredOnceAndANewSymbolAtTheSamePlaceIsStored() {
        try (PointerScope ignored = new PointerScope()) {
            Engine.seed(4);
            RotationPathIntegration path = new RotationPathIntegration(8, 1.5, true);
            Carry carry = new Carry();
            MemoryBuffer.allocate(carry, 2, 16, 8, S);
            // Slot 0 stays on one node, which shows 3, 3, 3, then 4, 3, 4: new conjunctions at steps 0 and 3.
            // Slot 1 walks N, S, N, S between two nodes showing 2 and 5: new at steps 0 and 1 only.
            int[][] obs = {{3, 3, 3, 4, 3, 4}, {2, 5, 2, 5, 2, 5}};
            int[][] act = {{STAY, STAY, STAY, STAY, STAY, STAY}, {STAY, N, SOUTH, N, SOUTH, N}};
            WalkBatch in = walk(obs, act, true);
            Tensor x = in.obsOneHot(S);
            StepwiseCodes.Codes codes = StepwiseCodes.run(path, null, 0.9, Tensors.zeros(2, 8),
                    MemoryBuffer.carried(carry), in, x);
            Tensor z = AttentionMemory.zscore(codes.codes().select(0, 1));
            double corr = Tensors.item(z.select(0, 0).dot(z.select(0, 1))) / 8;
            assertTrue(corr < 0.9, "the two nodes' codes must differ for the test to mean anything: " + corr);
            assertArrayEquals(new float[] {1, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0}, stored(codes));

            // Carried to the next chunk, the memory still holds slot 0's two conjunctions.
            MemoryBuffer.keepLast(carry, MemoryBuffer.with(carry, codes.codes(), x, codes.stored(), in));
            WalkBatch next = walk(new int[][] {{4, 3, 1}, {2, 5, 1}}, new int[][] {{STAY, STAY, STAY}, {SOUTH, N, STAY}},
                    false);
            StepwiseCodes.Codes later = StepwiseCodes.run(path, null, 0.9, codes.codes().select(1, 5),
                    MemoryBuffer.carried(carry), next, next.obsOneHot(S));
            assertArrayEquals(new float[] {0, 0, 1, 0, 0, 1}, stored(later));
            carry.close();
        }
    }

    @Test
    void withoutAThresholdEveryStepIsStored() {
        try (PointerScope ignored = new PointerScope()) {
            Engine.seed(4);
            RotationPathIntegration path = new RotationPathIntegration(8, 1.5, true);
            Carry carry = new Carry();
            MemoryBuffer.allocate(carry, 1, 4, 8, S);
            WalkBatch in = walk(new int[][] {{3, 3, 3}}, new int[][] {{STAY, STAY, STAY}}, true);
            StepwiseCodes.Codes codes = StepwiseCodes.run(path, null, Double.NaN, Tensors.zeros(1, 8),
                    MemoryBuffer.carried(carry), in, in.obsOneHot(S));
            assertArrayEquals(new float[] {1, 1, 1}, stored(codes));
            carry.close();
        }
    }
}
