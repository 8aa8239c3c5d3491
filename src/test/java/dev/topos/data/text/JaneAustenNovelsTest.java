package dev.topos.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JaneAustenNovelsTest {
    @TempDir
    Path dir;

    @Test
    void chaptersStartAtHeadingsJoinWrappedLinesAndDropItalicMarks() {
        JaneAustenNovels.Novel n = new JaneAustenNovels.Novel("emma", List.of("EMMA", "", "By Jane Austen", "", "",
                "VOLUME I", "", "CHAPTER I", "", "Emma Woodhouse, _handsome_,", "clever, and rich.", "",
                "Second  paragraph.", "", "CHAPTER II.", "The next one.", "", "Chapter 3", "", "Last."));
        assertEquals(List.of(
                "EMMA\n\nBy Jane Austen\n\nVOLUME I\n\nCHAPTER I\n\nEmma Woodhouse, handsome, clever, and rich.\n\n"
                        + "Second paragraph.",
                "CHAPTER II.\n\nThe next one.",
                "Chapter 3\n\nLast."), n.chapters());
    }

    @Test
    void aNovelWithoutHeadingsIsOneDocument() {
        assertEquals(List.of("a b\n\nc"),
                new JaneAustenNovels.Novel("x", List.of("a", "b", "", "c")).chapters());
        assertEquals(List.of(), new JaneAustenNovels.Novel("x", List.of("", " ")).chapters());
    }

    @Test
    void loadsTheSixNovelsFromTheDatabaseDroppingNaLines() throws IOException {
        Map<String, RDataFixture.Item> objects = new LinkedHashMap<>();
        for (String name : JaneAustenNovels.NOVELS) {
            objects.put(name, RDataFixture.strings(Arrays.asList(name.toUpperCase(), null, "CHAPTER 1", "Text.")));
        }
        objects.put("other", RDataFixture.strings(List.of("not a novel")));
        RDataFixture.write(dir, objects);
        List<JaneAustenNovels.Novel> novels = JaneAustenNovels.load(dir);
        assertEquals(JaneAustenNovels.NOVELS, novels.stream().map(JaneAustenNovels.Novel::name).toList());
        assertEquals(List.of("EMMA", "CHAPTER 1", "Text."), novels.get(0).lines());
        assertEquals(List.of("EMMA\n\nCHAPTER 1\n\nText."), novels.get(0).chapters());

        TextSource s = PretrainingTexts.janeAusten(dir);
        assertEquals("jane-austen", s.name());
        assertEquals(6, s.documents().size());
        assertTrue(s.description().contains("6 completed novels"), s.description());
    }

    @Test
    void aMissingNovelIsNamed() throws IOException {
        RDataFixture.write(dir, Map.of("emma", RDataFixture.strings(List.of("EMMA"))));
        String m = assertThrows(MalformedDataException.class, () -> JaneAustenNovels.load(dir)).getMessage();
        assertEquals(dir + ": no mansfieldpark, northangerabbey, persuasion, prideprejudice, sensesensibility in the "
                + "R data; expected janeaustenr's six novels emma, mansfieldpark, northangerabbey, persuasion, "
                + "prideprejudice, sensesensibility", m);
    }

    /** The published chapter counts of the six novels; only when jane-austen is cached. */
    @Test
    void theRealNovelsHaveTheirPublishedChapters() throws IOException {
        Optional<Path> folder = CachedDataSets.folder("jane-austen");
        Assumptions.assumeTrue(folder.isPresent(), "jane-austen is not cached");
        List<JaneAustenNovels.Novel> novels = JaneAustenNovels.load(folder.get());
        Map<String, Integer> chapters = new LinkedHashMap<>();
        novels.forEach(n -> chapters.put(n.name(), n.chapters().size()));
        assertEquals(Map.of("emma", 55, "mansfieldpark", 48, "northangerabbey", 31, "persuasion", 24,
                "prideprejudice", 61, "sensesensibility", 50), chapters);
        String pride = novels.get(JaneAustenNovels.NOVELS.indexOf("prideprejudice")).chapters().get(0);
        assertTrue(pride.contains("Chapter 1\n\nIt is a truth universally acknowledged, that a single man in "
                + "possession of a good fortune, must be in want of a wife."), pride.substring(0, 200));
    }
}
