package dev.topos.data.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.util.Rng;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NonwordsTest {
    /** Allowed letters only, no two vowels in a row, no three consonants in a row. */
    private static final Pattern PRONOUNCEABLE = Pattern.compile("(?!.*[aeiou]{2})(?!.*[^aeiou]{3})[abdefghiklmnoprstuvz]+");

    @Test
    void pseudoWordsHaveTheRequestedLengthAndAreNotWords() {
        Set<String> lexicon = Set.of("bo", "ta", "ki", "pal", "ret", "tima", "dog");
        Nonwords gen = new Nonwords(lexicon, new Rng(3));
        for (int len = 2; len <= 12; len++) {
            for (int i = 0; i < 200; i++) {
                String w = gen.next(len);
                assertEquals(len, w.length(), w);
                assertFalse(lexicon.contains(w), w);
                assertTrue(PRONOUNCEABLE.matcher(w).matches(), w);
            }
        }
        assertEquals(2, gen.next(1).length(), "single letters are words, so at least two letters");
    }

    @Test
    void theSeedFixesTheStrings() {
        assertEquals(draw(7), draw(7));
        assertFalse(draw(7).equals(draw(8)));
    }

    @Test
    void aLengthWithNoFreeStringIsLengthened() {
        // every two-letter string the syllable rules can make: consonant + vowel, vowel + coda
        Set<String> all = new HashSet<>();
        for (char c : "bdfghklmnprstvz".toCharArray()) {
            for (char v : "aeiou".toCharArray()) {
                all.add("" + c + v);
            }
        }
        for (char v : "aeiou".toCharArray()) {
            for (char c : "bdgklmnprst".toCharArray()) {
                all.add("" + v + c);
            }
        }
        String w = new Nonwords(all, new Rng(1)).next(2);
        assertEquals(3, w.length(), w);
    }

    private static List<String> draw(long seed) {
        Nonwords gen = new Nonwords(Set.of(), new Rng(seed));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            out.add(gen.next(5));
        }
        return out;
    }
}
