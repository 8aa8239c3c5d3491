package dev.topos.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.topos.config.Configs;
import dev.topos.config.Validated;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What every study does with its config: the user's values over the study's defaults, and the run folder's copy. */
public final class StudyConfigs {
    /** The resolved config in a run folder. */
    public static final String FILE = "config.yaml";

    private StudyConfigs() {}

    /** The user's config merged over {@code defaults}, bound and validated, as a tree; {@code source} names the file. */
    public static <T extends Validated> ObjectNode resolve(T defaults, ObjectNode user, Class<T> type, String source) {
        ObjectNode tree = Configs.merge(Configs.treeOf(defaults), user);
        return Configs.treeOf(Configs.bind(tree, type, source));
    }

    /** Reads a run folder's resolved config. */
    public static <T extends Validated> T read(Path runDir, Class<T> type) throws IOException {
        Path file = runDir.resolve(FILE);
        return Configs.read(Files.readString(file), type, file.toString());
    }
}
