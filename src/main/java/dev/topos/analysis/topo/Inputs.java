package dev.topos.analysis.topo;

/** Input checks shared by the Topoformer analyses; messages name the value and what is allowed. */
final class Inputs {
    private Inputs() {
    }

    /**
     * Checks that {@code x} is a rectangular rows x columns matrix of finite numbers with at least
     * {@code minRows} rows and one column, and returns the column count.
     */
    static int columns(String name, double[][] x, int minRows) {
        if (x == null || x.length < minRows) {
            throw new IllegalArgumentException(name + " needs at least " + minRows + " rows, got "
                    + (x == null ? "null" : x.length));
        }
        int columns = x[0].length;
        if (columns == 0) {
            throw new IllegalArgumentException(name + " needs at least 1 column, got 0");
        }
        for (int r = 0; r < x.length; r++) {
            if (x[r].length != columns) {
                throw new IllegalArgumentException(name + " row " + r + " has " + x[r].length
                        + " columns; every row must have " + columns + " (row 0)");
            }
            for (int c = 0; c < columns; c++) {
                if (!Double.isFinite(x[r][c])) {
                    throw new IllegalArgumentException(name + "[" + r + "][" + c + "] is " + x[r][c]
                            + "; values must be finite numbers");
                }
            }
        }
        return columns;
    }

    /**
     * Checks that {@code map} holds side x side finite values (row-major: unit n at row n / side,
     * column n % side, as on the sheet) and that side is at least {@code minSide}.
     */
    static void squareMap(double[] map, int side, int minSide) {
        if (side < minSide) {
            throw new IllegalArgumentException("side must be >= " + minSide + ", got " + side);
        }
        if (map == null || map.length != (long) side * side) {
            throw new IllegalArgumentException("a " + side + " x " + side + " map needs " + (long) side * side
                    + " values, got " + (map == null ? "null" : map.length));
        }
        for (int n = 0; n < map.length; n++) {
            if (!Double.isFinite(map[n])) {
                throw new IllegalArgumentException("map[" + n + "] is " + map[n] + "; values must be finite numbers");
            }
        }
    }
}
