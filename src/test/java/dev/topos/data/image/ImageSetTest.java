package dev.topos.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class ImageSetTest {
    /** Three 2 x 2 images. */
    static ImageSet three() {
        return ImageSet.of(new float[][] {{0, 0.25f, 0.5f, 1}, {1, 1, 1, 1}, {0, 0, 0, 0}}, new int[] {2, 0, 1}, 2, 2, 3);
    }

    @Test
    void sizesLabelsAndPixels() {
        ImageSet s = three();
        assertEquals(3, s.size());
        assertEquals(2, s.height());
        assertEquals(2, s.width());
        assertEquals(3, s.classes());
        assertArrayEquals(new int[] {2, 0, 1}, s.labels());
        assertArrayEquals(new int[] {1, 1, 1}, s.classCounts());
        assertArrayEquals(new float[] {1, 1, 1, 1}, s.pixels(1));
    }

    @Test
    void isImmutable() {
        float[][] images = {{0.5f, 0.5f, 0.5f, 0.5f}};
        int[] labels = {1};
        ImageSet s = ImageSet.of(images, labels, 2, 2, 2);
        images[0][0] = 0;
        labels[0] = 0;
        s.pixels(0)[1] = 0;
        s.labels()[0] = 0;
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, s.pixels(0));
        assertEquals(1, s.label(0));
    }

    @Test
    void meanAndStdAreOverAllPixels() {
        ImageSet s = three();
        // pixels: 0, .25, .5, 1, 1, 1, 1, 1, 0, 0, 0, 0 -> sum 5.75 over 12
        double mean = 5.75 / 12;
        double var = (2 * mean * mean + 5 * (1 - mean) * (1 - mean) + (0.25 - mean) * (0.25 - mean)
                + (0.5 - mean) * (0.5 - mean) + 3 * mean * mean) / 12;
        assertEquals(mean, s.meanPixel(), 1e-12);
        assertEquals(Math.sqrt(var), s.stdPixel(), 1e-12);
        assertEquals(1.0, s.subset(new int[] {1}).meanPixel(), 1e-12);
        assertEquals(0.0, s.subset(new int[] {1, 1}).stdPixel(), 1e-12);
    }

    @Test
    void subsetPicksInOrder() {
        ImageSet sub = three().subset(new int[] {2, 0, 2});
        assertArrayEquals(new int[] {1, 2, 1}, sub.labels());
        assertArrayEquals(new float[] {0, 0.25f, 0.5f, 1}, sub.pixels(1));
        assertEquals(3, sub.classes());
        assertThrows(IndexOutOfBoundsException.class, () -> three().subset(new int[] {3}));
    }

    @Test
    void batchIsFloatImagesAndIntLabels() {
        try (NDManager m = NDManager.newBaseManager()) {
            ImageSet.Batch b = three().batch(m, new int[] {0, 2});
            assertEquals(new Shape(2, 2, 2), b.images().getShape());
            assertEquals(DataType.FLOAT32, b.images().getDataType());
            assertArrayEquals(new float[] {0, 0.25f, 0.5f, 1, 0, 0, 0, 0}, b.images().toFloatArray());
            assertEquals(new Shape(2), b.labels().getShape());
            assertEquals(DataType.INT32, b.labels().getDataType());
            assertArrayEquals(new int[] {2, 1}, b.labels().toIntArray());
            assertArrayEquals(new int[] {0, 1}, three().range(m, 1, 3).labels().toIntArray());
        }
    }

    @Test
    void rejectsBadInput() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> ImageSet.of(new float[][] {{0, 0, 0}}, new int[] {0}, 2, 2, 2)).getMessage();
        assertEquals("image 0 has 3 pixels; expected 2 x 2 = 4", m);
        m = assertThrows(IllegalArgumentException.class,
                () -> ImageSet.of(new float[][] {{0, 0, 1.5f, 0}}, new int[] {0}, 2, 2, 2)).getMessage();
        assertEquals("image 0 pixel 2 is 1.5; allowed: 0 .. 1", m);
        m = assertThrows(IllegalArgumentException.class,
                () -> ImageSet.of(new float[][] {{0, 0, Float.NaN, 0}}, new int[] {0}, 2, 2, 2)).getMessage();
        assertEquals("image 0 pixel 2 is NaN; allowed: 0 .. 1", m);
        m = assertThrows(IllegalArgumentException.class,
                () -> ImageSet.of(new float[][] {{0, 0, 0, 0}}, new int[] {2}, 2, 2, 2)).getMessage();
        assertEquals("label of image 0 is 2; allowed: 0 .. 1", m);
        m = assertThrows(IllegalArgumentException.class,
                () -> ImageSet.of(new float[][] {{0, 0, 0, 0}}, new int[] {0, 1}, 2, 2, 2)).getMessage();
        assertEquals("1 images but 2 labels", m);
    }
}
