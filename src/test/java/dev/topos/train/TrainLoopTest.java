package dev.topos.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.topos.config.Precision;
import dev.topos.util.Rng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.topos.nn.Tensors;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainLoopTest {
    private static final long SEED = 7;
    private static final int BATCH = 16;
    private static final float[] TRUE_W = {0.5f, -1.5f, 2f};
    private static final ObjectMapper JSON = new ObjectMapper();
    /** lr decays at step 15, so a resume at 20 also has to get the schedule right. */
    private static final TrainConfig CFG = new TrainConfig(40, 0.05, 0.5, 15, 0.9, 0.999, 0.01, 1.0, 5, 10, 2);

    @TempDir
    Path tmp;

    /**
     * Linear regression y = x.w + b + noise. Inputs come from the run's Rng (which the loop
     * checkpoints), noise from the task's own stream (which the task checkpoints in state()).
     */
    static final class Regression implements TrainingTask {
        private final Rng inputs;
        private final Rng noise = Rng.derive(SEED, 1);
        private final long crashAt;
        private final Map<String, Tensor> params = new LinkedHashMap<>();

        Regression(Rng runRng, long crashAt) {
            this.inputs = runRng;
            this.crashAt = crashAt;
            params.put("w", Tensors.zeros(TRUE_W.length, 1).set_requires_grad(true));
            params.put("bias", Tensors.zeros(1).set_requires_grad(true));
        }

        @Override
        public Map<String, Tensor> parameters() {
            return params;
        }

        @Override
        public Loss forward(long step) {
            if (step == crashAt) {
                throw new IllegalStateException("simulated crash at step " + step);
            }
            int d = TRUE_W.length;
            float[] x = new float[BATCH * d];
            float[] y = new float[BATCH];
            for (int i = 0; i < BATCH; i++) {
                double target = 0.3 + 0.1 * noise.nextGaussian();
                for (int j = 0; j < d; j++) {
                    x[i * d + j] = (float) inputs.nextGaussian();
                    target += x[i * d + j] * TRUE_W[j];
                }
                y[i] = (float) target;
            }
            Tensor pred = Tensors.floats(x, BATCH, d).matmul(params.get("w")).add(params.get("bias")).reshape(BATCH);
            Tensor err = pred.sub(Tensors.floats(y, BATCH));
            return new Loss(err.square().mean(), Map.of("mae", err.abs().mean()));
        }

        /** Mean squared error of the noiseless targets of {@link #heldOut} inputs (drawn from a stream of its own). */
        @Override
        public Map<String, Double> validate() {
            try (NoGradGuard ignored = new NoGradGuard()) {
                float[] x = heldOut();
                int n = x.length / TRUE_W.length;
                float[] y = new float[n];
                for (int i = 0; i < n; i++) {
                    y[i] = (float) target(x, i);
                }
                Tensor pred = Tensors.floats(x, n, TRUE_W.length).matmul(params.get("w")).add(params.get("bias"));
                return Map.of("val_mse", Tensors.item(pred.reshape(n).sub(Tensors.floats(y, n)).square().mean()));
            }
        }

        @Override
        public Map<String, Tensor> state() {
            return Map.of("noise", Tensors.longs(new long[] {noise.state()}, 1));
        }

        @Override
        public void loadState(Map<String, Tensor> saved, String source) {
            noise.setState(Tensors.toLongs(saved.get("noise"))[0]);
        }
    }

    /** The validation inputs: 8 rows of x from a fixed stream no training draw touches. */
    static float[] heldOut() {
        Rng r = new Rng(99);
        float[] x = new float[8 * TRUE_W.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    /** The noiseless target 0.3 + x_i . w of row {@code i}. */
    static double target(float[] x, int i) {
        double t = 0.3;
        for (int j = 0; j < TRUE_W.length; j++) {
            t += x[i * TRUE_W.length + j] * TRUE_W[j];
        }
        return t;
    }

    /**
     * train.validate_every = 10: the task's validation metric is logged after updates 10, 20, 30 and
     * 40 only, the last equals the held-out error of the final weights computed here by hand, and
     * training is bit-identical to a run that never validates.
     */
    @Test
    void validationIsLoggedEveryValidateEveryUpdatesWithoutChangingTraining() throws IOException {
        float[] plain = train(CFG, tmp.resolve("plain"), Long.MAX_VALUE, Optional.empty());
        Path dir = tmp.resolve("validated");
        float[] validated = train(CFG.withValidateEvery(10), dir, Long.MAX_VALUE, Optional.empty());
        assertArrayEquals(plain, validated, 0f);
        List<ObjectNode> rows = metrics(dir);
        List<Long> steps = rows.stream().filter(r -> r.has("val_mse")).map(r -> r.get("step").asLong()).toList();
        assertEquals(List.of(10L, 20L, 30L, 40L), steps);
        float[] x = heldOut();
        double sse = 0;
        for (int i = 0; i < x.length / TRUE_W.length; i++) {
            double pred = validated[TRUE_W.length];
            for (int j = 0; j < TRUE_W.length; j++) {
                pred += x[i * TRUE_W.length + j] * validated[j];
            }
            sse += (pred - target(x, i)) * (pred - target(x, i));
        }
        double last = rows.get(rows.size() - 1).get("val_mse").asDouble();
        assertEquals(sse / (x.length / TRUE_W.length), last, 1e-5 * Math.max(1, last));
        assertTrue(rows.stream().filter(r -> r.has("val_mse")).findFirst().get().get("val_mse").asDouble() > last,
                "the held-out error fell as the regression trained");
    }

    /** Trains in {@code dir} with a fresh task and loop, resuming from its checkpoint; returns [w..., bias]. */
    private static float[] train(Path dir, long crashAt, Optional<Long> expectResumeAt) throws IOException {
        return train(CFG, dir, crashAt, expectResumeAt);
    }

    private static float[] train(TrainConfig cfg, Path dir, long crashAt, Optional<Long> expectResumeAt)
            throws IOException {
        Rng rng = new Rng(SEED);
        Regression task = new Regression(rng, crashAt);
        TrainLoop loop = new TrainLoop(task, cfg, dir, rng);
        assertEquals(expectResumeAt, loop.resume().map(Checkpoints::stepOf));
        loop.run("test");
        assertEquals(cfg.steps(), loop.step());
        return weights(task);
    }

    /**
     * bf16 mixed precision: the same regression trains to weights within bf16's rounding of the
     * fp32 ones (inputs and weights rounded to 8 significant bits, 2^-8 relative, over 40 small
     * steps: well under 0.05 on weights of order 1) but not to the same bits; a crash and resume
     * give exactly the uninterrupted bf16 run; compute.json records what it ran on.
     */
    @Test
    void bf16TrainsCloseToFp32AndResumesExactly() throws IOException {
        TrainConfig bf16 = CFG.withPrecision(Precision.BF16);
        float[] fp32 = train(CFG, tmp.resolve("fp32"), Long.MAX_VALUE, Optional.empty());
        float[] straight = train(bf16, tmp.resolve("bf16"), Long.MAX_VALUE, Optional.empty());
        assertArrayEquals(fp32, straight, 0.05f);
        assertTrue(!java.util.Arrays.equals(fp32, straight), "bf16 gave fp32's exact weights: it computed nothing in bf16");

        Path dir = tmp.resolve("bf16-crash");
        assertThrows(IllegalStateException.class, () -> train(bf16, dir, 25, Optional.empty()));
        assertArrayEquals(straight, train(bf16, dir, Long.MAX_VALUE, Optional.of(20L)));
        assertEquals(metrics(tmp.resolve("bf16")), metrics(dir));

        var compute = JSON.readTree(dir.resolve(Compute.FILE).toFile());
        assertEquals("bf16", compute.get("precision").asText());
        assertEquals("bf16", compute.get("requested").asText());
        assertEquals("cpu", compute.get("device").asText());
        assertTrue(compute.get("allocator").asText().contains("MALLOC_MMAP_MAX_=0, MALLOC_ARENA_MAX=1"), "surefire sets them as the launcher does");
        assertEquals("fp32", JSON.readTree(tmp.resolve("fp32").resolve(Compute.FILE).toFile()).get("precision").asText());
    }

    private static float[] weights(Regression task) {
        float[] w = Tensors.toFloats(task.parameters().get("w"));
        float[] all = java.util.Arrays.copyOf(w, w.length + 1);
        all[w.length] = (float) Tensors.item(task.parameters().get("bias"));
        return all;
    }

    /** metrics.jsonl without the timing columns. */
    private static List<ObjectNode> metrics(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("metrics.jsonl")).stream().map(line -> {
            try {
                ObjectNode n = (ObjectNode) JSON.readTree(line);
                n.remove("updates_per_s");
                return n;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void resumingAfterACrashEqualsAnUninterruptedRun() throws IOException {
        Path straight = tmp.resolve("straight");
        Path interrupted = tmp.resolve("interrupted");
        float[] expected;
        try (PointerScope ignored = new PointerScope()) {
            expected = train(straight, -1, Optional.empty());
        }
        try (PointerScope ignored = new PointerScope()) {
            // Checkpoint at 20, metrics logged through 25, then the process dies.
            assertThrows(IllegalStateException.class, () -> train(interrupted, 25, Optional.empty()));
        }
        assertEquals(5, metrics(interrupted).size(), "lines for steps 5, 10, .., 25 before the crash");
        float[] resumed;
        try (PointerScope ignored = new PointerScope()) {
            resumed = train(interrupted, -1, Optional.of(20L));
        }
        assertArrayEquals(expected, resumed, "bit-identical weights");
        List<ObjectNode> want = metrics(straight);
        assertEquals(8, want.size());
        assertEquals(want, metrics(interrupted));
        assertTrue(want.get(7).get("loss").asDouble() < want.get(0).get("loss").asDouble() / 2, "it learns: " + want);
        assertEquals(CFG.lr() * CFG.lrDecay() * CFG.lrDecay(), want.get(7).get("lr").asDouble(), 1e-12);
    }

    @Test
    void aCorruptLatestCheckpointStopsTheResume() throws IOException {
        Path dir = tmp.resolve("run");
        try (PointerScope ignored = new PointerScope()) {
            train(dir, -1, Optional.empty());
        }
        Checkpoints checkpoints = new Checkpoints(dir);
        Path latest = checkpoints.latest().orElseThrow();
        assertEquals(List.of(30L, 40L), checkpoints.list().stream().map(Checkpoints::stepOf).toList());
        byte[] bytes = Files.readAllBytes(latest);
        bytes[bytes.length / 2] ^= 1;
        Files.write(latest, bytes);
        try (PointerScope ignored = new PointerScope()) {
            Rng rng = new Rng(SEED);
            TrainLoop loop = new TrainLoop(new Regression(rng, -1), CFG, dir, rng);
            var e = assertThrows(Checkpoints.CheckpointException.class, () -> loop.resume());
            assertTrue(e.getMessage().contains("corrupt") && e.getMessage().contains(latest.toString()), e.getMessage());
            assertEquals(0, loop.step(), "nothing was loaded");
        }
    }
}
