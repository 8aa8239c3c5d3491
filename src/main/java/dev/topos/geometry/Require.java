package dev.topos.geometry;

/** Argument checks whose messages name the parameter, the value and the allowed range. */
final class Require {
    private Require() {
    }

    /** A fraction in (0, 1]. */
    static double fraction(String name, double value) {
        if (!(value > 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], got " + value);
        }
        return value;
    }

    /** A finite number greater than zero. */
    static double positive(String name, double value) {
        if (!(value > 0.0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
        return value;
    }

    /** An integer in [lo, hi]. */
    static int inRange(String name, int value, int lo, int hi) {
        if (value < lo || value > hi) {
            throw new IllegalArgumentException(
                    name + " must be in [" + lo + ", " + hi + "], got " + value);
        }
        return value;
    }
}
