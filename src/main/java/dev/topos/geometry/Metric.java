package dev.topos.geometry;

import java.util.function.DoubleUnaryOperator;

/**
 * A distance between two coordinate vectors of the same dimension.
 *
 * <ul>
 *   <li>{@link #euclidean()}: sqrt(sum_i (a_i - b_i)^2).</li>
 *   <li>{@link #unitTorus()}: per axis d = |a_i - b_i|, wrapped d -> 1 - d where d &gt; 0.5, then
 *       combined as sqrt(sum d^2) (Topoformer spec section 1; reference
 *       {@code topoformer/models/constraints.py}, {@code Constraints.wrap}).</li>
 *   <li>{@link #greatCircle(double)}: R * angle(a, b), the geodesic distance on a sphere of radius R
 *       (Columnformer spec section 4).</li>
 *   <li>{@link #lifted(double)}: sqrt(D^2 + h^2), the Columnformer single-layer distance
 *       D' = sqrt(D^2 + 2^2) that keeps self-attention from being free (Columnformer spec
 *       section 4).</li>
 * </ul>
 */
@FunctionalInterface
public interface Metric {

    /** The distance between {@code a} and {@code b}; must be symmetric and non-negative. */
    double between(double[] a, double[] b);

    /** Straight-line distance in any dimension. */
    static Metric euclidean() {
        return (a, b) -> perAxis(a, b, d -> d);
    }

    /** Distance on the unit torus [0, 1)^dim: each axis wraps around with period 1. */
    static Metric unitTorus() {
        return torus(1.0);
    }

    /**
     * Distance on a torus whose every axis wraps with the given period: per axis
     * d = |a_i - b_i|, d -> period - d where d &gt; period / 2 (coordinates in [0, period)).
     */
    static Metric torus(double period) {
        double half = period / 2.0;
        return (a, b) -> perAxis(a, b, d -> d > half ? period - d : d);
    }

    /**
     * Geodesic distance on a sphere of the given radius centred at the origin:
     * R * atan2(|a x b|, a . b). The atan2 form stays accurate for nearby and antipodal points,
     * where acos of the normalised dot product loses precision. Coordinates must be 3-D.
     */
    static Metric greatCircle(double radius) {
        return (a, b) -> {
            double cx = a[1] * b[2] - a[2] * b[1];
            double cy = a[2] * b[0] - a[0] * b[2];
            double cz = a[0] * b[1] - a[1] * b[0];
            double dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
            return radius * Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), dot);
        };
    }

    /** This metric seen from a parallel plane at height {@code h}: sqrt(D^2 + h^2). */
    default Metric lifted(double h) {
        return (a, b) -> {
            double d = between(a, b);
            return Math.sqrt(d * d + h * h);
        };
    }

    /** sqrt(sum_i axis(|a_i - b_i|)^2): the Euclidean combination of per-axis distances. */
    private static double perAxis(double[] a, double[] b, DoubleUnaryOperator axis) {
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            double d = axis.applyAsDouble(Math.abs(a[i] - b[i]));
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
