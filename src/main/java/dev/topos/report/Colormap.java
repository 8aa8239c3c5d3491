package dev.topos.report;

/**
 * A colormap: a small table of RGB anchor colours, linearly interpolated in RGB between
 * neighbouring anchors. {@code rgb(0)} is the first anchor and {@code rgb(1)} the last.
 */
public final class Colormap {
    /**
     * Perceptually uniform, colour-blind safe sequential map (matplotlib's {@code viridis},
     * sampled at ten equally spaced points): dark purple at 0, yellow at 1.
     */
    public static final Colormap VIRIDIS = new Colormap("viridis",
            0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E,
            0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725);

    /**
     * Diverging map for signed data (ColorBrewer's eleven-class {@code RdBu}, reversed like
     * matplotlib's {@code RdBu_r}): dark blue at 0, near-white {@code #F7F7F7} at 0.5, dark red
     * at 1.
     */
    public static final Colormap RDBU = new Colormap("RdBu",
            0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0,
            0xF7F7F7, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B, 0x67001F);

    private final String name;
    private final int[] anchors;

    private Colormap(String name, int... anchors) {
        this.name = name;
        this.anchors = anchors;
    }

    public String name() {
        return name;
    }

    /**
     * The colour at position {@code t}, as {@code 0xRRGGBB}; {@code t} is clamped to [0, 1].
     *
     * @throws IllegalArgumentException if {@code t} is NaN (callers decide how to show missing data)
     */
    public int rgb(double t) {
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("colormap position is NaN");
        }
        double pos = Math.min(1.0, Math.max(0.0, t)) * (anchors.length - 1);
        int i = Math.min((int) pos, anchors.length - 2);
        double frac = pos - i;
        int a = anchors[i];
        int b = anchors[i + 1];
        return channel(a, b, 16, frac) << 16 | channel(a, b, 8, frac) << 8 | channel(a, b, 0, frac);
    }

    private static int channel(int a, int b, int shift, double frac) {
        int ca = (a >> shift) & 0xFF;
        int cb = (b >> shift) & 0xFF;
        return (int) Math.round(ca + (cb - ca) * frac);
    }

    @Override
    public String toString() {
        return name;
    }
}
