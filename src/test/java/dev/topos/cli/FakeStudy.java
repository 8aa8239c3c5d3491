package dev.topos.cli;

import static dev.topos.config.Configs.at;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.topos.config.Check;
import dev.topos.config.Configs;
import dev.topos.config.Validated;
import dev.topos.experiment.Study;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A study for CLI tests, registered only on the test class path (META-INF/services): it records
 * each call in the run folder instead of training.
 */
public final class FakeStudy implements Study {
    /** Config of the fake study. */
    public record Config(String study, String name, Train train) implements Validated {
        @Override
        public void validate(String p) {
            train.validate(at(p, "train"));
        }
    }

    /** Its train section. */
    public record Train(long steps, double lr) implements Validated {
        @Override
        public void validate(String p) {
            Check.range(at(p, "steps"), steps, 1, 1e6);
        }
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public ObjectNode resolve(ObjectNode userConfig, String source) {
        ObjectNode defaults = Configs.treeOf(new Config("fake", "fake", new Train(10, 0.1)));
        return Configs.treeOf(Configs.bind(Configs.merge(defaults, userConfig), Config.class, source));
    }

    @Override
    public void run(Path runDir, ObjectNode resolvedConfig, boolean resume) throws IOException {
        record(runDir, "run resume=" + resume + " steps=" + resolvedConfig.at("/train/steps").asLong());
    }

    @Override
    public void analyze(Path runDir) throws IOException {
        record(runDir, "analyze");
    }

    /** The calls recorded in a run folder. */
    static String calls(Path runDir) throws IOException {
        return Files.readString(runDir.resolve("calls.txt"), StandardCharsets.UTF_8);
    }

    private static void record(Path runDir, String line) throws IOException {
        Files.writeString(runDir.resolve("calls.txt"), line + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
