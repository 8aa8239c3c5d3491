package dev.topos.data.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.topos.data.text.MalformedDataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteFileTest {
    @TempDir
    Path dir;

    private static final Suite SMALL = new Suite("tiny", List.of("made by hand", "license: CC0"),
            new Condition("noun", List.of("time", "way")), new Condition("verb", List.of("make", "see")));

    @Test
    void writeThenReadGivesTheSameSuite() throws IOException {
        Path f = dir.resolve("tiny.tsv");
        SuiteFile.write(f, SMALL);
        assertEquals("# made by hand\n# license: CC0\ntime\tnoun\nway\tnoun\nmake\tverb\nsee\tverb\n", Files.readString(f));
        assertEquals(SMALL, SuiteFile.read(f, 2));
    }

    @Test
    void aHandWrittenFileIsForgiving() throws IOException {
        // BOM, CRLF, blank lines, comments anywhere, spaces around fields, conditions interleaved, B first
        Path f = dir.resolve("my-suite.txt");
        Files.writeString(f, "\uFEFF# mine\r\n\r\nmake \t verb\r\ntime\tnoun\r\n#another note\r\nsee\tverb\r\n  \r\nway\tnoun\r\n");
        Suite s = SuiteFile.read(f, 2);
        assertEquals("my-suite", s.name());
        assertEquals(List.of("mine", "another note"), s.header());
        assertEquals(new Condition("verb", List.of("make", "see")), s.a(), "condition A is the first seen");
        assertEquals(new Condition("noun", List.of("time", "way")), s.b());
    }

    @Test
    void theDefaultMinimumIsOneHundredItemsPerCondition() throws IOException {
        Path f = dir.resolve("big.tsv");
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            a.add("a" + i);
            b.add("b" + i);
        }
        SuiteFile.write(f, new Suite("big", List.of(), new Condition("x", a), new Condition("y", b.subList(0, 100))));
        assertEquals(100, SuiteFile.read(f).b().items().size());
        SuiteFile.write(f, new Suite("big", List.of(), new Condition("x", a), new Condition("y", b.subList(0, 99))));
        assertEquals(f + ": condition 'y' has 99 items; at least 100 are required", error(f, SuiteFile.DEFAULT_MIN_ITEMS));
    }

    @Test
    void everyFormatErrorNamesTheFileTheLineAndTheRule() throws IOException {
        String rule = "each line is item<TAB>condition; lines starting with # are comments";
        assertEquals("x.tsv line 3: no tab; " + rule, errorOf("# c\ntime\tnoun\ntime noun\n"));
        assertEquals("x.tsv line 2: more than one tab; " + rule + " (an item cannot contain a tab)",
                errorOf("time\tnoun\na\tb\tnoun\n"));
        assertEquals("x.tsv line 1: empty item; " + rule, errorOf(" \tnoun\n"));
        assertEquals("x.tsv line 1: empty condition; " + rule, errorOf("time\t \n"));
        assertEquals("x.tsv line 1: item '#tag' starts with #, which marks comment lines; " + rule,
                errorOf(" #tag\tnoun\n"));
        assertEquals("x.tsv line 3: a third condition 'adj'; a suite contrasts exactly two: "
                + "'noun' (first on line 1), 'verb' (first on line 2)", errorOf("time\tnoun\nmake\tverb\nred\tadj\n"));
        assertEquals("x.tsv line 4: item 'time' already on line 1; each item may occur once",
                errorOf("time\tnoun\nway\tnoun\nmake\tverb\ntime\tverb\n"));
        assertEquals("x.tsv: only one condition 'noun' (first on line 1); a suite contrasts exactly two conditions ("
                + rule + ")", errorOf("time\tnoun\nway\tnoun\n"));
        assertEquals("x.tsv: no items; a suite contrasts exactly two conditions (" + rule + ")", errorOf("# only comments\n\n"));
        assertEquals("x.tsv: condition 'verb' has 1 items; at least 2 are required", errorOf("time\tnoun\nway\tnoun\nmake\tverb\n"));
    }

    @Test
    void nameIsTheFileNameWithoutItsExtension() {
        assertEquals("nouns-vs-verbs", SuiteFile.nameOf(Path.of("a/b/nouns-vs-verbs.tsv")));
        assertEquals("plain", SuiteFile.nameOf(Path.of("plain")));
        assertEquals("v1.2", SuiteFile.nameOf(Path.of("v1.2.tsv")));
    }

    @Test
    void suitesThatCouldNotBeWrittenAndReadBackAreRejected() {
        Condition two = new Condition("verb", List.of("make", "see"));
        assertThrows(IllegalArgumentException.class,
                () -> new Suite("s", List.of(), new Condition("verb", List.of("a", "b")), two), "same condition names");
        assertThrows(IllegalArgumentException.class,
                () -> new Suite("s", List.of(), new Condition("noun", List.of("make")), two), "item in both");
        assertThrows(IllegalArgumentException.class,
                () -> new Suite("s", List.of(), new Condition("noun", List.of("a\tb")), two), "tab");
        assertThrows(IllegalArgumentException.class,
                () -> new Suite("s", List.of(), new Condition("noun", List.of("#a")), two), "comment marker");
        assertThrows(IllegalArgumentException.class,
                () -> new Suite("s", List.of(), new Condition("noun", List.of(" a")), two), "surrounding space");
        assertThrows(IllegalArgumentException.class,
                () -> new Suite("s", List.of("two\nlines"), new Condition("noun", List.of("a")), two), "header break");
    }

    private String errorOf(String content) throws IOException {
        Path f = dir.resolve("x.tsv");
        Files.writeString(f, content);
        return error(f, 2).replace(dir + "/", "");
    }

    private static String error(Path f, int min) {
        return assertThrows(MalformedDataException.class, () -> SuiteFile.read(f, min)).getMessage();
    }
}
