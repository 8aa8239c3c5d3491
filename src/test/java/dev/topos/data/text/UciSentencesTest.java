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

class UciSentencesTest {
    @TempDir
    Path dir;

    @Test
    void readsJsonFixturesDroppingTheEmptyEndMarker() throws IOException {
        Files.writeString(dir.resolve("imdb.json"),
                "[{\"text\":\"Very slow.  \",\"class\":0},{\"text\":\"Loved it!\",\"class\":1},{\"text\":\"\",\"class\":null}]");
        Files.writeString(dir.resolve("yelp.json"), "[{\"text\":\"Great food.\",\"class\":1},{\"text\":\"\",\"class\":null}]");
        assertEquals(List.of(new LabelledSentence("Very slow.", 0, "imdb"), new LabelledSentence("Loved it!", 1, "imdb"),
                new LabelledSentence("Great food.", 1, "yelp")), UciSentences.load(dir));
    }

    @Test
    void readsUpstreamTabSeparatedFiles() throws IOException {
        Files.writeString(dir.resolve("amazon_cells_labelled.txt"), "Works\tgreat.  \t1\n\nBroke in a day.  \t0\r\n");
        assertEquals(List.of(new LabelledSentence("Works\tgreat.", 1, "amazon"),
                new LabelledSentence("Broke in a day.", 0, "amazon")), UciSentences.load(dir));
    }

    @Test
    void theJsonFileWinsOverTheUpstreamFileOfTheSameSource() throws IOException {
        Files.writeString(dir.resolve("imdb.json"), "[{\"text\":\"from json\",\"class\":1}]");
        Files.writeString(dir.resolve("imdb_labelled.txt"), "from txt\t0\n");
        assertEquals(List.of(new LabelledSentence("from json", 1, "imdb")), UciSentences.load(dir));
    }

    @Test
    void errorsNameFileAndPlace() throws IOException {
        Path json = dir.resolve("imdb.json");
        Files.writeString(json, "[{\"text\":\"ok\",\"class\":1},{\"text\":\"bad\",\"class\":null}]");
        assertEquals(json + " item 1: \"class\" = null; allowed: 0 or 1", error());
        Files.writeString(json, "[{\"text\":\"ok\",\"class\":2}]");
        assertEquals(json + " item 0: \"class\" = 2; allowed: 0 or 1", error());
        Files.writeString(json, "[{\"class\":1}]");
        assertEquals(json + " item 0: \"text\" must be a string", error());
        Files.writeString(json, "[{\"text\":\"ok\",\n\"class\":1,}]");
        assertTrue(error().startsWith(json + " line 2: invalid JSON"));
        Files.delete(json);

        Path txt = dir.resolve("yelp_labelled.txt");
        Files.writeString(txt, "good\t1\nno tab here\n");
        assertEquals(txt + " line 2: no tab; expected sentence<TAB>0|1", error());
        Files.writeString(txt, "good\t1\nbad\tneg\n");
        assertEquals(txt + " line 2: label 'neg'; allowed: 0 or 1", error());
        Files.delete(txt);

        assertTrue(error().startsWith(dir + ": no UCI sentences found"));
    }

    private String error() {
        return assertThrows(MalformedDataException.class, () -> UciSentences.load(dir)).getMessage();
    }
}
