package dev.topos.experiment.tem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.data.grid.StraightBiasPolicy;
import dev.topos.model.TemModelConfig;
import dev.topos.model.WalkPredictor;
import dev.topos.nn.Tensors;
import dev.topos.train.TrainConfig;
import dev.topos.train.TrainLoop;
import dev.topos.util.Rng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Resume equivalence with the real TEM task: the checkpoint must carry the walk stream (worlds,
 * positions, headings, visit logs, RNG) and the carried code and memory, or the resumed run
 * would see different walks or forget its world.
 */
class TemResumeTest {
    private static TemConfig config(long steps, boolean paper) {
        return new TemConfig("tem", "resume", 5,
                new TemConfig.World(3, 4, 5, 10, StraightBiasPolicy.NAME),
                new TemConfig.Walk(8, 2, 1, 6),
                new TemModelConfig("tem-t", 8, 4, 4, "linear", "additive", false, true, 5, 0.05, 16, 9, 6, paper, paper, 0.5, 0),
                new TrainConfig(steps, 1e-3, 0.5, 5, 0.9, 0.999, 0.01, 1.0, 2, 4, 2),
                new TemConfig.Eval(2, 50, 11, 5, 4, 10, 6, 50, 0), new TemConfig.Loss(1, 1, 0.01, 0.001, 0.1));
    }

    private static Map<String, float[]> train(Path dir, long steps, boolean resume, boolean paper) throws IOException {
        TemConfig cfg = config(steps, paper);
        WalkPredictor model = TemStudy.model(cfg);
        TrainLoop loop = new TrainLoop(new TemTask(cfg, model), cfg.train(), dir, new Rng(cfg.seed()));
        if (resume) {
            assertTrue(loop.resume().isPresent(), "a checkpoint to resume from");
        }
        loop.run("test");
        Map<String, float[]> weights = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : model.parameters().entrySet()) {
            weights.put(e.getKey(), Tensors.toFloats(e.getValue()));
        }
        return weights;
    }

    private static List<String> losses(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("metrics.jsonl")).stream()
                .map(l -> l.replaceAll(",\"updates_per_s\":[^,}]*", "")).toList();
    }

    /** Also with landmark correction and a conjunctive memory, whose carry holds which steps were stored. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void resumedRunEndsWhereAnUninterruptedOneDoes(boolean paper, @TempDir Path straight, @TempDir Path interrupted)
            throws IOException {
        Map<String, float[]> expected = train(straight, 12, false, paper);
        train(interrupted, 8, false, paper);           // stops after the checkpoint at step 8
        Map<String, float[]> resumed = train(interrupted, 12, true, paper);
        assertEquals(expected.keySet(), resumed.keySet());
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), resumed.get(name), 0f, name);
        }
        assertEquals(losses(straight), losses(interrupted));
    }
}
