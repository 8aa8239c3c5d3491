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

class BrownCorpusTest {
    @TempDir
    Path dir;

    @Test
    void tagsAreUpperCasedAndPositionSuffixesRemoved() {
        assertEquals("NN", BrownTag.normalise("nn"));
        assertEquals("NN", BrownTag.normalise("nn-tl"));
        assertEquals("NNS", BrownTag.normalise("nns-hl"));
        assertEquals("NN", BrownTag.normalise("nn-tl-hl"));
        assertEquals("VB", BrownTag.normalise("vb-nc"));
        assertEquals("--", BrownTag.normalise("---hl"));
        assertEquals("FW-IN+AT", BrownTag.normalise("fw-in+at-tl"));
        assertEquals("PPSS+MD", BrownTag.normalise("ppss+md-nc"));
        assertEquals("MD*", BrownTag.normalise("md*-hl"));
        assertEquals("NP$", BrownTag.normalise("np$-tl"), "the possessive $ is part of the tag");
    }

    @Test
    void eachNonBlankLineIsASentence() throws IOException {
        Files.writeString(dir.resolve("ca01"), "\n\n\tThe/at Jury/nn-tl said/vbd ./.\n\n\nMerger/nn-hl proposed/vbn-hl \n"
                + "It/pps 1-1/2/cd isn't/bez* ./.\n");
        Files.writeString(dir.resolve("cb02"), "\tOne/cd more/ap ./.\n");
        Files.writeString(dir.resolve("README"), "not/a corpus file\n");
        Files.writeString(dir.resolve("cats.txt"), "ca01 news\n");
        List<List<TaggedWord>> s = BrownCorpus.load(dir);
        assertEquals(4, s.size());
        assertEquals(List.of(new TaggedWord("The", "AT"), new TaggedWord("Jury", "NN"), new TaggedWord("said", "VBD"),
                new TaggedWord(".", ".")), s.get(0));
        assertEquals(List.of(new TaggedWord("Merger", "NN"), new TaggedWord("proposed", "VBN")), s.get(1));
        assertEquals(List.of(new TaggedWord("It", "PPS"), new TaggedWord("1-1/2", "CD"), new TaggedWord("isn't", "BEZ*"),
                new TaggedWord(".", ".")), s.get(2));
        assertEquals(List.of(new TaggedWord("One", "CD"), new TaggedWord("more", "AP"), new TaggedWord(".", ".")), s.get(3));
    }

    @Test
    void errorsNameFileAndLine() throws IOException {
        assertTrue(assertThrows(MalformedDataException.class, () -> BrownCorpus.load(dir)).getMessage()
                .startsWith(dir + ": no Brown corpus files found"));
        Path f = dir.resolve("ca01");
        Files.writeString(f, "\tGood/jj ./.\n\n\tA/at token/nn without tag/nn\n");
        assertEquals(f + " line 3: token 'without' is not word/tag",
                assertThrows(MalformedDataException.class, () -> BrownCorpus.load(dir)).getMessage());
        Files.writeString(f, "\tGood/ ./.\n");
        assertEquals(f + " line 1: token 'Good/' is not word/tag",
                assertThrows(MalformedDataException.class, () -> BrownCorpus.readFile(f)).getMessage());
    }
}
