package dev.topos.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.config.ConfigException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReviewSplitTest {
    private static final SplitFractions HALF_QUARTER_QUARTER = new SplitFractions(0.5, 0.25, 0.25);

    /** 40 negative and 40 positive reviews with distinct texts. */
    private static List<Review> distinct() {
        List<Review> out = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            out.add(new Review("review number " + i, i < 40 ? 0 : 1));
        }
        return out;
    }

    @Test
    void partsHaveTheRequestedSizesAndLabelBalance() {
        ReviewSplit s = ReviewSplit.of(distinct(), HALF_QUARTER_QUARTER, 1);
        // per label: 40 * 0.5 = 20 train, 40 * 0.75 = 30 -> 10 validation, 10 test
        assertEquals(40, s.train().size());
        assertEquals(20, s.validation().size());
        assertEquals(20, s.test().size());
        assertEquals(20, s.train().stream().filter(r -> r.label() == 1).count());
        assertEquals(10, s.validation().stream().filter(r -> r.label() == 1).count());
        assertEquals(10, s.test().stream().filter(r -> r.label() == 1).count());
        assertEquals(0, s.duplicatesDropped());
        Set<Review> all = new HashSet<>(s.train());
        all.addAll(s.validation());
        all.addAll(s.test());
        assertEquals(new HashSet<>(distinct()), all);
    }

    @Test
    void theSeedFixesTheSplitAndPartsAreInterleaved() {
        ReviewSplit a = ReviewSplit.of(distinct(), HALF_QUARTER_QUARTER, 7);
        assertEquals(a, ReviewSplit.of(distinct(), HALF_QUARTER_QUARTER, 7));
        assertNotEquals(a.train(), ReviewSplit.of(distinct(), HALF_QUARTER_QUARTER, 8).train());
        // input is negatives first; a shuffled part must not be (20 negatives then 20 positives has chance 1/C(40,20))
        assertTrue(a.train().subList(0, 20).stream().anyMatch(r -> r.label() == 1));
    }

    @Test
    void duplicatesAreKeptOnceAndConflictingTextsDropped() {
        List<Review> in = new ArrayList<>(distinct());
        in.add(new Review("REVIEW   number 3", 0));     // same text as item 3 up to case/space, same label
        in.add(new Review("review number <br />3", 0)); // and again, once markup is stripped
        in.add(new Review("Review number 50", 0));      // item 50 is positive: conflict
        ReviewSplit s = ReviewSplit.of(in, HALF_QUARTER_QUARTER, 3);
        assertEquals(2, s.duplicatesDropped());
        assertEquals(2, s.conflictingDropped());
        List<Review> kept = new ArrayList<>(s.train());
        kept.addAll(s.validation());
        kept.addAll(s.test());
        assertEquals(79, kept.size());
        Set<String> keys = new HashSet<>();
        for (Review r : kept) {
            assertTrue(keys.add(ReviewSplit.key(r.text())), "text appears twice: " + r.text());
        }
        assertTrue(kept.contains(new Review("review number 3", 0)), "the first copy is the one kept");
        assertTrue(kept.stream().noneMatch(r -> ReviewSplit.key(r.text()).equals("review number 50")));
    }

    @Test
    void invalidFractionsNameTheField() {
        String m = assertThrows(ConfigException.class,
                () -> ReviewSplit.of(distinct(), new SplitFractions(0.5, 0.3, 0.3), 1)).getMessage();
        assertTrue(m.contains("split.train + split.validation + split.test = 1.1"), m);
        m = assertThrows(ConfigException.class,
                () -> ReviewSplit.of(distinct(), new SplitFractions(1.2, -0.2, 0), 1)).getMessage();
        assertTrue(m.startsWith("split.train = 1.2 is out of range"), m);
        m = assertThrows(ConfigException.class,
                () -> ReviewSplit.of(distinct(), new SplitFractions(0, 0.5, 0.5), 1)).getMessage();
        assertTrue(m.startsWith("split.train = 0 must be > 0"), m);
    }

    @Test
    void theReferenceProportionsAreThoseOfThePaper() {
        SplitFractions r = SplitFractions.reference();
        r.validate("split");
        // 25k train of which 25% held out, 25k test, out of 50k
        assertEquals(25_000 * 0.75 / 50_000, r.train(), 1e-12);
        assertEquals(25_000 * 0.25 / 50_000, r.validation(), 1e-12);
        assertEquals(0.5, r.test(), 1e-12);
    }
}
