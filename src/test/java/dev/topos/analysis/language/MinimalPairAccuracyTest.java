package dev.topos.analysis.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.topos.data.suites.MinimalPairs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MinimalPairAccuracyTest {
    private static MinimalPairs.Pair pair(String uid, String field) {
        return new MinimalPairs.Pair("good", "bad", uid, field, "term");
    }

    /** Right when good > bad; a tie is wrong; means per paradigm and per field by hand. */
    @Test
    void countsAPairRightOnlyWhenTheGoodSentenceScoresHigher() {
        List<MinimalPairs.Pair> pairs = List.of(pair("u1", "syntax"), pair("u1", "syntax"), pair("u2", "syntax"),
                pair("u3", "morphology"));
        MinimalPairAccuracy acc = MinimalPairAccuracy.of(pairs, new double[] {-1, -5, -2, -3},
                new double[] {-2, -4, -2, -9});
        assertEquals(0.5, acc.overall(), 1e-15); // right, wrong, tie (wrong), right
        assertEquals(4, acc.pairs());
        assertEquals(Map.of("u1", 0.5, "u2", 0.0, "u3", 1.0), acc.byUid());
        assertEquals(Map.of("morphology", 1.0, "syntax", 1.0 / 3), acc.byField());
        assertThrows(IllegalArgumentException.class, () -> MinimalPairAccuracy.of(pairs, new double[3], new double[4]));
    }
}
