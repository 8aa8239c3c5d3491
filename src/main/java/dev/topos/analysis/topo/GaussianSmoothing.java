package dev.topos.analysis.topo;

/**
 * A 2-D Gaussian filter of an s x s map, the optional smoothing before Moran's I (Topoformer spec
 * section 5), with the semantics of scipy's {@code ndimage.gaussian_filter(map, sigma,
 * mode='reflect', truncate=4.0)}:
 * <ul>
 *   <li>sigma = FWHM / sqrt(8 ln 2), FWHM in units (lattice cells); default FWHM 2 gives
 *       sigma ~ 0.849.</li>
 *   <li>A 1-D kernel k_j = exp(-j^2 / (2 sigma^2)) for |j| &lt;= r, r = floor(4 sigma + 0.5),
 *       divided by its sum; applied along rows, then along columns (the Gaussian is
 *       separable).</li>
 *   <li>Edges: 'reflect' extends the map by mirroring about the edge of the last cell,
 *       (d c b a | a b c d | d c b a), repeated with period 2s when the kernel is wider than the
 *       map. Each cell's mass stays in the map, so the smoothed map has the same sum.</li>
 * </ul>
 * Maps are row-major: unit n at row n / s, column n % s, as on the sheet.
 */
public final class GaussianSmoothing {
    /** TopoLM's smoothing width, in units. */
    public static final double DEFAULT_FWHM = 2.0;
    /** Kernel half-width in standard deviations, scipy's default. */
    public static final double TRUNCATE = 4.0;

    private final double fwhm;
    private final double[] kernel;

    /**
     * A filter of the given full width at half maximum, in units.
     *
     * @throws IllegalArgumentException if fwhm is not finite and &gt; 0
     */
    public GaussianSmoothing(double fwhm) {
        if (!(fwhm > 0 && fwhm < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("fwhm (full width at half maximum, in units) must be finite and > 0, got "
                    + fwhm);
        }
        this.fwhm = fwhm;
        double sigma = sigma(fwhm);
        int radius = (int) (TRUNCATE * sigma + 0.5);
        kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int j = -radius; j <= radius; j++) {
            kernel[j + radius] = Math.exp(-0.5 * j * j / (sigma * sigma));
            sum += kernel[j + radius];
        }
        for (int j = 0; j < kernel.length; j++) {
            kernel[j] /= sum;
        }
    }

    /** sigma = FWHM / sqrt(8 ln 2): a Gaussian falls to half its peak at +-FWHM / 2. */
    public static double sigma(double fwhm) {
        return fwhm / Math.sqrt(8 * Math.log(2));
    }

    /** The full width at half maximum, in units. */
    public double fwhm() {
        return fwhm;
    }

    /** The normalised 1-D kernel, length 2r + 1, centre at index r. */
    public double[] kernel() {
        return kernel.clone();
    }

    /**
     * The smoothed copy of a side x side map.
     *
     * @throws IllegalArgumentException if map does not hold side^2 finite values or side &lt; 1
     */
    public double[] apply(double[] map, int side) {
        Inputs.squareMap(map, side, 1);
        double[] rows = new double[map.length];
        double[] out = new double[map.length];
        int radius = kernel.length / 2;
        for (int row = 0; row < side; row++) {
            for (int col = 0; col < side; col++) {
                double sumRow = 0;
                for (int j = -radius; j <= radius; j++) {
                    sumRow += kernel[j + radius] * map[row * side + reflect(col + j, side)];
                }
                rows[row * side + col] = sumRow;
            }
        }
        for (int row = 0; row < side; row++) {
            for (int col = 0; col < side; col++) {
                double sumCol = 0;
                for (int j = -radius; j <= radius; j++) {
                    sumCol += kernel[j + radius] * rows[reflect(row + j, side) * side + col];
                }
                out[row * side + col] = sumCol;
            }
        }
        return out;
    }

    /** scipy's 'reflect' index: period 2s, the second half mirrored (-1 -> 0, s -> s - 1). */
    private static int reflect(int index, int side) {
        int i = Math.floorMod(index, 2 * side);
        return i < side ? i : 2 * side - 1 - i;
    }
}
