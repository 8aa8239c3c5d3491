package dev.topos.experiment.sweep;

import static dev.topos.config.Configs.at;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.topos.config.Check;
import dev.topos.config.Validated;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A sweep: one base experiment config and the variants that change it, each trained as its own run
 * (in {@code variants/<name>/} of the sweep's folder), then tabled side by side.
 *
 * @param study    "sweep"
 * @param name     the sweep's run name; variant runs are named {@code <name>-<variant>}
 * @param base     a complete experiment config of another study (its {@code study} key included)
 * @param variants what each variant changes, as {@code --set} assignments
 * @param report   summary.json keys tabled per variant
 * @param curves   metrics.jsonl keys drawn with one line per variant
 * @param every    keys set in every variant after its own {@code set}: where {@code --set train.steps=N}
 *                 on a sweep goes (any key of the base experiment, given at the sweep's top level)
 */
public record SweepConfig(String study, String name, ObjectNode base, List<Variant> variants, List<String> report,
                          List<String> curves, ObjectNode every) implements Validated {
    /** The sweep's own keys; any other top-level key is the base experiment's, set in {@link #every}. */
    public static final Set<String> KEYS = Set.of("study", "name", "base", "variants", "report", "curves", "every");

    /**
     * @param name variant name (letters, digits, '.', '_' or '-')
     * @param set  overrides of the base config, e.g. {@code model.wiring_lambda=0.1}
     */
    public record Variant(String name, List<String> set) implements Validated {
        @Override
        public void validate(String p) {
            Check.name(at(p, "name"), name);
            Check.require(set != null, at(p, "set") + " must be a list of key=value overrides ([] for none)");
        }
    }

    public static SweepConfig defaults() {
        return new SweepConfig("sweep", "sweep", null, List.of(), List.of(), List.of(),
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    }

    @Override
    public void validate(String p) {
        Check.oneOf(at(p, "study"), study, List.of("sweep"));
        Check.name(at(p, "name"), name);
        Check.require(base != null && base.isObject() && base.hasNonNull("study"), at(p, "base")
                + " must be an experiment config with its own 'study' key");
        Check.require(!"sweep".equals(base.get("study").asText()), at(p, "base.study") + " cannot be 'sweep'");
        Check.require(variants != null && !variants.isEmpty(), at(p, "variants") + " must list at least one variant");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < variants.size(); i++) {
            variants.get(i).validate(at(p, "variants[" + i + "]"));
            Check.require(seen.add(variants.get(i).name()), at(p, "variants[" + i + "].name") + " = '"
                    + variants.get(i).name() + "' is used twice; variant names must differ");
        }
        Check.require(every != null && every.isObject(), at(p, "every") + " must be a mapping of keys ({} for none)");
        Check.require(report != null && curves != null, at(p, "report") + " and " + at(p, "curves")
                + " must be lists of keys ([] for none)");
    }
}
