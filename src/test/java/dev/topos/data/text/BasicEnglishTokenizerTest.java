package dev.topos.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected tokens worked out by hand from torchtext's twelve replacements (see the class doc). */
class BasicEnglishTokenizerTest {
    private static List<String> tok(String s) {
        return BasicEnglishTokenizer.tokenize(s);
    }

    @Test
    void lowercasesAndSeparatesPunctuation() {
        // "hello, world!" -> "hello ,  world ! " -> split
        assertEquals(List.of("hello", ",", "world", "!"), tok("Hello, World!"));
        assertEquals(List.of("(", "yes", ")", "no", "maybe", "?"), tok("(Yes); no: maybe?"));
    }

    @Test
    void apostropheIsItsOwnTokenAndQuotesVanish() {
        // "i don't like it." -> "i don '  t like it . "
        assertEquals(List.of("i", "don", "'", "t", "like", "it", "."), tok("I don't like it."));
        assertEquals(List.of("he", "said", "wow"), tok("He said \"wow\""));
    }

    @Test
    void everyPeriodIsSplitOffEvenInsideNumbers() {
        assertEquals(List.of("e", ".", "g", "."), tok("e.g."));
        assertEquals(List.of("3", ".", "5/10"), tok("3.5/10"));
    }

    @Test
    void lineBreakTagIsRemovedAfterPeriodsAreSplit() {
        // "end.<br />next" -> "end . <br />next" -> "end .  next"
        assertEquals(List.of("end", ".", "next"), tok("End.<BR />next"));
    }

    @Test
    void hyphensAndOtherSymbolsStayInsideTokens() {
        assertEquals(List.of("well-made", "b-movie", "$5", "&", "co"), tok("Well-made B-movie $5 & Co"));
    }

    @Test
    void anyWhitespaceSeparatesAndNothingGivesNoTokens() {
        assertEquals(List.of("a", "b", "c", "d"), tok(" a\tb\n\u00A0c\u001Fd "));
        assertEquals(List.of(), tok("  \"\" ;: "));
    }

    @Test
    void nonAsciiLettersAreLowercased() {
        assertEquals(List.of("école", "ñandú"), tok("ÉCOLE Ñandú"));
    }
}
