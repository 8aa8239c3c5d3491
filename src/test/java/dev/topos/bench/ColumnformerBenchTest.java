package dev.topos.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.bench.ScalingPlan.Measured;
import dev.topos.config.Precision;
import dev.topos.geometry.Sheet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnformerBenchTest {
    private static final double EPS = 1e-9;

    @Test
    void sizesDoubleUpToTheCap() {
        assertEquals(List.of(256, 512, 1024, 2048, 4096), ScalingPlan.doublings(256, 4096));
        assertEquals(List.of(256, 512, 1024, 2048, 4096), ScalingPlan.doublings(256, 5000));
        assertEquals(List.of(), ScalingPlan.doublings(256, 255));
        assertEquals(131_072, ScalingPlan.doublings(256, 131_072).get(9));
        assertEquals(10, ScalingPlan.doublings(256, 131_072).size());
        assertEquals(List.of(Integer.MAX_VALUE / 2 + 1), ScalingPlan.doublings(Integer.MAX_VALUE / 2 + 1,
                Integer.MAX_VALUE), "no int overflow at the top");
    }

    @Test
    void gridsAreTheFlattestRectangle() {
        assertArrayEquals(new int[] {16, 16}, ScalingPlan.gridShape(256));
        assertArrayEquals(new int[] {16, 32}, ScalingPlan.gridShape(512));
        assertArrayEquals(new int[] {256, 512}, ScalingPlan.gridShape(131_072));
        assertArrayEquals(new int[] {3, 4}, ScalingPlan.gridShape(12));
        assertArrayEquals(new int[] {1, 7}, ScalingPlan.gridShape(7));
    }

    @Test
    void theSheetIsAFlatUnitGridSeenFromHeightTwo() {
        Sheet s = ColumnformerPoint.sheet(512); // 16 x 32
        assertEquals(512, s.size());
        assertEquals(2.0, s.between(0, 0), EPS);
        assertEquals(Math.sqrt(1 + 4), s.between(0, 1), EPS);
        assertEquals(Math.sqrt(1 + 4), s.between(0, 32), EPS, "next row");
        assertEquals(Math.sqrt(15 * 15 + 31 * 31 + 4), s.between(0, 511), EPS, "opposite corners");
        for (int n : ScalingPlan.doublings(256, 1 << 22)) {
            assertEquals(n, ColumnformerPoint.config("sparse", n).geometry().columns(), "valid config at N = " + n);
        }
    }

    @Test
    void oneMeasuredPointScalesAllOfItsMemory() {
        assertTrue(Double.isNaN(ScalingPlan.predictGiB(List.of(), 1024, 2)));
        List<Measured> one = List.of(new Measured(1024, 0.5));
        assertEquals(2.0, ScalingPlan.predictGiB(one, 2048, 2), EPS);
        assertEquals(1.0, ScalingPlan.predictGiB(one, 2048, 1), EPS);
    }

    @Test
    void twoPointsFitBaseAndGrowth() {
        // dense: c = 0.3 / (2048^2 - 1024^2) = 0.3 / 3145728; at 4096: 0.8 + c (4096^2 - 2048^2) = 0.8 + 1.2
        List<Measured> dense = List.of(new Measured(1024, 0.5), new Measured(2048, 0.8));
        assertEquals(2.0, ScalingPlan.predictGiB(dense, 4096, 2), EPS);
        // sparse: c = 0.1 / 1024 per column; at 8192: 0.6 + 0.1 x 6144 / 1024 = 1.2
        List<Measured> sparse = List.of(new Measured(256, 9), new Measured(1024, 0.5), new Measured(2048, 0.6));
        assertEquals(1.2, ScalingPlan.predictGiB(sparse, 8192, 1), EPS, "only the last two points count");
    }

    @Test
    void noGrowthBetweenTheLastTwoFallsBackToFirstAndLast() {
        // last two shrink (noise); first to last: c = 0.04 / 768; at 2048: 0.34 + 0.04 x 1024 / 768
        List<Measured> noisy = List.of(new Measured(256, 0.30), new Measured(512, 0.35), new Measured(1024, 0.34));
        assertEquals(0.34 + 0.04 * 1024 / 768, ScalingPlan.predictGiB(noisy, 2048, 1), EPS);
        List<Measured> flat = List.of(new Measured(256, 0.3), new Measured(512, 0.3));
        assertEquals(0.3, ScalingPlan.predictGiB(flat, 4096, 2), EPS);
    }

    @Test
    void pointsPredictedAboveTheLimitOrAfterAFailureAreSkipped() {
        List<Measured> dense = List.of(new Measured(1024, 0.5), new Measured(2048, 0.8));
        assertNull(ColumnformerBench.skipReason(List.of(), 0, 256, 2, 1.5), "nothing known: measure it");
        assertNull(ColumnformerBench.skipReason(dense, 0, 4096, 2, 2.5));
        assertEquals("skipped: predicted 2.0 GiB > limit 1.5 GiB",
                ColumnformerBench.skipReason(dense, 0, 4096, 2, 1.5));
        assertEquals("not tried: N = 4096 did not fit", ColumnformerBench.skipReason(dense, 4096, 8192, 2, 100));
    }

    @Test
    void theLimitNeverPassesTheMemoryAvailable() {
        assertEquals(17.4, ScalingPlan.effectiveLimitGiB(22, 18.4, 1), EPS);
        assertEquals(8, ScalingPlan.effectiveLimitGiB(8, 18.4, 1), EPS);
        assertEquals(22, ScalingPlan.effectiveLimitGiB(22, Double.NaN, 1), EPS);
        assertEquals(0, ScalingPlan.effectiveLimitGiB(22, 0.5, 1), EPS);
    }

    @Test
    void childHeapFitsTheJavaTablesOfEachMode() {
        assertEquals(512 + 1, ScalingPlan.heapMiB(true, 1024));
        assertEquals(512 + 128, ScalingPlan.heapMiB(true, 131_072));
        assertEquals(512 + 32, ScalingPlan.heapMiB(false, 1024)); // 32 x 2^20 bytes
        assertEquals(512 + 8192, ScalingPlan.heapMiB(false, 16_384));
    }

    @Test
    void resultLinesRoundTripAndBadOnesAreNamed() {
        var r = new ColumnformerPoint.Result("sparse", 4096, 123_456, 7, 3.5, 0.25, 1.2345, 2.5);
        var back = ColumnformerPoint.Result.parse("  " + r.line() + "\n");
        assertEquals(r, back);
        assertEquals(0.5, back.secondsPerUpdate(), EPS);
        assertNull(ColumnformerPoint.Result.parse("[W init.cpp:123] Warning: something libtorch printed"));
        var missing = assertThrows(IllegalArgumentException.class, () -> ColumnformerPoint.Result.parse(
                "topos-bench-point mode=dense n=256 params=1 updates=1 seconds=1 gflop=1 peak_gib=1"));
        assertTrue(missing.getMessage().contains("'setup_s'"), missing.getMessage());
        var bad = assertThrows(IllegalArgumentException.class, () -> ColumnformerPoint.Result.parse(
                r.line().replace("n=4096", "n=4k")));
        assertTrue(bad.getMessage().contains("malformed number"), bad.getMessage());
    }

    @Test
    void failuresSayWhy() {
        assertTrue(PointProcess.describeFailure(137, List.of("anything")).contains("SIGKILL"));
        String oom = PointProcess.describeFailure(3, List.of("[main] INFO something",
                "Terminating due to java.lang.OutOfMemoryError: Java heap space"));
        assertEquals("failed (exit 3): Terminating due to java.lang.OutOfMemoryError: Java heap space", oom);
        String torch = PointProcess.describeFailure(1, List.of(
                "Exception in thread \"main\" java.lang.RuntimeException: [enforce fail at alloc_cpu.cpp:117] "
                        + "data. DefaultCPUAllocator: can't allocate memory: you tried to allocate 17179869184 bytes.",
                "\tat org.bytedeco.pytorch.Tensor.matmul(Native Method)"));
        assertTrue(torch.startsWith("failed (exit 1): Exception in thread \"main\" java.lang.RuntimeException"),
                torch);
        assertTrue(torch.length() <= "failed (exit 1): ".length() + 160, torch);
        assertEquals("no result line", PointProcess.describeFailure(0, List.of()));
    }

    @Test
    void procStatusValuesAreReadInGiB() {
        assertEquals(1.0, Memory.kibToGiB(List.of("Name:\tjava", "VmHWM:\t 1048576 kB"), "VmHWM:"), EPS);
        assertTrue(Double.isNaN(Memory.kibToGiB(List.of("Name:\tjava"), "VmRSS:")));
        assertTrue(Memory.peakRssGiB() > 0, "this JVM has a peak RSS");
        assertTrue(Memory.rssGiB(ProcessHandle.current().pid()) > 0);
    }

    @Test
    void fixedSizeBenchmarksRefuseScalingLimits() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream());
        var e = assertThrows(IllegalArgumentException.class,
                () -> new TemBench().run(out, new BenchOptions(4096, 0, Precision.FP32)));
        assertTrue(e.getMessage().contains("'tem-t'") && e.getMessage().contains("--max-n"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BenchOptions(-1, 0, Precision.FP32));
        assertThrows(IllegalArgumentException.class, () -> new BenchOptions(0, Double.NaN, Precision.FP32));
        assertThrows(IllegalArgumentException.class, () -> new BenchOptions(0, 0, Precision.AUTO),
                "a benchmark runs in a resolved precision");
        assertEquals("columnformer", Benchmarks.byName("columnformer").name());
    }

    @Test
    void aTinyPointTrainsInAChildProcess() throws Exception {
        for (String mode : ColumnformerBench.MODES) {
            PointProcess.Outcome o = PointProcess.run(mode, 256, Precision.BF16, 0, 4);
            assertTrue(o.trained(), mode + ": " + o.failure());
            ColumnformerPoint.Result r = o.result();
            assertEquals(mode, r.mode());
            assertEquals(256, r.columns());
            assertEquals(1, r.updates());
            assertTrue(r.seconds() > 0 && r.gflop() > 0 && r.params() > 0, r.line());
            assertTrue(r.peakGib() > 0.05 && r.peakGib() < 4, r.line());
        }
    }

    @Test
    void aChildOverTheLimitIsKilled() throws Exception {
        PointProcess.Outcome o = PointProcess.run("sparse", 256, Precision.FP32, 0, 0.01);
        assertTrue(!o.trained() && o.failure().startsWith("killed: RSS reached"), o.failure());
    }
}
