package dev.topos.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.topos.config.ConfigException;
import dev.topos.config.Configs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sweep over the test-only 'fake' study (see dev.topos.cli.FakeStudy). */
class SweepStudyTest {
    private static final String SWEEP = String.join("\n",
            "study: sweep",
            "name: s",
            "base: {study: fake, train: {steps: 5, lr: 0.1}}",
            "variants: [{name: a, set: [train.steps=7]}, {name: b, set: [train.lr=0.2]}]", "");

    private static List<ObjectNode> variants(List<String> sets) {
        ObjectNode user = Configs.override(Configs.parse(SWEEP, "sweep.yaml"), sets);
        SweepStudy study = new SweepStudy();
        SweepConfig cfg = Configs.bind(study.resolve(user, "sweep.yaml"), SweepConfig.class, "sweep.yaml");
        return cfg.variants().stream().map(v -> SweepStudy.variantConfig(cfg, v, "sweep.yaml")).toList();
    }

    @Test
    void aSetOfABaseKeyOnTheSweepAppliesToEveryVariantLast() {
        List<ObjectNode> plain = variants(List.of());
        assertEquals(7, plain.get(0).at("/train/steps").asLong(), "the variant's own set");
        assertEquals(5, plain.get(1).at("/train/steps").asLong(), "the base");

        List<ObjectNode> short_ = variants(List.of("train.steps=3"));
        assertEquals(3, short_.get(0).at("/train/steps").asLong(), "--set wins over the variant's own set");
        assertEquals(3, short_.get(1).at("/train/steps").asLong());
        assertEquals(0.2, short_.get(1).at("/train/lr").asDouble(), "and leaves the variant's other keys");
        assertEquals(List.of(3L, 3L), variants(List.of("base.train.steps=9", "train.steps=3")).stream()
                .map(v -> v.at("/train/steps").asLong()).toList());
    }

    @Test
    void aKeyNoVariantKnowsIsAnErrorOfTheVariantsStudy() {
        String m = assertThrows(ConfigException.class, () -> variants(List.of("train.stpes=3"))).getMessage();
        assertTrue(m.contains("unknown key 'train.stpes'") && m.contains("variant 'a'"), m);
    }
}
