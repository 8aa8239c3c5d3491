package dev.topos.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.topos.config.ConfigException;
import dev.topos.experiment.columnformer.ColumnformerStudy;
import dev.topos.experiment.sweep.SweepStudy;
import dev.topos.experiment.tem.TemStudy;
import dev.topos.experiment.topoformer.TopoformerBertStudy;
import dev.topos.experiment.topoformer.TopoformerStudy;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The studies Topos can run, by the name an experiment's {@code study} key uses: the built-in ones,
 * then any {@link Study} registered as a service provider ({@code META-INF/services/dev.topos.experiment.Study})
 * by a jar on the class path.
 */
public final class Studies {
    private static final List<Study> ALL = List.of(new TemStudy(), new TopoformerStudy(), new TopoformerBertStudy(),
            new ColumnformerStudy(),
            new SweepStudy());

    private Studies() {}

    /** Every known study, built-in first. */
    public static List<Study> all() {
        List<Study> out = new ArrayList<>(ALL);
        ServiceLoader.load(Study.class).forEach(out::add);
        return out;
    }

    public static List<String> names() {
        return all().stream().map(Study::name).toList();
    }

    public static Study byName(String name, String source) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new ConfigException(
                source + ": study = '" + name + "' is not known; allowed: " + allowed()));
    }

    /** The study named by a config's required top-level {@code study} key; {@code source} names the file. */
    public static Study of(JsonNode config, String source) {
        JsonNode study = config.get("study");
        if (study == null || study.isNull()) {
            throw new ConfigException(source + ": missing required key 'study'; allowed: " + allowed());
        }
        if (!study.isTextual()) {
            throw new ConfigException(source + ": study must be a string; allowed: " + allowed());
        }
        return byName(study.asText(), source);
    }

    private static String allowed() {
        List<String> names = names();
        return names.isEmpty() ? "(none in this build)" : String.join(", ", names);
    }
}
