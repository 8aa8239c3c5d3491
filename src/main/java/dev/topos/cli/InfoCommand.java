package dev.topos.cli;

import dev.topos.bench.Benchmarks;
import dev.topos.bench.MatmulPeak;
import dev.topos.config.ComputeDevice;
import dev.topos.config.Precision;
import dev.topos.experiment.Studies;
import dev.topos.nn.Blas;
import dev.topos.nn.Engine;
import dev.topos.nn.HostAllocator;
import dev.topos.nn.MixedPrecision;
import dev.topos.train.TrainConfig;
import dev.topos.util.BuildInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code topos info}: versions, device, threads, memory, and the measured fp32 and bf16 matmul
 * throughput ({@link MatmulPeak}); then what this build can run.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show versions, device, threads, memory and the measured fp32 and bf16 matmul GFLOP/s.")
final class InfoCommand implements Callable<Integer> {
    private static final double GIB = 1024.0 * 1024 * 1024;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ComputeDevice requested = ComputeDevice.current();
        ComputeDevice device = Engine.select(requested);
        row(out, "Topos", BuildInfo.current().describe());
        row(out, "Java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + ")");
        row(out, "Engine", "libtorch " + Engine.version() + " (org.bytedeco:pytorch; CUDA "
                + (torch.hasCUDA() ? "built in, devices visible: " + torch.cuda_device_count() : "not in this build")
                + "); fp32 BLAS " + Blas.loaded() + ", bf16 oneDNN");
        row(out, "Device", device + (requested == device ? "" : " (" + requested + ")"));
        row(out, "Threads", "libtorch intra-op " + Engine.threads() + ", inter-op " + Engine.interopThreads()
                + "; available processors " + java.lang.Runtime.getRuntime().availableProcessors());
        row(out, "Precision", "train.precision auto = " + MixedPrecision.resolve(Precision.AUTO)
                + (MixedPrecision.nativeBf16() ? " (the device computes bfloat16 natively)"
                        : " (no native bfloat16 on this device)") + "; configs default to " + TrainConfig.PRECISION);
        row(out, "Memory", memory());
        row(out, "Allocator", HostAllocator.describe());
        out.flush();
        for (ScalarType type : new ScalarType[] {ScalarType.Float, ScalarType.BFloat16}) {
            double peak = 0;
            StringBuilder sizes = new StringBuilder();
            for (MatmulPeak.Result r : MatmulPeak.measureSizes(type)) {
                peak = Math.max(peak, r.gflops());
                sizes.append(String.format(Locale.ROOT, "%d: %.1f, ", r.n(), r.gflops()));
            }
            row(out, type == ScalarType.Float ? "Matmul fp32" : "Matmul bf16",
                    String.format(Locale.ROOT, "%.1f GFLOP/s peak (%sbest repeat each)%s", peak, sizes,
                            MatmulPeak.emulated(type) ? "; no native bf16 on this CPU: libtorch emulates it" : ""));
            out.flush();
        }
        row(out, "Studies", list(Studies.names()));
        row(out, "Experiments", list(Experiments.bundled()));
        row(out, "Benchmarks", list(Benchmarks.names()));
        out.flush();
        return 0;
    }

    private static String memory() {
        String heap = String.format(Locale.ROOT, "JVM max heap %.1f GiB", java.lang.Runtime.getRuntime().maxMemory() / GIB);
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return heap + String.format(Locale.ROOT, "; physical %.1f GiB total, %.1f GiB free",
                    os.getTotalMemorySize() / GIB, os.getFreeMemorySize() / GIB);
        }
        return heap;
    }

    private static String list(List<String> names) {
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }

    private static void row(PrintWriter out, String key, String value) {
        out.printf("%-12s %s%n", key, value);
    }
}
