package dev.topos.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.topos.nn.Init;
import dev.topos.nn.Tensors;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

class PatchesTest {
    @Test
    void patchifyMatchesAHandWrittenCase() {
        try (PointerScope ignored = new PointerScope()) {
            // one 4 x 4 image, pixel value = 10 * row + col
            float[] image = {
                0, 1, 2, 3,
                10, 11, 12, 13,
                20, 21, 22, 23,
                30, 31, 32, 33};
            Tensor patches = Patches.patchify(Tensors.floats(image, 1, 4, 4), 2);
            assertArrayEquals(new long[] {1, 4, 4}, patches.shape());
            assertArrayEquals(new float[] {
                0, 1, 10, 11,    // patch 0: grid (0, 0)
                2, 3, 12, 13,    // patch 1: grid (0, 1)
                20, 21, 30, 31,  // patch 2: grid (1, 0)
                22, 23, 32, 33}, // patch 3: grid (1, 1)
                    Tensors.toFloats(patches));
        }
    }

    @Test
    void nonSquareImagesAndBatches() {
        try (PointerScope ignored = new PointerScope()) {
            // two 2 x 6 images, patch 2: a 1 x 3 grid; second image = first + 100
            float[] x = new float[24];
            for (int b = 0; b < 2; b++) {
                for (int r = 0; r < 2; r++) {
                    for (int c = 0; c < 6; c++) {
                        x[b * 12 + r * 6 + c] = 100 * b + 10 * r + c;
                    }
                }
            }
            Tensor p = Patches.patchify(Tensors.floats(x, 2, 2, 6), 2);
            assertArrayEquals(new long[] {2, 3, 4}, p.shape());
            assertArrayEquals(new float[] {0, 1, 10, 11, 2, 3, 12, 13, 4, 5, 14, 15,
                100, 101, 110, 111, 102, 103, 112, 113, 104, 105, 114, 115}, Tensors.toFloats(p));
            assertArrayEquals(x, Tensors.toFloats(Patches.unpatchify(p, 2, 2, 6)));
        }
    }

    @Test
    void unpatchifyInvertsPatchify() {
        try (PointerScope ignored = new PointerScope()) {
            Tensor images = Tensors.add(Init.uniform(0.5, 3, 28, 28), 0.5); // U(0, 1)
            for (int patch : new int[] {1, 4, 7, 14, 28}) {
                Tensor p = Patches.patchify(images, patch);
                assertArrayEquals(new long[] {3, Patches.count(28, 28, patch), (long) patch * patch}, p.shape());
                Tensor back = Patches.unpatchify(p, patch, 28, 28);
                assertArrayEquals(images.shape(), back.shape());
                assertArrayEquals(Tensors.toFloats(images), Tensors.toFloats(back));
            }
        }
    }

    @Test
    void errorsNameTheSizes() {
        try (PointerScope ignored = new PointerScope()) {
            Tensor images = Tensors.zeros(1, 28, 28);
            assertEquals("image size 28 x 28 is not divisible by the patch size 5",
                    assertThrows(IllegalArgumentException.class, () -> Patches.patchify(images, 5)).getMessage());
            assertEquals("patchify takes images (B, H, W), got shape (28, 28)",
                    assertThrows(IllegalArgumentException.class,
                            () -> Patches.patchify(Tensors.zeros(28, 28), 4)).getMessage());
            assertEquals("unpatchify of 28 x 28 images with patch 4 takes patches (B, 49, 16), got shape (1, 48, 16)",
                    assertThrows(IllegalArgumentException.class,
                            () -> Patches.unpatchify(Tensors.zeros(1, 48, 16), 4, 28, 28)).getMessage());
            assertEquals("image size 28 x 30 is not divisible by the patch size 4",
                    assertThrows(IllegalArgumentException.class, () -> Patches.count(28, 30, 4)).getMessage());
        }
    }
}
