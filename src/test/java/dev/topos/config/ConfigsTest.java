package dev.topos.config;

import static dev.topos.config.Configs.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.topos.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigsTest {
    /** A small experiment config: a string, a list, and the shared train section. */
    record Sample(String activation, List<Integer> sizes, TrainConfig train) implements Validated {
        @Override
        public void validate(String p) {
            Check.oneOf(at(p, "activation"), activation, List.of("relu", "linear"));
            Check.require(!sizes.isEmpty(), at(p, "sizes") + " must not be empty");
            train.validate(at(p, "train"));
        }
    }

    static final Sample DEFAULTS = new Sample("relu", List.of(8),
            new TrainConfig(1000, 1e-3, 0.5, 4000, 0.9, 0.999, 0.0, 1.0, 10, 100, 3));

    @TempDir
    Path tmp;

    private static Sample load(String yaml, List<String> sets) {
        ObjectNode tree = Configs.merge(Configs.treeOf(DEFAULTS), Configs.parse(yaml, "exp.yaml"));
        return Configs.bind(Configs.override(tree, sets), Sample.class, "exp.yaml");
    }

    private static String error(String yaml, String... sets) {
        return assertThrows(ConfigException.class, () -> load(yaml, List.of(sets))).getMessage();
    }

    @Test
    void aFileMergesOntoTheDefaults() throws IOException {
        Path file = Files.writeString(tmp.resolve("exp.yaml"), "activation: linear\ntrain:\n  steps: 200\n  lr: 0.01\n");
        Sample s = load(Files.readString(file), List.of());
        assertEquals("linear", s.activation());
        assertEquals(List.of(8), s.sizes());
        assertEquals(200, s.train().steps());
        assertEquals(0.01, s.train().lr());
        assertEquals(0.999, s.train().beta2(), "untouched defaults stay");
        assertEquals(100, s.train().checkpointEvery());
    }

    @Test
    void setOverridesNestedKeysListsAndStrings() {
        Sample s = load("train:\n  steps: 200\n",
                List.of("train.steps=300", "sizes=[8, 9, 10]", "activation=linear", "train.clip=0"));
        assertEquals(300, s.train().steps());
        assertEquals(List.of(8, 9, 10), s.sizes());
        assertEquals("linear", s.activation());
        assertEquals(0.0, s.train().clip());
        assertEquals(3e-4, load("train:\n  lr: 3e-4\n", List.of()).train().lr(), "exponents without a dot");
        assertEquals(1e-3, load("", List.of("train.lr=1e-3")).train().lr());
    }

    @Test
    void resolvedConfigRoundTripsThroughYaml() {
        Sample s = load("", List.of("sizes=[3,4]"));
        assertEquals(s, Configs.read(Configs.toYaml(s), Sample.class, "config.yaml"));
    }

    @Test
    void malformedSetIsAnError() {
        assertTrue(error("", "train.steps").contains("expected key=value"));
        assertTrue(error("", "activation.x=1").contains("'activation' is a value, not a section"));
    }

    @Test
    void unknownKeyNamesTheKeyAndTheAllowedKeys() {
        String m = error("train:\n  stpes: 5\n");
        assertTrue(m.startsWith("exp.yaml: "), m);
        assertTrue(m.contains("unknown key 'train.stpes'"), m);
        assertTrue(m.contains("allowed keys here: beta1, beta2, checkpoint_every, clip, device, final_lr, "
                + "keep_checkpoints, log_every, lr, lr_decay, lr_decay_every, no_decay, precision, schedule, steps, "
                + "validate_every, warmup, weight_decay"), m);
        assertTrue(error("", "colour=red").contains("unknown key 'colour'; allowed keys here: activation, sizes, train"));
    }

    @Test
    void wrongTypeNamesTheFieldAndTheType() {
        assertEquals("exp.yaml: train.steps = 'abc' must be an integer", error("train:\n  steps: abc\n"));
        assertEquals("exp.yaml: train.lr = 'fast' must be a number", error("", "train.lr=fast"));
        assertEquals("exp.yaml: sizes[1] = 'x' must be an integer", error("sizes: [1, x]\n"));
        String section = error("train: 5\n");
        assertTrue(section.contains("train = '5' must be a section"), section);
        String fraction = error("", "train.steps=1.5");
        assertTrue(fraction.contains("train.steps = '1.5'") && fraction.contains("must be an integer"), fraction);
    }

    @Test
    void outOfRangeNamesTheFieldAndTheRange() {
        String m = error("", "train.steps=0");
        assertTrue(m.contains("exp.yaml: train.steps = 0 is out of range; allowed: 1 .. 1000000000"), m);
        assertTrue(error("", "train.beta1=1.5").contains("train.beta1 = 1.5 is out of range; allowed: 0 .. 0.9999"));
        assertTrue(error("", "activation=tanh").contains("activation = 'tanh' is not allowed; allowed: relu, linear"));
        assertTrue(error("", "train.checkpoint_every=15")
                .contains("train.checkpoint_every = 15 must be a multiple of train.log_every = 10"));
    }

    @Test
    void aKeyGivenTwiceIsAnErrorNamingBothLines() {
        String m = assertThrows(ConfigException.class, () -> Configs.parse(
                "seed: 1\ntrain:\n  steps: 10\n  lr: 0.1\n  steps: 20\n", "experiments/x.yaml")).getMessage();
        assertEquals("experiments/x.yaml: key 'train.steps' is given twice, on lines 3 and 5; keep one", m);
        assertTrue(assertThrows(ConfigException.class, () -> Configs.parse("a: 1\nb: 2\na: 3\n", "y.yaml"))
                .getMessage().contains("key 'a' is given twice, on lines 1 and 3"));
        assertEquals(2, Configs.parse("train:\n  steps: 1\nmodel:\n  steps: 2\n", "z.yaml").size(),
                "the same key in two sections is no duplicate");
    }

    @Test
    void invalidYamlNamesTheSource() {
        String m = assertThrows(ConfigException.class,
                () -> Configs.parse("train: [1, 2\nsteps: 3\n", "experiments/bad.yaml")).getMessage();
        assertTrue(m.startsWith("experiments/bad.yaml: not valid YAML"), m);
        assertTrue(assertThrows(ConfigException.class, () -> Configs.parse("- a\n- b\n", "list.yaml")).getMessage()
                .contains("list.yaml: the top level must be a mapping"));
    }

    @Test
    void differencesListTheChangedLeavesAndCompareNumbersByValue() {
        ObjectNode a = Configs.treeOf(DEFAULTS);
        ObjectNode b = Configs.parse(Configs.toYaml(DEFAULTS), "config.yaml");
        assertEquals(List.of(), Configs.differences(a, b), "int vs long nodes of the same value are equal");
        ObjectNode c = Configs.override(b, List.of("train.steps=5", "sizes=[8,9]", "extra.key=1"));
        assertEquals(List.of("extra.key", "sizes", "train.steps"), Configs.differences(a, c));
    }
}
