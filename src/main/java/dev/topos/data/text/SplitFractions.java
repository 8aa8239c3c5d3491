package dev.topos.data.text;

import static dev.topos.config.Configs.at;

import dev.topos.config.Check;
import dev.topos.config.Validated;

/**
 * How a labelled data set is divided: fractions of the (deduplicated) items for training,
 * validation and test. Each lies in [0, 1], training is positive, and they sum to 1.
 *
 * @param train      fraction used to fit the model
 * @param validation fraction held out for model selection
 * @param test       fraction for the final evaluation
 */
public record SplitFractions(double train, double validation, double test) implements Validated {
    private static final double SUM_TOLERANCE = 1e-9;

    /**
     * The Topoformer reference proportions (topoformer.md §4): the upstream IMDB set is 25k train +
     * 25k test and 25% of train is held out, i.e. 37.5% / 12.5% / 50%.
     */
    public static SplitFractions reference() {
        return new SplitFractions(0.375, 0.125, 0.5);
    }

    @Override
    public void validate(String p) {
        Check.range(at(p, "train"), train, 0, 1);
        Check.positive(at(p, "train"), train);
        Check.range(at(p, "validation"), validation, 0, 1);
        Check.range(at(p, "test"), test, 0, 1);
        double sum = train + validation + test;
        Check.require(Math.abs(sum - 1) <= SUM_TOLERANCE, at(p, "train") + " + " + at(p, "validation") + " + "
                + at(p, "test") + " = " + sum + "; the three fractions must sum to 1");
    }
}
