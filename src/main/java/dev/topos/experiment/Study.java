package dev.topos.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A runnable study: one kind of experiment (the {@code study} key of an experiment YAML) that
 * trains, evaluates, analyses and reports into a run folder.
 */
public interface Study {
    /** The value of the {@code study} key that selects this study, e.g. "tem". */
    String name();

    /**
     * Resolves the user's config tree (the YAML file merged with --set overrides) against this
     * study's defaults, validates it, and returns the resolved config as a tree.
     *
     * @param source names the file in error messages
     */
    ObjectNode resolve(ObjectNode userConfig, String source);

    /**
     * Trains (continuing from the latest checkpoint if {@code resume}), evaluates, analyses and
     * writes report.html. The resolved config is already in runDir/config.yaml.
     */
    void run(Path runDir, ObjectNode resolvedConfig, boolean resume) throws IOException;

    /**
     * The summary.json keys that say most about a run of this study, in the order to show them
     * ({@code topos runs}, {@code topos compare}); a run shows those it has.
     */
    default List<String> keyFigures() {
        return List.of();
    }

    /**
     * Why {@code --resume} cannot continue the run in {@code runDir} (e.g. it holds no checkpoint),
     * or empty if it can. Asked before anything in the folder is touched.
     */
    default Optional<String> notResumable(Path runDir) throws IOException {
        return Optional.empty();
    }

    /** Redoes evaluation and analysis from the run folder's latest checkpoint, then the report. */
    void analyze(Path runDir) throws IOException;

    /**
     * {@link #analyze(Path)} with what the user adds: test-suite files analysed beside the configured
     * ones, minimal pairs. Only language-model studies accept any.
     */
    default void analyze(Path runDir, AnalysisInputs extra) throws IOException {
        extra.require(name(), false, false);
        analyze(runDir);
    }
}
