package dev.topos.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class PatchesTest {
    @Test
    void patchifyMatchesAHandWrittenCase() {
        try (NDManager m = NDManager.newBaseManager()) {
            // one 4 x 4 image, pixel value = 10 * row + col
            float[] image = {
                0, 1, 2, 3,
                10, 11, 12, 13,
                20, 21, 22, 23,
                30, 31, 32, 33};
            NDArray patches = Patches.patchify(m.create(image, new Shape(1, 4, 4)), 2);
            assertEquals(new Shape(1, 4, 4), patches.getShape());
            assertArrayEquals(new float[] {
                0, 1, 10, 11,    // patch 0: grid (0, 0)
                2, 3, 12, 13,    // patch 1: grid (0, 1)
                20, 21, 30, 31,  // patch 2: grid (1, 0)
                22, 23, 32, 33}, // patch 3: grid (1, 1)
                    patches.toFloatArray());
        }
    }

    @Test
    void nonSquareImagesAndBatches() {
        try (NDManager m = NDManager.newBaseManager()) {
            // two 2 x 6 images, patch 2: a 1 x 3 grid; second image = first + 100
            float[] x = new float[24];
            for (int b = 0; b < 2; b++) {
                for (int r = 0; r < 2; r++) {
                    for (int c = 0; c < 6; c++) {
                        x[b * 12 + r * 6 + c] = 100 * b + 10 * r + c;
                    }
                }
            }
            NDArray p = Patches.patchify(m.create(x, new Shape(2, 2, 6)), 2);
            assertEquals(new Shape(2, 3, 4), p.getShape());
            assertArrayEquals(new float[] {0, 1, 10, 11, 2, 3, 12, 13, 4, 5, 14, 15,
                100, 101, 110, 111, 102, 103, 112, 113, 104, 105, 114, 115}, p.toFloatArray());
            assertArrayEquals(x, Patches.unpatchify(p, 2, 2, 6).toFloatArray());
        }
    }

    @Test
    void unpatchifyInvertsPatchify() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray images = m.randomUniform(0, 1, new Shape(3, 28, 28));
            for (int patch : new int[] {1, 4, 7, 14, 28}) {
                NDArray p = Patches.patchify(images, patch);
                assertEquals(new Shape(3, Patches.count(28, 28, patch), (long) patch * patch), p.getShape());
                NDArray back = Patches.unpatchify(p, patch, 28, 28);
                assertEquals(images.getShape(), back.getShape());
                assertArrayEquals(images.toFloatArray(), back.toFloatArray());
            }
        }
    }

    @Test
    void errorsNameTheSizes() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray images = m.zeros(new Shape(1, 28, 28));
            assertEquals("image size 28 x 28 is not divisible by the patch size 5",
                    assertThrows(IllegalArgumentException.class, () -> Patches.patchify(images, 5)).getMessage());
            assertEquals("patchify takes images (B, H, W), got shape (28, 28)",
                    assertThrows(IllegalArgumentException.class,
                            () -> Patches.patchify(m.zeros(new Shape(28, 28)), 4)).getMessage());
            assertEquals("unpatchify of 28 x 28 images with patch 4 takes patches (B, 49, 16), got shape (1, 48, 16)",
                    assertThrows(IllegalArgumentException.class,
                            () -> Patches.unpatchify(m.zeros(new Shape(1, 48, 16)), 4, 28, 28)).getMessage());
            assertEquals("image size 28 x 30 is not divisible by the patch size 4",
                    assertThrows(IllegalArgumentException.class, () -> Patches.count(28, 30, 4)).getMessage());
        }
    }
}
