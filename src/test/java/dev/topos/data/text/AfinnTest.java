package dev.topos.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AfinnTest {
    @TempDir
    Path dir;

    @Test
    void readsJsonInFileOrderWithPhrases() throws IOException {
        Files.writeString(dir.resolve("labels.json"), "{\"abandon\": -2, \"cool stuff\": 3, \"zealous\": 2}");
        Map<String, Integer> m = Afinn.load(dir);
        assertEquals(Map.of("abandon", -2, "cool stuff", 3, "zealous", 2), m);
        assertEquals(List.of("abandon", "cool stuff", "zealous"), List.copyOf(m.keySet()));
    }

    @Test
    void readsTheUpstreamTabFile() throws IOException {
        Files.writeString(dir.resolve("AFINN-165.txt"), "abandon\t-2\ndoes not work\t-3\n\nwow\t+4\n");
        assertEquals(Map.of("abandon", -2, "does not work", -3, "wow", 4), Afinn.load(dir));
    }

    @Test
    void errorsNameFilePlaceAndRange() throws IOException {
        Path json = dir.resolve("labels.json");
        Files.writeString(json, "{\"good\": 3, \"great\": 6}");
        assertEquals(json + " entry \"great\": score 6 is out of range; allowed: integers -5 .. 5", error());
        Files.writeString(json, "{\"good\": 2.5}");
        assertEquals(json + " entry \"good\": score 2.5 is not an integer; allowed: integers -5 .. 5", error());
        Files.writeString(json, "{\"good\": 3,\n\"good\": 2}");
        assertTrue(error().startsWith(json + " line 2: invalid JSON: Duplicate field 'good'"), error());
        Files.delete(json);

        Path txt = dir.resolve("AFINN-165.txt");
        Files.writeString(txt, "good\t3\nbad -3\n");
        assertEquals(txt + " line 2: no tab; expected word<TAB>score", error());
        Files.writeString(txt, "good\t3\ngood\t2\n");
        assertEquals(txt + " line 2: \"good\" is listed twice", error());
        Files.writeString(txt, "good\tthree\n");
        assertEquals(txt + " line 1: score 'three' is not an integer; allowed: integers -5 .. 5", error());
        Files.delete(txt);
        assertTrue(error().startsWith(dir + ": no AFINN lexicon found"));
    }

    private String error() {
        return assertThrows(MalformedDataException.class, () -> Afinn.load(dir)).getMessage();
    }
}
