package dev.topos.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.config.Precision;
import dev.topos.geometry.Masks;
import dev.topos.geometry.Neighbours;
import dev.topos.geometry.Sheets;
import dev.topos.util.Rng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bfloat16 autocast: what a scope switches on and off, how {@code auto} is decided, and every
 * layer's bf16 forward against its fp32 forward on the same weights and inputs.
 *
 * <p>Agreement bound: bf16 keeps 8 significant bits, so rounding an input costs a relative error of
 * at most 2^-9; a product of two rounded operands accumulated in fp32 is off by about 2^-8 relative
 * per term and, with independent errors, by about 2^-8 / sqrt(terms) ... 2^-8 over a sum. A layer
 * of two or three such products stays within {@value #BF16_TOLERANCE} of fp32 in relative
 * Frobenius norm; and it must differ from fp32 at all, or the scope computed nothing in bf16.
 */
public class MixedPrecisionTest {
    /** Three chained matmul roundings, 3 x 2^-8, rounded up. */
    static final double BF16_TOLERANCE = 0.012;

    @Test
    void aBf16ScopeMultipliesInBfloat16AndRestoresFp32OnClose() {
        try (PointerScope ignored = new PointerScope()) {
            Tensor a = Init.normal(1, 4, 8);
            Tensor b = Init.normal(1, 8, 3);
            assertEquals(ScalarType.Float, type(a.matmul(b)));
            try (MixedPrecision.Scope bf16 = MixedPrecision.enter(Precision.BF16)) {
                assertEquals(ScalarType.BFloat16, type(a.matmul(b)));
                assertEquals(ScalarType.Float, type(a.add(a)), "elementwise ops keep their inputs' type");
                try (MixedPrecision.Scope fp32 = MixedPrecision.enter(Precision.FP32)) {
                    assertEquals(ScalarType.Float, type(a.matmul(b)), "an fp32 scope inside switches autocast off");
                }
                assertEquals(ScalarType.BFloat16, type(a.matmul(b)), "closing the inner scope restores bf16");
            }
            assertEquals(ScalarType.Float, type(a.matmul(b)));
        }
    }

    @Test
    void autoIsBf16ExactlyWhereTheDeviceHasNativeBf16() {
        assertEquals(Precision.FP32, MixedPrecision.resolve(Precision.FP32));
        assertEquals(Precision.BF16, MixedPrecision.resolve(Precision.BF16));
        assertEquals(MixedPrecision.nativeBf16() ? Precision.BF16 : Precision.FP32,
                MixedPrecision.resolve(Precision.AUTO));
        assertThrows(IllegalArgumentException.class, () -> MixedPrecision.enter(Precision.AUTO));
    }

    @Test
    void bf16WithoutNativeSupportIsWarnedAboutAndFp32NeverIs() {
        assertEquals(!MixedPrecision.nativeBf16(), MixedPrecision.emulationWarning(Precision.BF16).isPresent());
        assertTrue(MixedPrecision.emulationWarning(Precision.FP32).isEmpty());
        MixedPrecision.emulationWarning(Precision.BF16)
                .ifPresent(w -> assertTrue(w.contains("train.precision = auto picks fp32"), w));
    }

    @Test
    void cpuFlagsNameTheBf16InstructionSets(@TempDir Path dir) throws IOException {
        assertTrue(MixedPrecision.cpuFlags(cpuinfo(dir, "a", "flags\t\t: fpu sse2 avx2 avx512f avx512_bf16 fma")));
        assertTrue(MixedPrecision.cpuFlags(cpuinfo(dir, "b", "flags\t\t: fpu avx512f amx_bf16 amx_tile")));
        assertFalse(MixedPrecision.cpuFlags(cpuinfo(dir, "c", "flags\t\t: fpu sse2 avx2 avx512f avx512bw")));
        assertFalse(MixedPrecision.cpuFlags(cpuinfo(dir, "d", "model name\t: avx512_bf16 (not a flags line)")));
        assertFalse(MixedPrecision.cpuFlags(dir.resolve("missing")), "an unreadable cpuinfo means no bf16");
    }

    @Test
    void denseAgrees() {
        Engine.seed(1);
        Dense d = new Dense(64, 48, true);
        Tensor x = Init.normal(1, 32, 64);
        agree("Dense", () -> d.apply(x));
    }

    @Test
    void untiedLinearAgrees() {
        Engine.seed(2);
        UntiedLinear u = new UntiedLinear(6, 32, 24, true);
        randomise(u, 0.2);
        Tensor x = Init.normal(1, 6, 16, 32);
        agree("UntiedLinear", () -> u.apply(x));
    }

    @Test
    void spatialQueryingAndReweightingAgree() {
        Engine.seed(3);
        var mask = Masks.circular(Sheets.grid(8, true), 0.3);
        SpatialQuerying sq = new SpatialQuerying(mask, false);
        SpatialReweighting sr = new SpatialReweighting(mask);
        Tensor x = Init.normal(1, 16, 64);
        agree("SpatialQuerying", () -> sq.pool(x));
        agree("SpatialReweighting", () -> sr.apply(x));
    }

    @Test
    void columnAttentionAgrees() {
        Engine.seed(4);
        DenseColumnAttention dense = new DenseColumnAttention(Sheets.stackedGrid(1, 4).distances(), 16, 8, 2,
                new LocalBias(2, -8), true, true);
        SparseColumnAttention sparse = new SparseColumnAttention(Neighbours.nearest(Sheets.stackedGrid(1, 4), 6, 1,
                new Rng(5)), 16, 8, 2, new LocalBias(2, -8), true, true);
        randomise(dense, 0.3);
        randomise(sparse, 0.3);
        Tensor u = Init.normal(1, 16, 8, 16);
        agree("DenseColumnAttention", () -> dense.attend(u).output());
        agree("SparseColumnAttention", () -> sparse.attend(u).output());
    }

    @Test
    void lstmCellAgrees() {
        Engine.seed(5);
        LstmCell cell = new LstmCell(24, 32);
        Tensor x = Init.normal(1, 8, 24);
        Tensor h = Init.normal(1, 8, 32);
        Tensor c = Init.normal(1, 8, 32);
        agree("LstmCell", () -> cell.step(cell.inputProjection(x), h, c).h());
    }

    @Test
    void pathIntegrationAndAttentionMemoryAgree() {
        Engine.seed(6);
        PathIntegration path = new PathIntegration(16, 5, 8, 0.1, "linear", true, false);
        Tensor e = Init.normal(1, 8, 16);
        Tensor taken = Tensors.longs(new long[] {0, 1, 2, 3, 4, 1, 2, 3}, 8);
        agree("PathIntegration", () -> path.step(e, path.sideBySide(path.transitions()), taken));
        AttentionMemory memory = new AttentionMemory(16, 6, 12, 10);
        Tensor z = AttentionMemory.zscore(Init.normal(1, 2, 7, 16));
        Tensor symbols = torch.one_hot(Tensors.longs(new long[] {0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5, 0, 1}, 2, 7),
                6).toType(ScalarType.Float);
        Tensor mask = Tensors.ones(2, 7, 7).tril();
        agree("AttentionMemory", () -> memory.retrieve(z, List.of(z), symbols, mask).values());
    }

    /** Asserts {@code forward}'s bf16 output is within {@link #BF16_TOLERANCE} of its fp32 one, and not equal to it. */
    public static void agree(String layer, Supplier<Tensor> forward) {
        try (PointerScope ignored = new PointerScope()) {
            Tensor fp32 = forward.get().toType(ScalarType.Float);
            Tensor bf16;
            try (MixedPrecision.Scope scope = MixedPrecision.enter(Precision.BF16)) {
                bf16 = forward.get().toType(ScalarType.Float);
            }
            double error = Tensors.item(bf16.sub(fp32).norm()) / Tensors.item(fp32.norm());
            assertTrue(error <= BF16_TOLERANCE, layer + ": bf16 differs from fp32 by " + error + " (relative)");
            assertTrue(error > 1e-5, layer + ": bf16 equals fp32 (" + error + "): autocast computed nothing in bf16");
        }
    }

    private static ScalarType type(Tensor t) {
        return t.scalar_type().intern();
    }

    private static Path cpuinfo(Path dir, String name, String flags) throws IOException {
        return Files.writeString(dir.resolve(name), "processor\t: 0\n" + flags + "\n");
    }

    /** Weights of {@code m} redrawn from N(0, std^2), so that products are far from their zero-init values. */
    private static void randomise(Module m, double std) {
        for (Tensor p : m.parameters().values()) {
            Tensors.copy(Init.normal(std, p.shape()), p);
        }
    }
}
