package dev.topos.experiment.topoformer;

import dev.topos.data.TokenizedSet;
import dev.topos.data.fetch.DataStore;
import dev.topos.data.text.ImdbReviews;
import dev.topos.data.text.Review;
import dev.topos.data.text.ReviewSplit;
import dev.topos.data.text.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The IMDB reviews of a run: fetched (or found in the cache), split by the run's seed, and encoded
 * with the run's vocabulary. The vocabulary is built from the training reviews only and saved as
 * {@value #VOCABULARY_FILE} in the run folder the first time; later (resume, analysis) it is read
 * back, so the ids never change under a trained model.
 *
 * @param vocabulary the run's vocabulary
 * @param split      the reviews of each part
 * @param train      encoded training reviews
 * @param validation encoded validation reviews
 * @param test       encoded test reviews
 */
record ImdbData(Vocabulary vocabulary, ReviewSplit split, TokenizedSet train, TokenizedSet validation,
                TokenizedSet test) {
    static final String VOCABULARY_FILE = "vocab.txt";

    static ImdbData prepare(TopoformerStudyConfig cfg, Path runDir, Consumer<String> log) throws IOException {
        Path folder = DataStore.standard(log).require(cfg.data().dataset());
        ReviewSplit split = ReviewSplit.of(ImdbReviews.load(folder), cfg.data().split(), cfg.seed());
        log.accept("IMDB: " + split.describe());
        Path vocabFile = runDir.resolve(VOCABULARY_FILE);
        Vocabulary vocabulary;
        if (Files.exists(vocabFile)) {
            vocabulary = Vocabulary.load(vocabFile);
        } else {
            vocabulary = Vocabulary.build(split.train().stream().map(r -> TextEncoder.tokens(r.text())).toList(),
                    cfg.data().minFrequency());
            vocabulary.save(vocabFile);
        }
        log.accept("vocabulary: " + vocabulary.size() + " tokens (training words seen >= "
                + cfg.data().minFrequency() + " times, and 5 specials)");
        int length = cfg.model().length();
        return new ImdbData(vocabulary, split, encode(split.train(), vocabulary, length),
                encode(split.validation(), vocabulary, length), encode(split.test(), vocabulary, length));
    }

    private static TokenizedSet encode(List<Review> reviews, Vocabulary vocabulary, int length) {
        return TextEncoder.encode(reviews.stream().map(Review::text).toList(),
                reviews.stream().mapToInt(Review::label).toArray(), vocabulary, length);
    }
}
