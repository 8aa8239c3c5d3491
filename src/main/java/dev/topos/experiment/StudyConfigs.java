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

    /**
     * Reads a run folder's resolved config over {@code defaults}: a setting the folder's copy lacks (one
     * added to Topos after the run was made) takes its default, which reproduces the earlier
     * behaviour; every setting the copy holds is kept as it is.
     */
    public static <T extends Validated> T read(Path runDir, Class<T> type, T defaults) throws IOException {
        Path file = runDir.resolve(FILE);
        ObjectNode stored = Configs.parse(Files.readString(file), file.toString());
        return Configs.bind(Configs.merge(Configs.treeOf(defaults), stored), type, file.toString());
    }
}
