package dev.topos.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EpochSamplerTest {
    /** 10 items in batches of 3: 3 batches an epoch, 9 distinct items, the 10th waits. */
    @Test
    void anEpochDrawsDistinctItemsAndDropsTheRemainder() {
        EpochSampler s = new EpochSampler(10, 3, 5);
        assertEquals(3, s.batchesPerEpoch());
        Set<Integer> seen = new HashSet<>();
        for (int b = 0; b < 3; b++) {
            for (int i : s.next()) {
                assertTrue(i >= 0 && i < 10);
                assertTrue(seen.add(i), "item " + i + " twice in one epoch");
            }
        }
        assertEquals(9, seen.size());
    }

    /** Over many epochs every item is drawn about equally often (each epoch leaves out one at random). */
    @Test
    void everyItemComesUpAcrossEpochs() {
        EpochSampler s = new EpochSampler(10, 3, 6);
        int[] counts = new int[10];
        for (int b = 0; b < 3 * 1000; b++) {
            for (int i : s.next()) {
                counts[i]++;
            }
        }
        for (int c : counts) {
            assertEquals(900, c, 60, Arrays.toString(counts));
        }
    }

    @Test
    void restoredStateContinuesTheSameStream() {
        EpochSampler a = new EpochSampler(20, 4, 7);
        for (int b = 0; b < 7; b++) {
            a.next();
        }
        EpochSampler b = new EpochSampler(20, 4, 7);
        b.setState(a.state(), "test");
        for (int k = 0; k < 12; k++) {
            assertArrayEquals(a.next(), b.next());
        }
    }

    @Test
    void epochsAreShuffledApartAndSeedsDiffer() {
        EpochSampler a = new EpochSampler(50, 50, 1);
        assertFalse(Arrays.equals(a.next(), a.next()));
        assertFalse(Arrays.equals(new EpochSampler(50, 50, 1).next(), new EpochSampler(50, 50, 2).next()));
    }

    @Test
    void badSizesAndStatesAreErrors() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new EpochSampler(5, 6, 1)).getMessage()
                .contains("batch size 6"));
        EpochSampler s = new EpochSampler(10, 5, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.setState(new long[] {0, 3}, "ck.safetensors"))
                .getMessage().startsWith("ck.safetensors"));
    }
}
