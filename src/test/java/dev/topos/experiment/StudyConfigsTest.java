package dev.topos.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.topos.config.ConfigException;
import dev.topos.config.Configs;
import dev.topos.experiment.tem.TemConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyConfigsTest {
    /** A run folder written before eval.smoothing existed: its copy lacks the key, and has its own seed. */
    private static Path olderRun(Path dir) throws Exception {
        ObjectNode tree = Configs.treeOf(TemConfig.defaults());
        tree.put("seed", 7);
        ((ObjectNode) tree.get("eval")).remove("smoothing");
        Files.writeString(dir.resolve(StudyConfigs.FILE), Configs.yaml().writeValueAsString(tree));
        return dir;
    }

    @Test
    void aSettingAddedLaterTakesItsDefaultAndStoredSettingsStay(@TempDir Path dir) throws Exception {
        TemConfig cfg = StudyConfigs.read(olderRun(dir), TemConfig.class, TemConfig.defaults());
        assertEquals(0.0, cfg.eval().smoothing(), "the default, which scores maps as measured, as before");
        assertEquals(7, cfg.seed(), "the run's own seed, not the default's");
        assertEquals(TemConfig.defaults().eval().gridSteps(), cfg.eval().gridSteps());
    }

    @Test
    void withoutDefaultsTheMissingSettingIsNamed(@TempDir Path dir) throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> StudyConfigs.read(olderRun(dir), TemConfig.class));
        assertEquals(true, e.getMessage().contains("eval.smoothing"), e.getMessage());
    }
}
