package dev.topos.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a user adds to a run's analysis ({@code topos analyze RUN ...}): test-suite files analysed
 * beside the configured suites ({@code --suite}), and a folder of minimal pairs in BLiMP's format
 * ({@code --minimal-pairs}). Only language-model studies take either.
 *
 * @param suites       test-suite files
 * @param minimalPairs a folder of {@code .jsonl} minimal pairs, if given
 */
public record AnalysisInputs(List<Path> suites, Optional<Path> minimalPairs) {
    /** Nothing added. */
    public static final AnalysisInputs NONE = new AnalysisInputs(List.of(), Optional.empty());

    public AnalysisInputs {
        suites = List.copyOf(suites);
    }

    /** Test-suite files only. */
    public static AnalysisInputs suites(List<Path> suites) {
        return new AnalysisInputs(suites, Optional.empty());
    }

    /**
     * Refuses what {@code study} does not take.
     *
     * @param takesSuites       whether its analyses take test suites
     * @param takesMinimalPairs whether it scores minimal pairs (a masked language model)
     */
    public void require(String study, boolean takesSuites, boolean takesMinimalPairs) {
        if (!takesSuites && !suites.isEmpty()) {
            throw new IllegalArgumentException("study '" + study + "' takes no test suites (--suite); "
                    + "test suites are for language models such as study 'topoformer'");
        }
        if (!takesMinimalPairs && minimalPairs.isPresent()) {
            throw new IllegalArgumentException("study '" + study + "' takes no minimal pairs (--minimal-pairs); "
                    + "minimal pairs are scored by masked language models: study 'topoformer-bert'");
        }
    }
}
