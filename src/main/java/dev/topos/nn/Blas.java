package dev.topos.nn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.mkl.global.mkl_rt;

/**
 * The BLAS library libtorch's fp32 matrix products run on. The {@code org.bytedeco:pytorch} build
 * links OpenBLAS; {@link #useMkl} has JavaCPP load Intel MKL ({@code org.bytedeco:mkl}) under
 * OpenBLAS's name instead, the library PyTorch's own builds use. The small batch-16 products of a
 * TEM walk are where OpenBLAS is weakest (16 x 256 by 256 x 1024 measured at 15 GFLOP/s). bf16
 * products go to oneDNN either way.
 */
public final class Blas {
    /** JavaCPP's switch: the library the OpenBLAS preset loads in OpenBLAS's place. */
    public static final String PROPERTY = "org.bytedeco.openblas.load";
    /** MKL's own switch for its OpenMP runtime; GNU shares libtorch's OpenMP threads. */
    public static final String THREADING_ENV = "MKL_THREADING_LAYER";

    private Blas() {}

    /**
     * Routes BLAS to MKL unless {@value #PROPERTY} already names a library, with MKL threading on
     * GNU OpenMP (libtorch's) unless {@value #THREADING_ENV} says otherwise. Must run before the
     * first libtorch class loads: the first thing {@code main} does.
     */
    public static void useMkl() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        System.setProperty(PROPERTY, "mkl_rt");
        if (System.getenv(THREADING_ENV) == null) {
            mkl_rt.MKL_Set_Threading_Layer(mkl_rt.MKL_THREADING_GNU);
        }
    }

    /** The BLAS library loaded in this process: "MKL", "OpenBLAS", or "unknown" (read from /proc/self/maps). */
    public static String loaded() {
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            var libs = lines.filter(l -> l.contains(".so")).map(l -> l.substring(l.lastIndexOf('/') + 1)).toList();
            if (libs.stream().anyMatch(l -> l.startsWith("libmkl_rt"))) {
                return "MKL";
            }
            return libs.stream().anyMatch(l -> l.startsWith("libopenblas")) ? "OpenBLAS" : "unknown";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
