package dev.topos.experiment.topoformer;

/** Unit vectors as s x s images: unit n sits at row floor(n / s), column n mod s (the reference Topoformer's layout). */
final class SheetMaps {
    private SheetMaps() {}

    /** One map per vector. */
    static double[][][] of(double[][] vectors, int side) {
        double[][][] out = new double[vectors.length][][];
        for (int k = 0; k < vectors.length; k++) {
            out[k] = of(vectors[k], side);
        }
        return out;
    }

    /** One mask per vector of flags, laid out as {@link #of(double[][], int)} lays out values. */
    static boolean[][][] masks(boolean[][] flags, int side) {
        boolean[][][] out = new boolean[flags.length][side][side];
        for (int k = 0; k < flags.length; k++) {
            if (flags[k].length != side * side) {
                throw new IllegalArgumentException(flags[k].length + " flags do not tile a " + side + " x " + side
                        + " sheet");
            }
            for (int n = 0; n < flags[k].length; n++) {
                out[k][n / side][n % side] = flags[k][n];
            }
        }
        return out;
    }

    static double[][] of(double[] values, int side) {
        if (values.length != side * side) {
            throw new IllegalArgumentException(values.length + " values do not tile a " + side + " x " + side + " sheet");
        }
        double[][] map = new double[side][side];
        for (int n = 0; n < values.length; n++) {
            map[n / side][n % side] = values[n];
        }
        return map;
    }
}
