package dev.topos.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.util.Rng;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import dev.topos.nn.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An update whose gradient is infinite while its loss is finite (d sqrt|w - c| / dw at w = c) is
 * skipped without touching the weights; too many in a row stop training with an error naming the
 * parameter; a non-finite loss stops at once.
 */
class NonFiniteGradientTest {
    @TempDir
    Path dir;

    /** Loss (w - 3)^2, except at the given steps: sqrt|w - w_now|, finite (0) with an infinite gradient. */
    private static final class Task implements TrainingTask {
        private final Tensor w;
        private final Set<Long> spikes;
        private final boolean infiniteLoss;

        Task(Set<Long> spikes, boolean infiniteLoss) {
            w = Tensors.zeros(1).set_requires_grad(true);
            this.spikes = spikes;
            this.infiniteLoss = infiniteLoss;
        }

        @Override
        public Map<String, Tensor> parameters() {
            return Map.of("w", w);
        }

        @Override
        public Loss forward(long step) {
            Tensor x = w;
            if (!spikes.contains(step)) {
                return new Loss(Tensors.sub(x, 3).square().sum(), Map.of());
            }
            if (infiniteLoss) {
                return new Loss(Tensors.mul(x, Double.POSITIVE_INFINITY).sum(), Map.of());
            }
            return new Loss(x.sub(x.detach().clone()).abs().sqrt().sum(), Map.of());
        }

        @Override
        public Map<String, Tensor> state() {
            return Map.of();
        }

        @Override
        public void loadState(Map<String, Tensor> saved, String source) {}
    }

    private static TrainConfig steps(int n) {
        return new TrainConfig(n, 0.1, 1, 1000, 0.9, 0.999, 0, 0, 1, 1000, 1);
    }

    @Test
    void anInfiniteGradientSkipsItsUpdateOnly() {
        try (PointerScope ignored = new PointerScope()) {
            Task task = new Task(Set.of(2L), false);
            TrainLoop loop = new TrainLoop(task, steps(5), dir, new Rng(1));
            loop.update();
            loop.update();
            double before = Tensors.item(task.w);
            Map<String, Double> skipped = loop.update();
            assertEquals(before, Tensors.item(task.w), 0, "the skipped update left w alone");
            assertEquals(1.0, skipped.get("skipped"));
            Map<String, Double> next = loop.update();
            assertTrue(Tensors.item(task.w) > before, "training goes on towards 3");
            assertTrue(Double.isFinite(next.get("grad_norm")));
        }
    }

    @Test
    void manyInARowStopTrainingNamingTheParameter() {
        try (PointerScope ignored = new PointerScope()) {
            TrainLoop loop = new TrainLoop(new Task(Set.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), false), steps(9), dir,
                    new Rng(1));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
                for (int i = 0; i < 9; i++) {
                    loop.update();
                }
            });
            assertTrue(e.getMessage().contains("update 5") && e.getMessage().contains("not finite in w ("), e.getMessage());
        }
    }

    @Test
    void aNonFiniteLossStopsAtOnce() {
        try (PointerScope ignored = new PointerScope()) {
            TrainLoop loop = new TrainLoop(new Task(Set.of(1L), true), steps(3), dir, new Rng(1));
            loop.update();
            IllegalStateException e = assertThrows(IllegalStateException.class, loop::update);
            assertTrue(e.getMessage().startsWith("update 1: the loss is"), e.getMessage());
        }
    }
}
