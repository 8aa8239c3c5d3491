package dev.topos.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImdbReviewsTest {
    @TempDir
    Path dir;

    @Test
    void readsTheJsonLayoutAndStripsMarkup() throws IOException {
        Files.writeString(dir.resolve("reviews.json"),
                "[{\"t\":\"Bad.<br /><br />Really &amp; truly.\",\"s\":0},\n {\"s\":1,\"t\":\"<i>Great</i>  film\",\"x\":[1]}]");
        assertEquals(List.of(new Review("Bad. Really & truly.", 0), new Review("Great film", 1)),
                ImdbReviews.load(dir));
    }

    @Test
    void jsonErrorsNameTheFileAndTheItem() throws IOException {
        Path f = dir.resolve("reviews.json");
        Files.writeString(f, "[{\"t\":\"ok\",\"s\":1},{\"t\":\"x\",\"s\":2}]");
        String m = assertThrows(MalformedDataException.class, () -> ImdbReviews.load(dir)).getMessage();
        assertEquals(f + " item 1: \"s\" = 2; allowed: 0 or 1", m);

        Files.writeString(f, "[{\"t\":\"ok\",\"s\":1},{\"s\":0}]");
        m = assertThrows(MalformedDataException.class, () -> ImdbReviews.load(dir)).getMessage();
        assertEquals(f + " item 1: missing \"t\" (the text)", m);

        Files.writeString(f, "[{\"t\": 5, \"s\":1}]");
        m = assertThrows(MalformedDataException.class, () -> ImdbReviews.load(dir)).getMessage();
        assertTrue(m.startsWith(f + " item 0: \"t\" must be a string"), m);

        Files.writeString(f, "{\"t\":\"a\"}");
        m = assertThrows(MalformedDataException.class, () -> ImdbReviews.load(dir)).getMessage();
        assertTrue(m.startsWith(f + ": expected a JSON array"), m);

        Files.writeString(f, "[{\"t\":\"a\",\"s\":1},\n{\"t\" \"b\"}]");
        m = assertThrows(MalformedDataException.class, () -> ImdbReviews.load(dir)).getMessage();
        assertTrue(m.startsWith(f + " line 2: invalid JSON"), m);
    }

    @Test
    void readsTheUpstreamFoldersNestedOrDirect() throws IOException {
        Path root = dir.resolve("aclImdb");
        write(root.resolve("train/pos/1_9.txt"), "Loved it.<br />Yes");
        write(root.resolve("train/neg/0_2.txt"), "Hated it");
        write(root.resolve("train/unsup/5_0.txt"), "unlabelled, ignored");
        write(root.resolve("test/neg/3_1.txt"), "Dull");
        write(root.resolve("test/neg/2_1.txt"), "Slow");
        write(root.resolve("test/pos/4_8.txt"), "Fun");
        List<Review> expected = List.of(new Review("Hated it", 0), new Review("Loved it. Yes", 1),
                new Review("Slow", 0), new Review("Dull", 0), new Review("Fun", 1));
        assertEquals(expected, ImdbReviews.load(dir));
        assertEquals(expected, ImdbReviews.load(root));
    }

    @Test
    void upstreamErrorsNameTheMissingFolderOrBadFile() throws IOException {
        Path root = dir.resolve("aclImdb");
        write(root.resolve("train/pos/1_9.txt"), "fine");
        String m = assertThrows(MalformedDataException.class, () -> ImdbReviews.load(dir)).getMessage();
        assertTrue(m.startsWith(root.resolve("train/neg") + ": missing folder"), m);

        Path bad = root.resolve("train/neg/0_1.txt");
        Files.createDirectories(bad.getParent());
        Files.write(bad, new byte[] {'o', 'k', (byte) 0xFF});
        m = assertThrows(MalformedDataException.class, () -> ImdbReviews.load(dir)).getMessage();
        assertEquals(bad + ": not valid UTF-8 text", m);
    }

    @Test
    void aFolderWithoutReviewsSaysWhatWasExpected() {
        String m = assertThrows(MalformedDataException.class, () -> ImdbReviews.load(dir)).getMessage();
        assertTrue(m.startsWith(dir + ": no IMDB reviews found; expected reviews.json or an aclImdb folder"), m);
    }

    private static void write(Path f, String text) throws IOException {
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }
}
