package dev.topos.analysis.space;

/**
 * Accuracy as a function of how much of a world has been seen (TEM-t spec §3; Whittington et
 * al., Cell 2020, Fig. 3): per-step scores binned by a fraction f in [0, 1] — of nodes visited or
 * of edges taken, see {@link WalkCoverage} — into K equal bins, bin = min(K - 1, floor(f K)).
 *
 * <p>{@code mean[k]} is the mean score of the steps in bin k (NaN if the bin is empty) and
 * {@code count[k]} their number. A model's curve scores a step 1 if its prediction was right and
 * 0 otherwise ({@link #of}); a reference agent's expected curve scores 1 where the agent knows the
 * answer and the chance level 1/nSymbols elsewhere ({@link #ofAgent}): the node agent knows iff
 * the node was visited before, the edge agent iff the edge was taken before.
 */
public record AccuracyCurve(double[] mean, int[] count) {

    /** The curve of a model whose prediction at step t was {@code correct[t]}. */
    public static AccuracyCurve of(double[] fraction, boolean[] correct, int bins) {
        return binned(fraction, correct, 1.0, 0.0, bins);
    }

    /** The expected curve of an agent that is right where {@code known[t]} and at {@code chance} elsewhere. */
    public static AccuracyCurve ofAgent(double[] fraction, boolean[] known, double chance, int bins) {
        if (!(chance >= 0 && chance <= 1)) {
            throw new IllegalArgumentException("chance must be in [0, 1], got " + chance);
        }
        return binned(fraction, known, 1.0, chance, bins);
    }

    /** Centre of bin k, (k + 0.5) / K. */
    public double binCentre(int k) {
        return (k + 0.5) / mean.length;
    }

    private static AccuracyCurve binned(double[] fraction, boolean[] flag, double ifTrue, double ifFalse, int bins) {
        if (bins <= 0) {
            throw new IllegalArgumentException("bins must be positive, got " + bins);
        }
        if (fraction.length != flag.length) {
            throw new IllegalArgumentException(
                    "fractions and flags differ in length: " + fraction.length + " vs " + flag.length);
        }
        double[] sum = new double[bins];
        int[] count = new int[bins];
        for (int t = 0; t < fraction.length; t++) {
            double f = fraction[t];
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException("fraction at step " + t + " outside [0, 1]: " + f);
            }
            int k = Math.min(bins - 1, (int) (f * bins));
            sum[k] += flag[t] ? ifTrue : ifFalse;
            count[k]++;
        }
        double[] mean = new double[bins];
        for (int k = 0; k < bins; k++) {
            mean[k] = count[k] == 0 ? Double.NaN : sum[k] / count[k];
        }
        return new AccuracyCurve(mean, count);
    }
}
