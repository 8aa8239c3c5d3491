package dev.topos.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class TokenizedSetTest {
    @Test
    void batchGathersIdsRealMaskAndLabels() {
        TokenizedSet set = new TokenizedSet(new int[][] {{3, 9, 2, 1}, {3, 8, 7, 2}, {3, 2, 1, 1}},
                new int[] {3, 4, 2}, new int[] {1, 0, 1});
        try (NDManager m = NDManager.newBaseManager()) {
            TokenizedSet.Batch b = set.batch(m, new int[] {2, 0});
            assertArrayEquals(new int[] {3, 2, 1, 1, 3, 9, 2, 1}, b.ids().toIntArray());
            assertArrayEquals(new float[] {1, 1, 0, 0, 1, 1, 1, 0}, b.real().toFloatArray());
            assertArrayEquals(new int[] {1, 1}, b.labels().toIntArray());
            assertArrayEquals(new int[] {3, 8, 7, 2, 3, 2, 1, 1}, set.range(m, 1, 3).ids().toIntArray());
        }
    }
}
