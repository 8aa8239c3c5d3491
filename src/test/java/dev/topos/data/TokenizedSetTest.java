package dev.topos.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.topos.nn.Tensors;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.Test;

class TokenizedSetTest {
    @Test
    void batchGathersIdsRealMaskAndLabels() {
        TokenizedSet set = new TokenizedSet(new int[][] {{3, 9, 2, 1}, {3, 8, 7, 2}, {3, 2, 1, 1}},
                new int[] {3, 4, 2}, new int[] {1, 0, 1});
        try (PointerScope ignored = new PointerScope()) {
            TokenizedSet.Batch b = set.batch(new int[] {2, 0});
            assertArrayEquals(new long[] {2, 4}, b.ids().shape());
            assertArrayEquals(new long[] {3, 2, 1, 1, 3, 9, 2, 1}, Tensors.toLongs(b.ids()));
            assertArrayEquals(new float[] {1, 1, 0, 0, 1, 1, 1, 0}, Tensors.toFloats(b.real()));
            assertArrayEquals(new long[] {1, 1}, Tensors.toLongs(b.labels()));
            assertEquals(ScalarType.Long, b.ids().scalar_type().intern(), "ids are int64");
            assertEquals(ScalarType.Long, b.labels().scalar_type().intern(), "labels are int64");
            assertEquals(ScalarType.Float, b.real().scalar_type().intern(), "the real-token mask is float");
            assertArrayEquals(new long[] {3, 8, 7, 2, 3, 2, 1, 1}, Tensors.toLongs(set.range(1, 3).ids()));
        }
    }
}
