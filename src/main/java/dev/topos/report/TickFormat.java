package dev.topos.report;

/**
 * The number pattern of an axis's tick labels ({@link java.text.DecimalFormat}): as many decimals
 * as a tick step of a fifth of the range needs, one more to spare, and always a leading zero
 * ("0.05", never ".05"); scientific for a logarithmic axis reaching below 1e-4 or above 1e6.
 */
final class TickFormat {
    private static final int MAX_DECIMALS = 6;

    private TickFormat() {}

    static String pattern(double lo, double hi, boolean log) {
        if (!(Double.isFinite(lo) && Double.isFinite(hi))) {
            return "0.###";
        }
        double step;
        if (log) {
            if (lo > 0 && (lo < 1e-4 || hi > 1e6)) {
                return "0.#E0";
            }
            step = lo > 0 ? lo : 1;
        } else {
            double span = hi - lo;
            step = span > 0 ? span / 5 : Math.max(Math.abs(hi), 1) / 5;
        }
        int decimals = (int) Math.max(0, Math.min(MAX_DECIMALS, Math.ceil(-Math.log10(step)) + 1));
        return decimals == 0 ? "0" : "0." + "#".repeat(decimals);
    }
}
