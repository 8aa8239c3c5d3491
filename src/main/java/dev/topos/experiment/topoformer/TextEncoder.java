package dev.topos.experiment.topoformer;

import dev.topos.data.TokenizedSet;
import dev.topos.data.text.BasicEnglishTokenizer;
import dev.topos.data.text.HtmlText;
import dev.topos.data.text.Vocabulary;
import java.util.List;

/**
 * Text to model input, the same way for training reviews and test-suite items: markup stripped
 * ({@link HtmlText}), torchtext's basic_english tokens, then {@code <bos>} ids {@code <eos>}
 * {@code <pad>}... at a fixed length ({@link Vocabulary#encode}).
 */
final class TextEncoder {
    private TextEncoder() {}

    /** The tokens of one text. */
    static List<String> tokens(String text) {
        return BasicEnglishTokenizer.tokenize(HtmlText.clean(text));
    }

    /** Encodes {@code texts} with their {@code labels} at {@code length} tokens each. */
    static TokenizedSet encode(List<String> texts, int[] labels, Vocabulary vocabulary, int length) {
        int[][] ids = new int[texts.size()][];
        int[] lengths = new int[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            List<String> t = tokens(texts.get(i));
            ids[i] = vocabulary.encode(t, length);
            lengths[i] = Vocabulary.realLength(t.size(), length);
        }
        return new TokenizedSet(ids, lengths, labels);
    }
}
