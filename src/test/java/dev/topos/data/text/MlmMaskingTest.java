package dev.topos.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.util.Rng;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlmMaskingTest {
    private static final int VOCAB = 1000;
    private static final int CLS = 1;
    private static final int SEP = 2;
    private static final int PAD = 0;
    private static final int MASK = 3;

    /** 400 sequences of 128: [CLS], 100 word ids, [SEP], then padding. */
    private static int[][] sequences() {
        Rng rng = new Rng(5);
        int[][] s = new int[400][128];
        for (int[] seq : s) {
            seq[0] = CLS;
            for (int t = 1; t <= 100; t++) {
                seq[t] = 10 + rng.nextInt(VOCAB - 10);
            }
            seq[101] = SEP;
        }
        return s;
    }

    private static final MlmMasking MASKING = new MlmMasking(0.15, VOCAB, MASK, CLS, SEP, PAD);

    @Test
    void aboutFifteenPercentOfWordsAreChosenAndSplitEightyTenTen() {
        int[][] seqs = sequences();
        MlmMasking.Masked m = MASKING.apply(seqs, new Rng(11));
        int words = 0;
        int chosen = 0;
        int masked = 0;
        int random = 0;
        int kept = 0;
        for (int b = 0; b < seqs.length; b++) {
            for (int t = 0; t < 128; t++) {
                boolean word = seqs[b][t] >= 10;
                words += word ? 1 : 0;
                if (m.targets()[b][t] == MlmMasking.IGNORE) {
                    assertEquals(seqs[b][t], m.inputs()[b][t], "a position not chosen is unchanged");
                    continue;
                }
                assertTrue(word, "specials are never chosen");
                assertEquals(seqs[b][t], m.targets()[b][t], "the target is the original id");
                chosen++;
                int in = m.inputs()[b][t];
                if (in == MASK) {
                    masked++;
                } else if (in == seqs[b][t]) {
                    kept++;
                } else {
                    random++;
                }
            }
        }
        assertEquals(40_000, words);
        // binomial standard deviations: sqrt(.15 .85 / 40000) = 0.0018; for the shares of ~6000 chosen, <= 0.0052
        assertEquals(0.15, chosen / (double) words, 5 * 0.0018);
        assertEquals(0.8, masked / (double) chosen, 5 * 0.0052);
        assertEquals(0.1, random / (double) chosen, 5 * 0.0039);
        assertEquals(0.1, kept / (double) chosen, 5 * 0.0039 + 1.0 / VOCAB);
    }

    @Test
    void theSameSeedGivesTheSameCorruptionAndTheInputIsLeftAlone() {
        int[][] seqs = sequences();
        int[][] copy = sequences();
        MlmMasking.Masked a = MASKING.apply(seqs, new Rng(3));
        MlmMasking.Masked b = MASKING.apply(seqs, new Rng(3));
        for (int i = 0; i < seqs.length; i++) {
            assertArrayEquals(a.inputs()[i], b.inputs()[i]);
            assertArrayEquals(a.targets()[i], b.targets()[i]);
            assertArrayEquals(copy[i], seqs[i], "the sequences themselves are not modified");
        }
    }

    @Test
    void bertsRuleNeverChoosesItsSpecialTokens(@TempDir Path dir) throws Exception {
        BertVocabulary v = BertVocabulary.load(BertVocabFixture.writeNpmStandIn(dir));
        int[] specials = {v.clsId(), v.sepId(), v.padId(), v.unkId(), v.maskId()};
        int[][] seqs = new int[200][];
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = specials.clone();
        }
        MlmMasking.Masked m = MlmMasking.bert(v).apply(seqs, new Rng(1));
        for (int[] targets : m.targets()) {
            for (int target : targets) {
                assertEquals(MlmMasking.IGNORE, target);
            }
        }
        assertEquals(101, v.clsId());
        assertEquals(103, v.maskId());
    }

    @Test
    void badSettingsAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> new MlmMasking(0, VOCAB, MASK));
        assertThrows(IllegalArgumentException.class, () -> new MlmMasking(0.15, VOCAB, VOCAB));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MlmMasking(0.15, VOCAB, MASK, -4));
        assertTrue(e.getMessage().contains("special id -4"), e.getMessage());
    }
}
