package dev.topos.data.image;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.bytedeco.pytorch.Tensor;

/**
 * Cuts images into square patches and puts them back, as MAE's {@code patchify} /
 * {@code unpatchify} (He et al. 2022) for one channel: an (H, W) image with patch side p becomes
 * P = (H/p)·(W/p) patches of p·p pixels. Patches are in row-major order of the patch grid
 * (patch k is grid row k / (W/p), grid column k mod (W/p)) and the pixels inside a patch are
 * row-major, so pixel (i, j) of patch k is image pixel (p·(k / (W/p)) + i, p·(k mod (W/p)) + j).
 */
public final class Patches {
    private Patches() {}

    /**
     * (B, H, W) images to (B, P, p·p) patches.
     *
     * @throws IllegalArgumentException if the input is not 3-D or H or W is not a multiple of p
     */
    public static Tensor patchify(Tensor images, int patch) {
        long[] s = images.shape();
        if (s.length != 3) {
            throw new IllegalArgumentException("patchify takes images (B, H, W), got shape " + format(s));
        }
        long b = s[0];
        long h = s[1];
        long w = s[2];
        checkDivisible(h, w, patch);
        long rows = h / patch;
        long cols = w / patch;
        return images.reshape(b, rows, patch, cols, patch).permute(0, 1, 3, 2, 4)
                .reshape(b, rows * cols, (long) patch * patch);
    }

    /**
     * (B, P, p·p) patches back to (B, H, W) images: the inverse of {@link #patchify}.
     *
     * @throws IllegalArgumentException if H or W is not a multiple of p, or the patches' shape is
     *                                  not (B, (H/p)·(W/p), p·p)
     */
    public static Tensor unpatchify(Tensor patches, int patch, int height, int width) {
        checkDivisible(height, width, patch);
        long rows = height / patch;
        long cols = width / patch;
        long[] s = patches.shape();
        if (s.length != 3 || s[1] != rows * cols || s[2] != (long) patch * patch) {
            throw new IllegalArgumentException("unpatchify of " + height + " x " + width + " images with patch "
                    + patch + " takes patches (B, " + rows * cols + ", " + patch * patch + "), got shape " + format(s));
        }
        long b = s[0];
        return patches.reshape(b, rows, cols, patch, patch).permute(0, 1, 3, 2, 4).reshape(b, height, width);
    }

    /** The number of patches of an H x W image: (H/p)·(W/p). */
    public static int count(int height, int width, int patch) {
        checkDivisible(height, width, patch);
        return (height / patch) * (width / patch);
    }

    /** A shape as "(a, b, c)". */
    private static String format(long[] shape) {
        return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    private static void checkDivisible(long height, long width, int patch) {
        if (patch < 1) {
            throw new IllegalArgumentException("patch size must be >= 1, got " + patch);
        }
        if (height % patch != 0 || width % patch != 0) {
            throw new IllegalArgumentException("image size " + height + " x " + width
                    + " is not divisible by the patch size " + patch);
        }
    }
}
