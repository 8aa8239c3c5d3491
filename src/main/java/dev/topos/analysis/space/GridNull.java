package dev.topos.analysis.space;

import dev.topos.util.Rng;
import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The chance level of a unit's grid score: the {@code percentile} of the grid scores of its rate
 * map with the values shuffled over the visited nodes (the spatial arrangement destroyed, the
 * values and the unvisited nodes kept), over {@code shuffles} shuffles. A unit whose grid score
 * exceeds it is counted as grid-like (the shuffle test of Sargolini et al., Science 2006; 95th
 * percentile of 100 shuffles as in Banino et al., Nature 2018). The score is that of a map: by
 * default the six-fold {@link GridScore#of} of its autocorrelogram; any other (e.g. the four-fold
 * {@link GridScore#square}, or a score after {@link RateMapSmoothing}, which then smooths each
 * shuffled map as it smoothed the real one).
 */
public final class GridNull {
    private GridNull() {}

    /** The threshold of the six-fold grid score, or NaN when fewer than half of the shuffles give a defined score. */
    public static double threshold(double[][] map, int shuffles, double percentile, Rng rng) {
        return threshold(map, shuffles, percentile, rng, m -> GridScore.of(Autocorrelogram.of(m)));
    }

    /** The threshold of {@code score} (of a map), NaN when fewer than half of the shuffles define it. */
    public static double threshold(double[][] map, int shuffles, double percentile, Rng rng,
                                   ToDoubleFunction<double[][]> score) {
        int h = map.length;
        int w = map[0].length;
        double[] values = Arrays.stream(map).flatMapToDouble(Arrays::stream).filter(v -> !Double.isNaN(v)).toArray();
        double[] scores = new double[shuffles];
        int n = 0;
        for (int s = 0; s < shuffles; s++) {
            shuffle(values, rng);
            double[][] shuffled = new double[h][w];
            int k = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    shuffled[y][x] = Double.isNaN(map[y][x]) ? Double.NaN : values[k++];
                }
            }
            double value = score.applyAsDouble(shuffled);
            if (!Double.isNaN(value)) {
                scores[n++] = value;
            }
        }
        return 2 * n < shuffles ? Double.NaN : new Percentile().evaluate(Arrays.copyOf(scores, n), percentile);
    }

    private static void shuffle(double[] values, Rng rng) {
        for (int i = values.length - 1; i > 0; i--) { // Fisher-Yates
            int j = rng.nextInt(i + 1);
            double t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
