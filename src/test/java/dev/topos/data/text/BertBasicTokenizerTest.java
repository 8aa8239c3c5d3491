package dev.topos.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BertBasicTokenizerTest {
    private static List<String> uncased(String text) {
        return BertBasicTokenizer.tokenize(text, true);
    }

    @Test
    void lowerCasesAndStripsAccents() {
        assertEquals(List.of("cafe", "naive", "uber"), uncased("Café  NAÏVE\tÜber"));
        assertEquals(List.of("hello", "world"), uncased(" \n Hello\r\nWORLD \u00A0"));
    }

    @Test
    void aCasedTokenizerKeepsCaseAndAccents() {
        assertEquals(List.of("Café", ",", "NAÏVE"), BertBasicTokenizer.tokenize("Café, NAÏVE", false));
    }

    @Test
    void splitsEveryPunctuationCharacter() {
        assertEquals(List.of("hello", ",", "world", "!"), uncased("hello, world!"));
        assertEquals(List.of("don", "'", "t", "stop", ".", ".", "."), uncased("Don't stop..."));
        // ASCII symbols outside Unicode's P* count too; Unicode P* outside ASCII (em dash, «») too
        assertEquals(List.of("$", "5", "^", "2", "`", "a", "—", "b", "«", "c", "»"), uncased("$5^2`a—b«c»"));
        // a digit run or a letter run stays whole; "+" is ASCII, so split
        assertEquals(List.of("3", ".", "14159", "+", "x2"), uncased("3.14159+x2"));
    }

    @Test
    void symbolsOutsideAsciiThatAreNotPunctuationStayInWords() {
        assertEquals(List.of("5€", "a±b"), uncased("5€ a±b"));
    }

    @Test
    void cjkIdeographsAreWordsOfTheirOwn() {
        assertEquals(List.of("unicode", "—", "dash", "中", "文"), uncased("Ünïcode—dash 中文"));
        assertEquals(List.of("ab", "\uD840\uDC00", "c"), uncased("ab\uD840\uDC00c"), "U+20000, outside the BMP");
        assertEquals(List.of("かな"), uncased("かな"), "hiragana is not in the CJK ranges");
    }

    @Test
    void controlAndFormatCharactersAreDroppedWhitespaceSplits() {
        assertEquals(List.of("ab", "c"), uncased("a\u0000b\u200B\uFFFD\u0007 c"), "NUL, zero-width space, U+FFFD, BEL");
        assertEquals(List.of("a", "b", "c"), uncased("a\u2028b\u3000c"), "line separator, ideographic space");
        assertEquals(List.of(), uncased(" \t\n "));
    }

    @Test
    void characterClassesFollowTheReference() {
        assertTrue(BertBasicTokenizer.isPunctuation('~'));
        assertTrue(BertBasicTokenizer.isPunctuation('\u3002'), "ideographic full stop, Po");
        assertFalse(BertBasicTokenizer.isPunctuation('a'));
        assertFalse(BertBasicTokenizer.isPunctuation('\u00A9'), "copyright sign, So");
        assertTrue(BertBasicTokenizer.isControl(0xE000), "private use");
        assertFalse(BertBasicTokenizer.isControl('\t'));
        assertTrue(BertBasicTokenizer.isWhitespace('\u2003'), "em space, Zs");
        assertTrue(BertBasicTokenizer.isCjk(0xF900));
        assertFalse(BertBasicTokenizer.isCjk(0xAC00), "hangul");
    }
}
