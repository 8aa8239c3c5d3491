package dev.topos.data.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.data.text.MalformedDataException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MinimalPairsTest {
    @TempDir
    Path tmp;

    @Test
    void readsBlimpLinesWithDefaultsFilesInNameOrder() throws Exception {
        Files.writeString(tmp.resolve("b_agreement.jsonl"), """
                {"sentence_good": "The cats sleep.", "sentence_bad": "The cats sleeps.", "field": "morphology", \
                "linguistics_term": "subject_verb_agreement", "UID": "regular_plural_subject_verb_agreement_1", \
                "simple_LM_method": true, "pairID": "0"}

                {"sentence_good": "A dog runs.", "sentence_bad": "A dog run."}
                """);
        Files.writeString(tmp.resolve("a_island.jsonl"), "{\"sentence_good\": \"Who left?\", \"sentence_bad\": "
                + "\"Who left did?\", \"field\": \"syntax\"}\n");
        Files.writeString(tmp.resolve("notes.txt"), "not a pair file\n");
        List<MinimalPairs.Pair> pairs = MinimalPairs.read(tmp, 0);
        assertEquals(List.of(
                new MinimalPairs.Pair("Who left?", "Who left did?", "a_island", "syntax", "unknown"),
                new MinimalPairs.Pair("The cats sleep.", "The cats sleeps.", "regular_plural_subject_verb_agreement_1",
                        "morphology", "subject_verb_agreement"),
                new MinimalPairs.Pair("A dog runs.", "A dog run.", "b_agreement", "unknown", "unknown")), pairs);
        assertEquals(2, MinimalPairs.read(tmp, 1).size(), "at most one pair a file");
    }

    @Test
    void aBadLineIsNamedByFileAndLine() throws Exception {
        Path f = Files.writeString(tmp.resolve("p.jsonl"), "{\"sentence_good\": \"A.\", \"sentence_bad\": \"B.\"}\n"
                + "{\"sentence_good\": \"A.\"}\n");
        String m = assertThrows(MalformedDataException.class, () -> MinimalPairs.read(tmp, 0)).getMessage();
        assertTrue(m.contains(f.toString()) && m.contains("line 2") && m.contains("sentence_bad"), m);
        Files.writeString(f, "not json\n");
        m = assertThrows(MalformedDataException.class, () -> MinimalPairs.read(tmp, 0)).getMessage();
        assertTrue(m.contains("line 1") && m.contains("not JSON"), m);
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        m = assertThrows(MalformedDataException.class, () -> MinimalPairs.read(empty, 0)).getMessage();
        assertTrue(m.contains("no .jsonl files"), m);
    }
}
