package dev.topos.experiment.topoformer;

import static dev.topos.config.Configs.at;

import dev.topos.config.Check;
import dev.topos.config.Validated;
import dev.topos.data.TokenizedSet;
import dev.topos.data.text.SplitFractions;
import dev.topos.experiment.StudyConfig;
import dev.topos.model.TopoformerConfig;
import dev.topos.train.TrainConfig;
import java.util.List;

/**
 * The config of a Topoformer study (spec topoformer.md §4–§6): IMDB data, the 1-layer model,
 * optimisation, evaluation and the topographic analyses. Defaults follow the reference's
 * {@code config_text.yaml} (width 400 = 20 x 20, FFN 1600, sq 0.1, sr 0.3, length 256, AdamW
 * lr 1e-3, clip 0.1, batch 128) except where the config says why.
 */
public record TopoformerStudyConfig(String study, String name, long seed, Data data, TopoformerConfig model,
                                    int batch, TrainConfig train, Analysis analysis) implements StudyConfig {
    /** The eight linguistic test suites of spec §6, bundled with Topos. */
    public static final List<String> EIGHT_SUITES = List.of("sentences-vs-nonwords", "sentences-vs-wordlists",
            "nouns-vs-verbs", "singular-vs-plural", "past-vs-present", "function-vs-content",
            "positive-vs-negative-words", "positive-vs-negative-sentences");

    /**
     * @param dataset      the cached data set the reviews come from (see {@code topos data list})
     * @param split        fractions of the deduplicated reviews for train / validation / test
     * @param minFrequency smallest training-set count of a word kept in the vocabulary
     */
    public record Data(String dataset, SplitFractions split, int minFrequency) implements Validated {
        @Override
        public void validate(String p) {
            Check.oneOf(at(p, "dataset"), dataset, List.of("imdb"));
            split.validate(at(p, "split"));
            Check.range(at(p, "min_frequency"), minFrequency, 1, 1e9);
        }
    }

    /**
     * @param suites        test suites: a bundled suite's name or a path to a suite file
     * @param maxItems      items per condition used from each suite (the first ones)
     * @param maxReviews    validation and test reviews evaluated (the first of each shuffled split, so
     *                      a random sample), during training and after; 0 for all. A smoke run sets it
     *                      small: evaluating all 14,874 takes minutes on a CPU
     * @param fdrQ          Benjamini–Hochberg false discovery rate
     * @param muteInsignificant draw the units not significant at {@code fdrQ} muted in the selectivity maps
     * @param smoothingFwhm FWHM in units of the Gaussian smoothing before the smoothed Moran's I
     * @param pcaExamples   test reviews whose token-averaged activations the PCA takes
     * @param pcaComponents principal components drawn per layer
     * @param evalBatch     reviews per forward pass in evaluation and analysis
     * @param compareWith   another run folder (e.g. the control) whose numbers the report tables
     *                      beside this run's; relative to this run's parent folder; "" for none
     */
    public record Analysis(List<String> suites, int maxItems, int maxReviews, double fdrQ, boolean muteInsignificant, double smoothingFwhm, int pcaExamples,
                           int pcaComponents, int evalBatch, String compareWith) implements Validated {
        @Override
        public void validate(String p) {
            Check.require(suites != null && !suites.isEmpty(), at(p, "suites") + " must name at least one suite");
            Check.range(at(p, "max_items"), maxItems, 2, 1e6);
            Check.range(at(p, "max_reviews"), maxReviews, 0, 1e9);
            Check.range(at(p, "fdr_q"), fdrQ, 1e-6, 1);
            Check.range(at(p, "smoothing_fwhm"), smoothingFwhm, 1e-3, 1e3);
            Check.range(at(p, "pca_examples"), pcaExamples, 2, 1e6);
            Check.range(at(p, "pca_components"), pcaComponents, 1, 100);
            Check.range(at(p, "eval_batch"), evalBatch, 1, 4096);
            Check.require(compareWith != null, at(p, "compare_with") + " must be a run folder or \"\"");
        }

        /** The reviews of {@code split} that evaluation uses: the first {@link #maxReviews}, or all. */
        public TokenizedSet reviews(TokenizedSet split) {
            return maxReviews == 0 ? split : split.head(maxReviews);
        }
    }

    public static TopoformerStudyConfig defaults() {
        return new TopoformerStudyConfig("topoformer", "topoformer-imdb", 42,
                new Data("imdb", new SplitFractions(0.7, 0.1, 0.2), 5),
                new TopoformerConfig(400, 1600, 256, 0.1, 0.3, "circular", false, false, true, 0.1, 0.0, 2),
                128,
                new TrainConfig(300, 1e-3, 1, 1_000_000, 0.9, 0.999, 0.01, 0.1, 5, 50, 2).withValidateEvery(300),
                new Analysis(EIGHT_SUITES, 200, 0, 0.05, false, 2, 1000, 10, 100, ""));
    }

    @Override
    public void validate(String p) {
        Check.oneOf(at(p, "study"), study, List.of("topoformer"));
        Check.name(at(p, "name"), name);
        data.validate(at(p, "data"));
        model.validate(at(p, "model"));
        Check.range(at(p, "batch"), batch, 1, 1 << 16);
        train.validate(at(p, "train"));
        analysis.validate(at(p, "analysis"));
    }
}
