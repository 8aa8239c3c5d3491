package dev.topos.analysis.space;

/**
 * Rotation of a 2-D array about its centre with NaN-aware bilinear interpolation.
 *
 * <p>Output bin (y, x) takes the input at the point p' = c + R(-θ)(p - c), c = ((h-1)/2, (w-1)/2):
 * {@code x' = cx + (x-cx) cos θ + (y-cy) sin θ}, {@code y' = cy - (x-cx) sin θ + (y-cy) cos θ},
 * interpolated bilinearly from its (up to) four neighbours. The output is the same size as the
 * input (like {@code scipy.ndimage.rotate(..., reshape=False)}, which DeepMind's grid scorer
 * uses) and NaN where p' falls outside the input or a neighbour with non-zero weight is NaN.
 * Coordinates within 1e-9 of an integer are snapped to it, so rotations by multiples of 90
 * degrees copy bins exactly.
 */
public final class Rotation {
    private static final double SNAP = 1e-9;

    private Rotation() {
    }

    /** {@code image} [y][x] rotated by {@code degrees} about its centre; see the class comment. */
    public static double[][] rotate(double[][] image, double degrees) {
        int h = image.length;
        int w = image[0].length;
        double cy = (h - 1) / 2.0;
        double cx = (w - 1) / 2.0;
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        double[][] out = new double[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sx = snap(cx + (x - cx) * cos + (y - cy) * sin);
                double sy = snap(cy - (x - cx) * sin + (y - cy) * cos);
                out[y][x] = bilinear(image, sy, sx);
            }
        }
        return out;
    }

    private static double snap(double v) {
        double r = Math.rint(v);
        return Math.abs(v - r) < SNAP ? r : v;
    }

    private static double bilinear(double[][] image, double sy, double sx) {
        int y0 = (int) Math.floor(sy);
        int x0 = (int) Math.floor(sx);
        double fy = sy - y0;
        double fx = sx - x0;
        double sum = 0;
        for (int i = 0; i <= 1; i++) {
            double wy = i == 0 ? 1 - fy : fy;
            for (int j = 0; j <= 1; j++) {
                double wx = j == 0 ? 1 - fx : fx;
                if (wy * wx == 0) {
                    continue;
                }
                int yy = y0 + i;
                int xx = x0 + j;
                if (yy < 0 || yy >= image.length || xx < 0 || xx >= image[0].length) {
                    return Double.NaN;
                }
                sum += wy * wx * image[yy][xx]; // a NaN neighbour makes the sum NaN
            }
        }
        return sum;
    }
}
