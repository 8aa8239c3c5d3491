package dev.topos.cli;

import static dev.topos.cli.MainTest.topos;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.data.suites.LinguisticSuites;
import dev.topos.data.suites.Suite;
import dev.topos.data.suites.SuiteFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuitesCommandTest {
    private static final int WORDS = 120; // per class, above the 100-item minimum

    @TempDir
    Path tmp;

    /** Letters-only word number i with a prefix: "noun" + "aa", "ab", ... */
    private static String word(String prefix, int i) {
        return prefix + (char) ('a' + i / 26) + (char) ('a' + i % 26);
    }

    /** Synthetic data in the cached layouts, with enough of everything for every suite. */
    private void writeData() throws IOException {
        StringBuilder brown = new StringBuilder();
        String[][] classes = {{"noun", "nn"}, {"verb", "vb"}, {"plur", "nns"}, {"past", "vbd"}, {"pres", "vbz"},
            {"func", "in"}};
        for (String[] c : classes) {
            for (int i = 0; i < WORDS; i++) {
                brown.append('\t').append((word(c[0], i) + "/" + c[1] + " ").repeat(10)).append("\n\n");
            }
        }
        StringBuilder afinn = new StringBuilder("{");
        for (int i = 0; i < WORDS; i++) {
            brown.append('\t').append((word("good", i) + "/jj " + word("evil", i) + "/jj ").repeat(5)).append("\n\n");
            afinn.append(i == 0 ? "" : ",").append('"').append(word("good", i)).append("\":3,\"")
                    .append(word("evil", i)).append("\":-3");
        }
        List<String> vocab = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            vocab.add(word("w", i));
        }
        for (int s = 0; s < 150; s++) { // distinct 8-word sentences over a 12-word vocabulary: each word >= 10 times
            StringBuilder line = new StringBuilder("\tThe/at");
            for (int k = 0; k < 7; k++) {
                line.append(' ').append(vocab.get((s * 7 + k * (s % 5 + 1)) % 12)).append("/uh");
            }
            brown.append(line).append(' ').append(word("x", s)).append("/uh ./.\n\n");
            brown.append('\t').append((word("x", s) + "/uh ").repeat(9)).append("\n\n");
        }
        Path b = Files.createDirectories(tmp.resolve("brown"));
        Files.writeString(b.resolve("ca01"), brown);
        Path a = Files.createDirectories(tmp.resolve("afinn"));
        Files.writeString(a.resolve("labels.json"), afinn.append('}'));
        StringBuilder uci = new StringBuilder("[");
        for (int i = 0; i < WORDS; i++) {
            uci.append("{\"text\":\"Really liked item ").append(i).append(".\",\"class\":1},")
                    .append("{\"text\":\"Really hated item ").append(i).append(".\",\"class\":0},");
        }
        Path u = Files.createDirectories(tmp.resolve("uci"));
        Files.writeString(u.resolve("yelp.json"), uci.append("{\"text\":\"\",\"class\":null}]"));
    }

    @Test
    void buildWritesTheEightSuiteFilesWithTheirCommand() throws IOException {
        writeData();
        Path out = tmp.resolve("suites");
        MainTest.Result r = topos("suites", "build", "--out", out.toString(), "--seed", "5", "--brown",
                tmp.resolve("brown").toString(), "--afinn", tmp.resolve("afinn").toString(), "--uci", tmp.resolve("uci").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(8, r.out().lines().count(), r.out());
        for (String name : LinguisticSuites.NAMES) {
            Suite s = SuiteFile.read(out.resolve(name + ".tsv"));
            assertTrue(s.a().items().size() >= 100 && s.b().items().size() >= 100, name);
            assertEquals("command: topos suites build --out " + out + " --seed 5 --brown " + tmp.resolve("brown")
                    + " --afinn " + tmp.resolve("afinn") + " --uci " + tmp.resolve("uci"), s.header().get(s.header().size() - 1));
            assertTrue(r.out().contains(out.resolve(name + ".tsv") + ": " + s.a().items().size() + " " + s.a().name()), r.out());
        }
    }

    @Test
    void missingOrBadDataAreUserErrors() throws IOException {
        MainTest.Result none = topos("suites");
        assertEquals(Main.USER_ERROR, none.code());
        assertTrue(none.err().contains("Usage: topos suites"), none.err());
        MainTest.Result missing = topos("suites", "build", "--brown", tmp.toString());
        assertEquals(Main.USER_ERROR, missing.code());
        assertTrue(missing.err().contains("Missing required option: '--out=DIR'"), missing.err());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        topos("suites", "build", "--out", tmp.resolve("o").toString(), "--brown", empty.toString(), "--afinn", empty.toString(),
                "--uci", empty.toString()).assertUserError(empty + ": no Brown corpus files found");
        MainTest.Result help = topos("suites", "build", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Usage: topos suites build"), help.out());
    }
}
