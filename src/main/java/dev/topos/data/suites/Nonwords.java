package dev.topos.data.suites;

import dev.topos.util.Rng;
import java.util.Set;

/**
 * Pronounceable pseudo-words ("blorid", "tesu") that are not words of a given lexicon.
 *
 * <p>A pseudo-word is a chain of syllables: an optional onset (one consonant, or one of sixteen
 * English onset clusters such as "bl", "st", "tr"), a vowel a/e/i/o/u, an optional final
 * consonant. A syllable after a vowel always has an onset (no vowel hiatus such as "ao"); a
 * cluster only follows a vowel (no three-consonant runs). The letters c, q, x, y, j, w are left
 * out: their spelling-to-sound rules are irregular. Strings are drawn until one has exactly the
 * requested length and is not in the lexicon; a length that yields none in {@value #TRIES}
 * draws (two-letter strings are mostly taken) is lengthened by one.
 */
final class Nonwords {
    static final int TRIES = 10_000;
    private static final String CONSONANTS = "bdfghklmnprstvz";
    private static final String[] CLUSTERS = {"bl", "br", "dr", "fl", "fr", "gl", "gr", "kl", "kr", "pl", "pr", "sk",
        "sl", "sp", "st", "tr"};
    private static final String VOWELS = "aeiou";
    private static final String CODAS = "bdgklmnprst";

    private final Set<String> lexicon;
    private final Rng rng;

    /** @param lexicon lower-case real words to avoid */
    Nonwords(Set<String> lexicon, Rng rng) {
        this.lexicon = lexicon;
        this.rng = rng;
    }

    /** A pseudo-word of {@code length} letters (at least 2), or longer if none could be found. */
    String next(int length) {
        for (int len = Math.max(2, length); ; len++) {
            for (int t = 0; t < TRIES; t++) {
                String s = draw(len);
                if (s.length() == len && !lexicon.contains(s)) {
                    return s;
                }
            }
        }
    }

    private String draw(int length) {
        StringBuilder sb = new StringBuilder(length + 4);
        while (sb.length() < length) {
            boolean afterVowel = sb.length() > 0 && VOWELS.indexOf(sb.charAt(sb.length() - 1)) >= 0;
            double r = rng.nextDouble();
            if (afterVowel) {
                sb.append(r < 0.8 ? pick(CONSONANTS) : CLUSTERS[rng.nextInt(CLUSTERS.length)]);
            } else if (sb.length() == 0) {
                if (r < 0.7) {
                    sb.append(pick(CONSONANTS));
                } else if (r < 0.85) {
                    sb.append(CLUSTERS[rng.nextInt(CLUSTERS.length)]);
                }
            } else if (r < 0.5) {
                sb.append(pick(CONSONANTS));
            }
            sb.append(pick(VOWELS));
            if (rng.nextDouble() < 0.3) {
                sb.append(pick(CODAS));
            }
        }
        return sb.toString();
    }

    private char pick(String letters) {
        return letters.charAt(rng.nextInt(letters.length()));
    }
}
