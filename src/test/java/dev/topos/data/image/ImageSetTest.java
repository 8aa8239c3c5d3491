package dev.topos.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.topos.nn.Tensors;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.global.torch.ScalarType;
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
    void batchIsFloatImagesAndLongLabels() {
        try (PointerScope ignored = new PointerScope()) {
            ImageSet.Batch b = three().batch(new int[] {0, 2});
            assertArrayEquals(new long[] {2, 2, 2}, b.images().shape());
            assertEquals(ScalarType.Float, b.images().scalar_type().intern());
            assertArrayEquals(new float[] {0, 0.25f, 0.5f, 1, 0, 0, 0, 0}, Tensors.toFloats(b.images()));
            assertArrayEquals(new long[] {2}, b.labels().shape());
            assertEquals(ScalarType.Long, b.labels().scalar_type().intern());
            assertArrayEquals(new long[] {2, 1}, Tensors.toLongs(b.labels()));
            assertArrayEquals(new long[] {0, 1}, Tensors.toLongs(three().range(1, 3).labels()));
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
