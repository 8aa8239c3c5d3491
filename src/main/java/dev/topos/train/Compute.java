package dev.topos.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topos.config.Precision;
import dev.topos.nn.Blas;
import dev.topos.nn.Engine;
import dev.topos.nn.HostAllocator;
import dev.topos.nn.MixedPrecision;
import dev.topos.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What a run computed on, as its folder's {@value #FILE} records it: the engine and its version,
 * the BLAS library of its fp32 products on the CPU, the device, the precision asked for and the one
 * it resolved to, libtorch's threads and how host memory is allocated ({@link HostAllocator}).
 */
public record Compute(String engine, String version, String blas, String device, String precision,
                      String requested, int threads, String allocator) {
    /** The file in a run folder. */
    public static final String FILE = "compute.json";

    /** The engine as it is now, training in {@code precision} resolved from {@code requested}. */
    public static Compute current(Precision requested) {
        return new Compute("libtorch", Engine.version(), Blas.loaded(), Engine.computeDevice().toString(),
                MixedPrecision.resolve(requested).toString(), requested.toString(), Engine.threads(),
                HostAllocator.describe());
    }

    /** Writes {@value #FILE} into {@code runDir} atomically. */
    public void write(Path runDir) throws IOException {
        AtomicFiles.writeString(runDir.resolve(FILE),
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n");
    }
}
