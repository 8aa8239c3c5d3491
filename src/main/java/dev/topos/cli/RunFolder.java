package dev.topos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.topos.config.ComputeDevice;
import dev.topos.config.Configs;
import dev.topos.experiment.Studies;
import dev.topos.experiment.Study;
import dev.topos.nn.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A run folder made by {@code topos run}: its config.yaml names the study that owns it. */
final class RunFolder {
    static final String CONFIG = "config.yaml";

    private RunFolder() {}

    /** The run's resolved config; a folder without config.yaml is an error saying so. */
    static ObjectNode readConfig(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": no such run folder");
        }
        Path file = dir.resolve(CONFIG);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(dir + ": not a run folder (no " + CONFIG + "; run folders are made by "
                    + "'topos run')");
        }
        return Configs.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Makes the engine compute on the device {@code --device} or {@code TOPOS_DEVICE} names, else the
     * config's {@code train.device}; {@code source} names the config in errors.
     */
    static void selectDevice(JsonNode config, String source) {
        Engine.select(ComputeDevice.current(config.at("/train/device").textValue(), source + ": train.device"));
    }

    /** The study that made the run. */
    static Study study(Path dir) throws IOException {
        return Studies.of(readConfig(dir), dir.resolve(CONFIG).toString());
    }
}
