package dev.topos.train;

import static dev.topos.config.Configs.at;

import dev.topos.config.Check;
import dev.topos.config.ComputeDevice;
import dev.topos.config.Precision;
import dev.topos.config.Validated;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Optimisation settings shared by every experiment.
 *
 * @param steps           number of updates
 * @param lr              peak learning rate
 * @param lrDecay         step decay factor (TEM: x0.5 every 4000 updates); 1 = constant
 * @param lrDecayEvery    updates between decays
 * @param beta1           Adam beta1
 * @param beta2           Adam beta2
 * @param weightDecay     decoupled weight decay
 * @param clip            global gradient-norm clip; 0 = off
 * @param logEvery        updates per metrics.jsonl line (metrics are averaged over the window)
 * @param checkpointEvery updates between checkpoints (a multiple of logEvery)
 * @param keepCheckpoints how many checkpoints to keep
 * @param schedule        "step" (lr_decay every lr_decay_every), "cosine" (to final_lr x lr at the last update) or
 *                        "triangular" (crammed BERT's: up from lr / 4 to lr over the warm-up, then down to 0)
 * @param warmup          fraction of the updates over which the rate rises linearly from lr / warmup-updates to lr
 *                        (triangular: from lr / 4; cramming's triangle2 peaks at 0.75)
 * @param finalLr         cosine: the last update's rate as a fraction of lr (Columnformer reference: 0.05)
 * @param noDecay         parameters exempt from weight decay, as name patterns ({@code *} matches any
 *                        characters); only parameters of rank 2 or more decay at all
 * @param precision       fp32, bf16 (bfloat16 mixed precision with fp32 master weights) or auto (bf16
 *                        where the device computes it natively, else fp32)
 * @param device          cpu, cuda or auto (cuda where libtorch sees one); {@code --device} and
 *                        {@code TOPOS_DEVICE} override it
 * @param validateEvery   updates between measurements on the study's validation split, logged to
 *                        metrics.jsonl beside the training metrics (a multiple of logEvery); 0 = never
 */
public record TrainConfig(long steps, double lr, double lrDecay, long lrDecayEvery, double beta1, double beta2,
                          double weightDecay, double clip, int logEvery, int checkpointEvery, int keepCheckpoints,
                          String schedule, double warmup, double finalLr, List<String> noDecay, String precision,
                          String device, int validateEvery)
        implements Validated {
    public static final List<String> SCHEDULES = List.of("step", "cosine", "triangular");
    /**
     * Where the triangular schedule starts, as a fraction of lr: cramming's {@code triangle2}
     * ({@code base_percentage} 0.25; Geiping &amp; Goldstein 2023).
     */
    public static final double TRIANGLE_START = 0.25;
    /** Biases and untied biases, norm gains, embeddings and learned positions: no weight decay. */
    public static final List<String> NO_DECAY = List.of("*bias", "*norm*", "*embed*", "*positions");
    /** The precision a config that names none trains in. */
    public static final String PRECISION = "fp32";
    /** The device a config that names none trains on. */
    public static final String DEVICE = "auto";

    /**
     * A config written before {@code precision} and {@code device} existed (a run folder's older
     * config.yaml) takes their defaults: fp32, as those runs trained, and device auto.
     */
    public TrainConfig {
        precision = precision == null ? PRECISION : precision;
        device = device == null ? DEVICE : device;
    }

    /** A schedule with warm-up and the default exemptions from weight decay. */
    public TrainConfig(long steps, double lr, double lrDecay, long lrDecayEvery, double beta1, double beta2,
                       double weightDecay, double clip, int logEvery, int checkpointEvery, int keepCheckpoints,
                       String schedule, double warmup, double finalLr) {
        this(steps, lr, lrDecay, lrDecayEvery, beta1, beta2, weightDecay, clip, logEvery, checkpointEvery,
                keepCheckpoints, schedule, warmup, finalLr, NO_DECAY, PRECISION, DEVICE, 0);
    }

    /** A step schedule without warm-up. */
    public TrainConfig(long steps, double lr, double lrDecay, long lrDecayEvery, double beta1, double beta2,
                       double weightDecay, double clip, int logEvery, int checkpointEvery, int keepCheckpoints) {
        this(steps, lr, lrDecay, lrDecayEvery, beta1, beta2, weightDecay, clip, logEvery, checkpointEvery,
                keepCheckpoints, "step", 0, 1, NO_DECAY, PRECISION, DEVICE, 0);
    }

    @Override
    public void validate(String p) {
        Check.range(at(p, "steps"), steps, 1, 1e9);
        Check.range(at(p, "lr"), lr, 1e-8, 1);
        Check.range(at(p, "lr_decay"), lrDecay, 1e-3, 1);
        Check.range(at(p, "lr_decay_every"), lrDecayEvery, 1, 1e9);
        Check.range(at(p, "beta1"), beta1, 0, 0.9999);
        Check.range(at(p, "beta2"), beta2, 0, 0.99999);
        Check.range(at(p, "weight_decay"), weightDecay, 0, 1);
        Check.range(at(p, "clip"), clip, 0, 1e6);
        Check.range(at(p, "log_every"), logEvery, 1, 1e6);
        Check.range(at(p, "checkpoint_every"), checkpointEvery, 1, 1e9);
        Check.range(at(p, "keep_checkpoints"), keepCheckpoints, 1, 1000);
        Check.oneOf(at(p, "schedule"), schedule, SCHEDULES);
        Check.range(at(p, "warmup"), warmup, 0, 0.99);
        Check.range(at(p, "final_lr"), finalLr, 0, 1);
        Check.require(noDecay != null && noDecay.stream().noneMatch(n -> n == null || n.isBlank()),
                at(p, "no_decay") + " is a list of parameter-name patterns, e.g. [\"*bias\", \"*norm*\"]");
        Precision.parse(precision, at(p, "precision"));
        ComputeDevice.parse(device, at(p, "device"));
        Check.require(checkpointEvery % logEvery == 0, at(p, "checkpoint_every") + " = " + checkpointEvery
                + " must be a multiple of " + at(p, "log_every") + " = " + logEvery);
        Check.range(at(p, "validate_every"), validateEvery, 0, 1e9);
        Check.require(validateEvery % logEvery == 0, at(p, "validate_every") + " = " + validateEvery
                + " must be 0 (never) or a multiple of " + at(p, "log_every") + " = " + logEvery);
    }

    /**
     * Learning rate of update {@code step} (0-based). With w = round(warmup x steps) warm-up updates,
     * update s &lt; w runs at lr (s + 1) / w; after that:
     * <ul>
     *   <li>step: lr x lr_decay^floor(s / lr_decay_every);</li>
     *   <li>cosine: lr (f + (1 - f) (1 + cos(pi (s - w) / (steps - 1 - w))) / 2), f = final_lr, so the
     *       first update after warm-up runs at lr and the last at f lr (Loshchilov &amp; Hutter 2017,
     *       SGDR, without restarts).</li>
     * </ul>
     * Triangular (cramming's {@code triangle2}, Geiping &amp; Goldstein 2023, with its peak at w):
     * lr min(b + (1 - b) s / w, (steps - s) / (steps - w)), b = {@value #TRIANGLE_START}: from b lr at
     * update 0 up to lr at update w, then down to 0 at update {@code steps}.
     */
    public double learningRate(long step) {
        long w = Math.round(warmup * steps);
        if ("triangular".equals(schedule)) {
            double up = w == 0 ? 1 : TRIANGLE_START + (1 - TRIANGLE_START) * step / w;
            double down = (double) (steps - step) / (steps - w);
            return lr * Math.min(up, down);
        }
        if (step < w) {
            return lr * (step + 1) / w;
        }
        if ("step".equals(schedule)) {
            return lr * Math.pow(lrDecay, step / lrDecayEvery);
        }
        long span = steps - 1 - w;
        double progress = span <= 0 ? 1 : (double) (step - w) / span;
        return lr * (finalLr + (1 - finalLr) * (1 + Math.cos(Math.PI * progress)) / 2);
    }

    /** This config training in {@code p} instead. */
    public TrainConfig withPrecision(Precision p) {
        return new TrainConfig(steps, lr, lrDecay, lrDecayEvery, beta1, beta2, weightDecay, clip, logEvery,
                checkpointEvery, keepCheckpoints, schedule, warmup, finalLr, noDecay, p.toString(), device,
                validateEvery);
    }

    /** This config measuring the validation split every {@code updates} updates (0 = never). */
    public TrainConfig withValidateEvery(int updates) {
        return new TrainConfig(steps, lr, lrDecay, lrDecayEvery, beta1, beta2, weightDecay, clip, logEvery,
                checkpointEvery, keepCheckpoints, schedule, warmup, finalLr, noDecay, precision, device, updates);
    }

    /** Whether update {@code step} (1-based: after it) is followed by a validation measurement. */
    public boolean validatesAfter(long step) {
        return validateEvery > 0 && step % validateEvery == 0;
    }

    /** {@link #precision} parsed; {@code auto} is still to be resolved for the device. */
    public Precision precisionSetting() {
        return Precision.parse(precision, "train.precision");
    }

    /** Whether parameter {@code name} is exempt from weight decay by {@link #noDecay}. */
    public boolean exemptFromDecay(String name) {
        for (String pattern : noDecay) {
            String regex = Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote)
                    .collect(Collectors.joining(".*"));
            if (name.matches(regex)) {
                return true;
            }
        }
        return false;
    }
}
