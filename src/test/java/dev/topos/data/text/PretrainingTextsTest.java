package dev.topos.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PretrainingTextsTest {
    @TempDir
    Path dir;

    @Test
    void aUserFolderIsOneDocumentPerTxtFileInPathOrder() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("my-corpus"));
        Files.writeString(corpus.resolve("b.txt"), "\uFEFFsecond, after a byte-order mark");
        Files.writeString(corpus.resolve("a.txt"), "first\n\nwith two paragraphs");
        Files.createDirectories(corpus.resolve("sub"));
        Files.writeString(corpus.resolve("sub/c.TXT"), "third, in a subfolder");
        Files.writeString(corpus.resolve("notes.md"), "not a .txt file");
        TextSource s = PretrainingTexts.folder(corpus);
        assertEquals("my-corpus", s.name());
        assertEquals(List.of("first\n\nwith two paragraphs", "second, after a byte-order mark", "third, in a subfolder"),
                s.documents());
        assertEquals("own corpus: 3 .txt files under " + corpus.toAbsolutePath().normalize(), s.description());
    }

    @Test
    void aFolderWithoutTxtFilesIsNamed() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("readme.md"), "no text here");
        assertEquals(empty + ": no .txt files; a corpus is a folder of .txt files, one document each (UTF-8)",
                assertThrows(MalformedDataException.class, () -> PretrainingTexts.folder(empty)).getMessage());
        Path missing = dir.resolve("missing");
        assertEquals(missing + ": not a folder; a corpus is a folder of .txt files, one document each (UTF-8)",
                assertThrows(MalformedDataException.class, () -> PretrainingTexts.folder(missing)).getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsNamed() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("latin"));
        Files.writeString(corpus.resolve("good.txt"), "fine");
        Path bad = corpus.resolve("bad.txt");
        Files.write(bad, new byte[] {'c', 'a', 'f', (byte) 0xE9}); // café in Latin-1
        assertEquals(bad + ": not valid UTF-8 text",
                assertThrows(MalformedDataException.class, () -> PretrainingTexts.folder(corpus)).getMessage());
    }

    @Test
    void brownTextIsTheWordsWithQuotesRestored() {
        List<List<TaggedWord>> sentences = List.of(
                List.of(new TaggedWord("``", "``"), new TaggedWord("Only", "rb"), new TaggedWord("a", "at"),
                        new TaggedWord("handful", "nn"), new TaggedWord("''", "''"), new TaggedWord(",", ",")),
                List.of(new TaggedWord("1-1/2", "cd"), new TaggedWord(".", ".")));
        assertEquals("\" Only a handful \" , 1-1/2 .", PretrainingTexts.brownText(sentences));
    }

    @Test
    void brownIsOneDocumentPerCorpusFile() throws IOException {
        Files.writeString(dir.resolve("cb02"), "\n\n\tThe/at second/od ./.\n");
        Files.writeString(dir.resolve("ca01"), "\n\n\tThe/at jury/nn said/vbd ./.\n\n\n\tIt/pps ended/vbd ./.\n");
        Files.writeString(dir.resolve("cats.txt"), "ca01 news\ncb02 editorial\n");
        TextSource s = PretrainingTexts.brown(dir);
        assertEquals(List.of("The jury said . It ended .", "The second ."), s.documents());
        assertEquals("brown", s.name());
    }

    @Test
    void mobyDickChaptersAreInChapterOrder() throws IOException {
        Files.writeString(dir.resolve("chapter_10.txt"), "CHAPTER 10. A Bosom Friend.\n");
        Files.writeString(dir.resolve("chapter_2.txt"), "CHAPTER 2. The Carpet-Bag.");
        Files.writeString(dir.resolve("chapter_1.txt"), "CHAPTER 1. Loomings.\n\nCall me Ishmael.");
        Files.writeString(dir.resolve("MANIFEST.json"), "{}");
        TextSource s = PretrainingTexts.mobyDick(dir);
        assertEquals(List.of("CHAPTER 1. Loomings.\n\nCall me Ishmael.", "CHAPTER 2. The Carpet-Bag.",
                "CHAPTER 10. A Bosom Friend."), s.documents());
        assertEquals("Moby Dick (Melville 1851): 3 chapters", s.description());
        Path none = Files.createDirectories(dir.resolve("none"));
        assertEquals(none + ": no Moby Dick chapters found; expected chapter_1.txt … chapter_135.txt",
                assertThrows(MalformedDataException.class, () -> PretrainingTexts.mobyDick(none)).getMessage());
    }

    @Test
    void sotuIsOneDocumentPerSpeech() throws IOException {
        Files.writeString(dir.resolve("1790_george_washington_n.txt"), "Fellow-Citizens of the Senate.\n");
        Files.writeString(dir.resolve("1791_george_washington_n.txt"), "Again.");
        TextSource s = PretrainingTexts.sotu(dir);
        assertEquals(List.of("Fellow-Citizens of the Senate.", "Again."), s.documents());
        assertEquals("State of the Union addresses: 2 speeches, 1790–1791", s.description());
    }
}
