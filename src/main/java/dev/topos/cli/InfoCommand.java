package dev.topos.cli;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import dev.topos.bench.Benchmarks;
import dev.topos.bench.MatmulPeak;
import dev.topos.config.ComputeDevice;
import dev.topos.experiment.Studies;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code topos info}: versions, device, threads, memory, and the measured fp32 matmul throughput
 * ({@link MatmulPeak}); then what this build can run.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show versions, device, threads, memory and the measured fp32 matmul GFLOP/s.")
final class InfoCommand implements Callable<Integer> {
    private static final double GIB = 1024.0 * 1024 * 1024;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ComputeDevice device = ComputeDevice.current();
        Engine engine = Engine.getInstance();
        var djlDevice = device.djl();
        row(out, "Topos", Main.version());
        row(out, "Java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + ")");
        row(out, "Engine", engine.getEngineName() + " " + engine.getVersion() + " (DJL " + Engine.getDjlVersion()
                + ", GPUs visible: " + engine.getGpuCount() + ")");
        row(out, "Device", device + " (" + djlDevice + ")");
        row(out, "Threads", threads(engine));
        row(out, "Memory", memory());
        out.flush();
        double peak = 0;
        StringBuilder sizes = new StringBuilder();
        for (MatmulPeak.Result r : MatmulPeak.measureSizes(djlDevice)) {
            peak = Math.max(peak, r.gflops());
            sizes.append(String.format(Locale.ROOT, "%d: %.1f, ", r.n(), r.gflops()));
        }
        row(out, "Matmul fp32", String.format(Locale.ROOT, "%.1f GFLOP/s peak (%sbest repeat each)", peak, sizes));
        row(out, "Studies", list(Studies.names()));
        row(out, "Experiments", list(Experiments.bundled()));
        row(out, "Benchmarks", list(Benchmarks.names()));
        out.flush();
        return 0;
    }

    private static String threads(Engine engine) {
        String cores = "available processors " + java.lang.Runtime.getRuntime().availableProcessors();
        if (!"PyTorch".equals(engine.getEngineName())) {
            return cores;
        }
        return "PyTorch intra-op " + JniUtils.getNumThreads() + ", inter-op " + JniUtils.getNumInteropThreads()
                + "; " + cores;
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
