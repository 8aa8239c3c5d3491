package dev.topos.analysis.language;

import dev.topos.data.suites.MinimalPairs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Accuracy on minimal pairs (Warstadt et al. 2020): a pair is right when the model scores its good
 * sentence strictly higher than its bad one; the accuracy of a set is the mean over its pairs, and
 * of a paradigm ({@code UID}) or field over the pairs of it. Chance is 0.5; a tie counts as wrong.
 *
 * @param overall  the mean over all pairs
 * @param pairs    how many pairs
 * @param byUid    per paradigm, in name order
 * @param byField  per field, in name order
 */
public record MinimalPairAccuracy(double overall, int pairs, Map<String, Double> byUid, Map<String, Double> byField) {
    /**
     * @param good the model's score of each pair's good sentence (e.g. its pseudo-log-likelihood)
     * @param bad  of its bad sentence
     */
    public static MinimalPairAccuracy of(List<MinimalPairs.Pair> pairs, double[] good, double[] bad) {
        if (pairs.isEmpty() || good.length != pairs.size() || bad.length != pairs.size()) {
            throw new IllegalArgumentException(pairs.size() + " pairs, " + good.length + " good and " + bad.length
                    + " bad scores: need one of each per pair, and at least one pair");
        }
        double[] right = new double[pairs.size()];
        for (int i = 0; i < right.length; i++) {
            right[i] = good[i] > bad[i] ? 1 : 0;
        }
        double sum = 0;
        for (double r : right) {
            sum += r;
        }
        return new MinimalPairAccuracy(sum / right.length, right.length, mean(pairs, right, MinimalPairs.Pair::uid),
                mean(pairs, right, MinimalPairs.Pair::field));
    }

    private static Map<String, Double> mean(List<MinimalPairs.Pair> pairs, double[] right,
                                            Function<MinimalPairs.Pair, String> group) {
        Map<String, double[]> sums = new TreeMap<>();
        for (int i = 0; i < right.length; i++) {
            double[] s = sums.computeIfAbsent(group.apply(pairs.get(i)), k -> new double[2]);
            s[0] += right[i];
            s[1]++;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        sums.forEach((k, s) -> out.put(k, s[0] / s[1]));
        return out;
    }
}
