package dev.topos.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {
    /** 1,000 items sorted by class: class c has 50 + 20c items (50 ... 230) of 5 classes, then 0 of a 6th. */
    private static int[] labels() {
        int[] y = new int[50 + 70 + 90 + 110 + 130];
        int k = 0;
        for (int c = 0; c < 5; c++) {
            for (int i = 0; i < 50 + 20 * c; i++) {
                y[k++] = c;
            }
        }
        return y;
    }

    @Test
    void partsAreDisjointAndCoverEveryItem() {
        int[] y = labels();
        int[][] parts = StratifiedSplit.indices(y, 6, 0.3, 42);
        int[] all = new int[y.length];
        int k = 0;
        for (int[] part : parts) {
            for (int i : part) {
                all[k++] = i;
            }
        }
        assertEquals(y.length, k);
        Arrays.sort(all);
        for (int i = 0; i < all.length; i++) {
            assertEquals(i, all[i]);
        }
    }

    @Test
    void eachClassIsHeldOutInProportion() {
        int[] y = labels();
        int[] held = StratifiedSplit.indices(y, 6, 0.3, 42)[1];
        int[] counts = new int[6];
        for (int i : held) {
            counts[y[i]]++;
        }
        assertArrayEquals(new int[] {15, 21, 27, 33, 39, 0}, counts);
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        int[] y = labels();
        int[][] a = StratifiedSplit.indices(y, 6, 0.3, 42);
        int[][] b = StratifiedSplit.indices(y, 6, 0.3, 42);
        int[][] c = StratifiedSplit.indices(y, 6, 0.3, 43);
        assertArrayEquals(a[0], b[0]);
        assertArrayEquals(a[1], b[1]);
        assertFalse(Arrays.equals(a[1], c[1]));
    }

    @Test
    void partsAreShuffledNotSortedByClass() {
        int[] y = labels();
        int[] held = StratifiedSplit.indices(y, 6, 0.3, 42)[1];
        int[] firstTen = new int[10];
        for (int i = 0; i < 10; i++) {
            firstTen[i] = y[held[i]];
        }
        assertFalse(Arrays.stream(firstTen).allMatch(c -> c == firstTen[0]), Arrays.toString(firstTen));
    }

    @Test
    void edgeFractionsAndErrors() {
        int[] y = labels();
        assertEquals(0, StratifiedSplit.indices(y, 6, 0, 1)[1].length);
        assertEquals(0, StratifiedSplit.indices(y, 6, 1, 1)[0].length);
        String m = assertThrows(IllegalArgumentException.class, () -> StratifiedSplit.indices(y, 6, 1.5, 1)).getMessage();
        assertEquals("held-out fraction 1.5 is out of range; allowed: 0 .. 1", m);
    }

    @Test
    void ofSplitsTheImagesWithTheirLabels() {
        float[][] images = new float[20][];
        int[] y = new int[20];
        for (int i = 0; i < 20; i++) {
            images[i] = new float[] {i / 20f};
            y[i] = i % 2;
        }
        ImageSplit s = StratifiedSplit.of(ImageSet.of(images, y, 1, 1, 2), 0.2, 7);
        assertEquals(16, s.kept().size());
        assertEquals(4, s.heldOut().size());
        assertArrayEquals(new int[] {8, 8}, s.kept().classCounts());
        assertArrayEquals(new int[] {2, 2}, s.heldOut().classCounts());
        for (ImageSet part : new ImageSet[] {s.kept(), s.heldOut()}) {
            for (int i = 0; i < part.size(); i++) {
                int original = Math.round(part.pixels(i)[0] * 20);
                assertEquals(original % 2, part.label(i));
            }
        }
    }
}
