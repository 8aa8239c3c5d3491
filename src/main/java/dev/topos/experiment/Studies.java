package dev.topos.experiment;

import dev.topos.config.ConfigException;
import java.util.List;
import java.util.stream.Collectors;

/** The studies Topos can run, by the name an experiment's {@code study} key uses. */
public final class Studies {
    private static final List<Study> ALL = List.of();

    private Studies() {}

    public static Study byName(String name, String source) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new ConfigException(
                source + ": study = '" + name + "' is not known; allowed: "
                        + ALL.stream().map(Study::name).collect(Collectors.joining(", "))));
    }
}
