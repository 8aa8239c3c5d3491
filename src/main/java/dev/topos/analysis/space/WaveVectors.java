package dev.topos.analysis.space;

import java.util.Arrays;

/**
 * The plane waves of a commuting-rotation position code (W_a = Q blockdiag(R(theta_a,k)) Q^T; Gao et
 * al. 2021, arXiv 2006.10259). A move turns plane k of the code (units 2k, 2k + 1 of e Q) by
 * theta_a,k, so after a walk whose net displacement is r = (dx east, dy north) the plane has turned by
 * omega_k . r: in the planes' basis each pair of units is a plane wave over the box, with
 *
 * <pre>
 *   eps_x,k   = wrap(theta_E,k + theta_W,k),   eps_y,k = wrap(theta_N,k + theta_S,k)    (inverse errors)
 *   omega_k   = (wrap(theta_E,k - eps_x,k / 2), wrap(theta_N,k - eps_y,k / 2))          (wave vector)
 *   lambda_k  = 2 pi / |omega_k|                                                        (wavelength, nodes)
 * </pre>
 *
 * wrap(.) maps an angle to (-pi, pi] (a rotation by theta + 2 pi is the same move). The inverse error is
 * how far a step and its way back turn the plane: 0 for every plane when opposite moves undo each other
 * (tied inverses), and then the code is an exact displacement code; otherwise a back-and-forth drifts it.
 * Grid cells need more than plane waves: a hexagonal module is three wave vectors of one length 60
 * degrees apart, read out non-negatively (Dorrell, Latham, Behrens &amp; Whittington, ICLR 2023), so the
 * wave vectors show whether the code has the frequencies grid cells would be made of.
 *
 * @param x            omega_x,k per plane, radians per node east
 * @param y            omega_y,k per plane, radians per node north
 * @param inverseError per plane, (|eps_x,k| + |eps_y,k|) / 2
 */
public record WaveVectors(double[] x, double[] y, double[] inverseError) {
    /** Actions' rows in {@code angles}: stay, N, E, S, W. */
    private static final int N = 1;
    private static final int E = 2;
    private static final int S = 3;
    private static final int W = 4;

    /** @param angles theta_a,k, (5, K): rows stay, N, E, S, W (RotationPathIntegration.actionAngles) */
    public static WaveVectors of(double[][] angles) {
        if (angles.length != 5) {
            throw new IllegalArgumentException("expected the angles of 5 actions (stay, N, E, S, W), got "
                    + angles.length);
        }
        int planes = angles[0].length;
        double[] x = new double[planes];
        double[] y = new double[planes];
        double[] error = new double[planes];
        for (int k = 0; k < planes; k++) {
            double ex = wrap(angles[E][k] + angles[W][k]);
            double ey = wrap(angles[N][k] + angles[S][k]);
            x[k] = wrap(angles[E][k] - ex / 2);
            y[k] = wrap(angles[N][k] - ey / 2);
            error[k] = (Math.abs(ex) + Math.abs(ey)) / 2;
        }
        return new WaveVectors(x, y, error);
    }

    /** lambda_k = 2 pi / |omega_k| in nodes (infinite for a plane that does not turn). */
    public double[] wavelengths() {
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = 2 * Math.PI / Math.hypot(x[k], y[k]);
        }
        return out;
    }

    /** The median wavelength over planes. */
    public double medianWavelength() {
        double[] sorted = wavelengths();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The mean inverse error over planes, radians. */
    public double meanInverseError() {
        return Arrays.stream(inverseError).average().orElse(Double.NaN);
    }

    /** theta mapped to (-pi, pi]. */
    static double wrap(double theta) {
        double t = theta - 2 * Math.PI * Math.floor(theta / (2 * Math.PI)); // [0, 2 pi)
        return t > Math.PI ? t - 2 * Math.PI : t;
    }
}
