package dev.topos.nn;

import dev.topos.config.Precision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.DeviceType;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * bfloat16 mixed precision through libtorch's autocast, as {@code torch.autocast(device,
 * dtype=torch.bfloat16)} does it: inside a {@link Scope}, matrix products ({@code matmul},
 * {@code linear}, {@code bmm}, {@code baddbmm}, fused attention) run in bfloat16 on bfloat16 copies
 * of their inputs, the ops libtorch lists as precision-sensitive (losses, reductions such as
 * {@code prod}) run in fp32, and everything else runs in the type its inputs promote to.
 * Parameters, their gradients and AdamW's moments stay fp32 (Micikevicius et al. 2018, "Mixed
 * Precision Training"); bfloat16 has fp32's exponent range, so no loss scaling is needed (Kalamkar
 * et al. 2019, "A Study of BFLOAT16 for Deep Learning Training"). Topos's losses cast their logits to
 * fp32 themselves ({@code dev.topos.train.Losses}).
 */
public final class MixedPrecision {
    private static final Pattern NATIVE_BF16 = Pattern.compile("\\b(avx512_bf16|amx_bf16)\\b");
    private static volatile Boolean cpuBf16;

    private MixedPrecision() {}

    /**
     * The precision {@code requested} runs in on {@link Engine#device()}: {@code auto} is bf16 where
     * the device computes bfloat16 natively (a CPU with AVX512-BF16 or AMX-BF16; any CUDA device,
     * where libtorch emulates it on GPUs older than Ampere), else fp32.
     */
    public static Precision resolve(Precision requested) {
        if (requested != Precision.AUTO) {
            return requested;
        }
        return nativeBf16() ? Precision.BF16 : Precision.FP32;
    }

    /**
     * A warning for bf16 asked for on a CPU without native bfloat16: libtorch then multiplies in its
     * reference kernels (measured 17x slower than fp32 for the Columnformer on an AVX2-only CPU).
     */
    public static Optional<String> emulationWarning(Precision precision) {
        return precision == Precision.BF16 && !nativeBf16()
                ? Optional.of("warning: train.precision = bf16 on a CPU without native bfloat16 (no avx512_bf16"
                        + " or amx_bf16 in /proc/cpuinfo): libtorch emulates it, many times slower than fp32;"
                        + " train.precision = auto picks fp32 here")
                : Optional.empty();
    }

    /** Whether the engine's device has native bfloat16 arithmetic (see {@link #resolve}). */
    public static boolean nativeBf16() {
        if (!Engine.isCpu()) {
            return true;
        }
        if (cpuBf16 == null) {
            cpuBf16 = cpuFlags(Path.of("/proc/cpuinfo"));
        }
        return cpuBf16;
    }

    /** Whether a {@code /proc/cpuinfo}-style file lists a bfloat16 instruction set; false if unreadable. */
    static boolean cpuFlags(Path cpuinfo) {
        try (var lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("flags")).anyMatch(l -> NATIVE_BF16.matcher(l).find());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Computes in {@code precision} (fp32 or bf16, already {@linkplain #resolve resolved}) on this
     * thread until the scope closes; scopes nest, and closing one restores the setting before it.
     */
    public static Scope enter(Precision precision) {
        if (precision == Precision.AUTO) {
            throw new IllegalArgumentException("resolve precision auto first (MixedPrecision.resolve)");
        }
        return new Scope(precision == Precision.BF16);
    }

    /** An autocast region; see {@link #enter}. */
    public static final class Scope implements AutoCloseable {
        private final DeviceType type;
        private final boolean wasEnabled;
        private final ScalarType wasType;

        private Scope(boolean bf16) {
            type = Engine.isCpu() ? DeviceType.CPU : DeviceType.CUDA;
            wasEnabled = torch.is_autocast_enabled(type);
            wasType = torch.get_autocast_dtype(type);
            torch.set_autocast_enabled(type, bf16);
            torch.set_autocast_dtype(type, ScalarType.BFloat16);
            torch.increment_nesting();
        }

        /**
         * Leaves the region; the outermost one drops autocast's cached bfloat16 copies of the weights,
         * which would be stale after the optimizer's next step.
         */
        @Override
        public void close() {
            if (torch.decrement_nesting() == 0) {
                torch.clear_cache();
            }
            torch.set_autocast_enabled(type, wasEnabled);
            torch.set_autocast_dtype(type, wasType);
        }
    }
}
