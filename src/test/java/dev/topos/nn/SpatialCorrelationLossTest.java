package dev.topos.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.geometry.Sheet;
import dev.topos.geometry.Sheets;
import dev.topos.util.Rng;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

class SpatialCorrelationLossTest {
    static final int SIDE = 6;

    @Test
    void squaresWrapOnATorusAndAreClippedOnAFlatSheet() {
        SpatialCorrelationLoss torus = new SpatialCorrelationLoss(Sheets.grid(4, true), 1, 1);
        assertArrayEquals(new int[] {0, 1, 3, 4, 5, 7, 12, 13, 15}, torus.square(0));
        SpatialCorrelationLoss flat = new SpatialCorrelationLoss(Sheets.grid(4, false), 1, 1);
        assertArrayEquals(new int[] {0, 1, 4, 5}, flat.square(0));
        assertArrayEquals(new int[] {5, 6, 7, 9, 10, 11, 13, 14, 15}, flat.square(10));
        SpatialCorrelationLoss wide = new SpatialCorrelationLoss(Sheets.grid(3, true), 5, 1);
        assertEquals(9, wide.square(4).length, "a square wider than the torus holds each unit once");
    }

    /** SL against the formula computed independently: Commons Math's Pearson correlations in double precision. */
    @Test
    void oneNeighbourhoodMatchesTheFormulaComputedByHand() {
        Sheet sheet = Sheets.grid(SIDE, false);
        SpatialCorrelationLoss loss = new SpatialCorrelationLoss(sheet, 1, 1);
        double[][] x = randomResponses(40, new Rng(3));
        int[] units = loss.square(14);
        PearsonsCorrelation pearson = new PearsonsCorrelation();
        List<Double> r = new ArrayList<>();
        List<Double> d = new ArrayList<>();
        for (int i = 1; i < units.length; i++) {
            for (int j = 0; j < i; j++) {
                r.add(pearson.correlation(column(x, units[i]), column(x, units[j])));
                double dr = units[i] / SIDE - units[j] / SIDE;
                double dc = units[i] % SIDE - units[j] % SIDE;
                d.add(1 / (1 + Math.hypot(dr, dc)));
            }
        }
        double expected = 0.5 * (1 - pearson.correlation(r.stream().mapToDouble(v -> v).toArray(),
                d.stream().mapToDouble(v -> v).toArray()));
        GradCheck.float64(() -> {
            try (PointerScope ignored = new PointerScope()) {
                assertEquals(expected, Tensors.item(loss.of(tensor(x), units)), 1e-9);
            }
        });
    }

    /** A field smooth on the sheet correlates neighbours by distance (SL well below 1/2); independent units do not (about 1/2). */
    @Test
    void aSmoothFieldScoresLowerThanIndependentUnits() {
        Sheet sheet = Sheets.grid(SIDE, true);
        SpatialCorrelationLoss loss = new SpatialCorrelationLoss(sheet, 2, 20);
        Rng rng = new Rng(11);
        double[][] random = randomResponses(300, rng);
        double[][] smooth = new double[random.length][SIDE * SIDE];
        for (int s = 0; s < random.length; s++) {
            for (int n = 0; n < SIDE * SIDE; n++) {
                for (int m = 0; m < SIDE * SIDE; m++) {
                    double dist = sheet.distance(n, m) * SIDE;
                    smooth[s][n] += random[s][m] * Math.exp(-dist * dist / 2);
                }
            }
        }
        try (PointerScope ignored = new PointerScope()) {
            double independent = Tensors.item(loss.apply(tensor(random), new Rng(1)));
            double field = Tensors.item(loss.apply(tensor(smooth), new Rng(1)));
            assertEquals(0.5, independent, 0.1, "no relation between correlation and distance");
            assertTrue(field < 0.15, "a smooth field: correlation falls with distance, SL = " + field);
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        GradCheck.float64(() -> {
            SpatialCorrelationLoss loss = new SpatialCorrelationLoss(Sheets.grid(SIDE, true), 1, 3);
            Tensor x = tensor(randomResponses(12, new Rng(5)), 3, 4, SIDE * SIDE);
            GradCheck.check(List.of(x), () -> loss.apply(x, new Rng(2)), 20);
        });
    }

    static double[][] randomResponses(int samples, Rng rng) {
        double[][] x = new double[samples][SIDE * SIDE];
        for (double[] row : x) {
            for (int n = 0; n < row.length; n++) {
                row[n] = rng.nextGaussian();
            }
        }
        return x;
    }

    private static double[] column(double[][] x, int unit) {
        double[] out = new double[x.length];
        for (int s = 0; s < x.length; s++) {
            out[s] = x[s][unit];
        }
        return out;
    }

    /** Samples x units, or in {@code shape}, in the engine's float type. */
    static Tensor tensor(double[][] x, long... shape) {
        double[] flat = new double[x.length * x[0].length];
        for (int s = 0; s < x.length; s++) {
            System.arraycopy(x[s], 0, flat, s * x[0].length, x[0].length);
        }
        return Tensors.doubles(flat, shape.length == 0 ? new long[] {x.length, x[0].length} : shape)
                .toType(Engine.floatType());
    }
}
