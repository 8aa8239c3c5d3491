package dev.topos.data.text;

import dev.topos.util.Rng;
import java.util.Arrays;

/**
 * BERT's masked-language-model corruption (Devlin et al. 2019, §3.1; the same rule as HuggingFace's
 * {@code DataCollatorForLanguageModeling}, which the crammed-BERT recipe uses): every position that
 * is not a special token ([CLS], [SEP], [PAD], [MASK], [UNK] excluded) is chosen with probability
 * {@code rate} (0.15), independently; a chosen position becomes [MASK] with probability 0.8, a token
 * drawn uniformly from the vocabulary with probability 0.1, and stays as it was with probability 0.1.
 * The loss is taken on the chosen positions only: {@link Masked#targets} holds the original id
 * there and {@link #IGNORE} elsewhere.
 */
public final class MlmMasking {
    /** The target of a position the loss ignores. */
    public static final int IGNORE = -1;
    /** Of the chosen positions, the share replaced by [MASK]. */
    public static final double MASK_SHARE = 0.8;
    /** Of the chosen positions, the share replaced by a random token (the rest stay unchanged). */
    public static final double RANDOM_SHARE = 0.1;

    private final double rate;
    private final int vocabulary;
    private final int maskId;
    private final boolean[] special;

    /**
     * @param rate       probability that a non-special position is chosen, in (0, 1)
     * @param vocabulary the number of ids; random replacements are drawn from [0, vocabulary)
     * @param maskId     the id of [MASK]
     * @param specialIds ids never chosen ([CLS], [SEP], [PAD], ...)
     */
    public MlmMasking(double rate, int vocabulary, int maskId, int... specialIds) {
        if (!(rate > 0 && rate < 1)) {
            throw new IllegalArgumentException("masking rate = " + rate + " must lie in (0, 1)");
        }
        if (vocabulary < 2 || maskId < 0 || maskId >= vocabulary) {
            throw new IllegalArgumentException("vocabulary = " + vocabulary + ", [MASK] = " + maskId
                    + ": need at least 2 ids and [MASK] among them");
        }
        this.rate = rate;
        this.vocabulary = vocabulary;
        this.maskId = maskId;
        special = new boolean[vocabulary];
        special[maskId] = true;
        for (int id : specialIds) {
            if (id < 0 || id >= vocabulary) {
                throw new IllegalArgumentException("special id " + id + " is outside [0, " + vocabulary + ")");
            }
            special[id] = true;
        }
    }

    /** BERT's rule over a WordPiece vocabulary: rate 0.15, its [CLS], [SEP], [PAD], [UNK] and [MASK] never chosen. */
    public static MlmMasking bert(BertVocabulary v) {
        return new MlmMasking(0.15, v.size(), v.maskId(), v.clsId(), v.sepId(), v.padId(), v.unkId());
    }

    /** The corrupted inputs and the targets, each the shape of the sequences. */
    public record Masked(int[][] inputs, int[][] targets) {}

    /** Corrupts {@code sequences} (left unchanged) with draws from {@code rng}. */
    public Masked apply(int[][] sequences, Rng rng) {
        int[][] inputs = new int[sequences.length][];
        int[][] targets = new int[sequences.length][];
        for (int b = 0; b < sequences.length; b++) {
            int[] seq = sequences[b];
            inputs[b] = seq.clone();
            targets[b] = new int[seq.length];
            Arrays.fill(targets[b], IGNORE);
            for (int t = 0; t < seq.length; t++) {
                if (special[seq[t]] || rng.nextDouble() >= rate) {
                    continue;
                }
                targets[b][t] = seq[t];
                double u = rng.nextDouble();
                if (u < MASK_SHARE) {
                    inputs[b][t] = maskId;
                } else if (u < MASK_SHARE + RANDOM_SHARE) {
                    inputs[b][t] = rng.nextInt(vocabulary);
                }
            }
        }
        return new Masked(inputs, targets);
    }
}
